import { View, Text } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import { Phone } from '@nutui/icons-react-taro'
import type { Guide } from '@/domain/contract'
import { hallLevelLabels, itemKindLabels } from '@/domain/guideFacts'
import { useGuide, useGuidesStore } from '@/stores/guides'
import Section from '@/components/Section'
import FactTag from '@/components/FactTag'
import MaterialChecklist from '@/components/MaterialChecklist'
import { ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import PhoneLink from '@/platform/PhoneLink'
import { a11y } from '@/platform/a11y'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths, routeParam } from '@/navigation'
import GuideFacts from './GuideFacts'
import GuideHalls from './GuideHalls'
import PageRoot from '@/components/PageRoot'
import './index.scss'
import ActionButton from '@/components/ActionButton'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useAfterFirstScreen } from '@/hooks/useAfterFirstScreen'
import '@/i18n/guide'

/** 预约办理: for items the halls take appointments for. */
function BookEntry({ code }: { code: string }) {
  const t = useT()
  return (
    <View className='guide__apply'>
      <ActionButton block onPress={() => openPage(paths.book(code))}>
        {t('booking.entryGuide')}
      </ActionButton>
      <Text className='guide__muted'>{t('booking.entryGuideHint')}</Text>
    </View>
  )
}

function GuideBody({ guide }: { guide: Guide }) {
  const t = useT()
  const restOfPage = useAfterFirstScreen()
  const separator = t('guide.listSeparator')
  return (
    <View>
      <View className='guide__header'>
        <Text className='guide__name' {...a11y({ role: 'heading', level: 1 })}>
          {guide.name}
        </Text>
        <Text className='guide__department'>{guide.department}</Text>
        <View className='guide__tags'>
          <FactTag>{t(itemKindLabels[guide.kind])}</FactTag>
          <FactTag>{guide.type}</FactTag>
          {guide.anywhere ? <FactTag tone='success'>{t('guide.anywhereTag')}</FactTag> : null}
          {guide.appointment ? <FactTag>{t('guide.bookableTag')}</FactTag> : null}
        </View>
        <GuideFacts guide={guide} />
        {guide.appointment ? <BookEntry code={guide.code} /> : null}
        {guide.online !== '窗口办理' ? (
          <View className='guide__apply'>
            <ActionButton block onPress={() => openPage(paths.apply(guide.code))}>
              {t('guide.applyOnline')}
            </ActionButton>
          </View>
        ) : null}
      </View>

      <Section title={t('guide.conditions')}>
        {guide.conditions.length === 0 ? (
          <Text className='guide__muted'>{t('guide.noConditions')}</Text>
        ) : (
          <View className='guide__list' {...a11y({ role: 'list' })}>
            {guide.conditions.map((condition) => (
              <Text key={condition} className='guide__list-item' {...a11y({ role: 'listitem' })}>
                • {condition}
              </Text>
            ))}
          </View>
        )}
        <Text className='guide__muted'>
          {t('guide.audience', {
            audience: guide.audience.join(separator),
            levels: guide.levels.map((level) => t(hallLevelLabels[level])).join(separator),
          })}
        </Text>
      </Section>

      <Section title={t('guide.materials')}>
        <MaterialChecklist itemCode={guide.code} materials={guide.materials} />
      </Section>

      {restOfPage ? <GuideDetails guide={guide} /> : null}
    </View>
  )
}

/** Steps, halls, legal basis and phone: below the first screen. */
function GuideDetails({ guide }: { guide: Guide }) {
  const t = useT()
  return (
    <>
      <Section title={t('guide.steps')}>
        <View className='guide__steps' {...a11y({ role: 'list' })}>
          {guide.steps.map((step, index) => (
            <View key={`${index}-${step}`} className='guide__step' {...a11y({ role: 'listitem', label: t('guide.stepLabel', { number: index + 1, step }) })}>
              <Text className='guide__step-no'>{index + 1}</Text>
              <Text className='guide__step-text'>{step}</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title={t('guide.halls')}>
        <GuideHalls guide={guide} />
      </Section>

      <Section title={t('guide.basis')}>
        <Text className='guide__basis'>{guide.basis || '—'}</Text>
      </Section>

      <Section title={t('guide.phone')}>
        <PhoneLink className='guide__call' phone={guide.phone} label={t('guide.callLabel', { phone: guide.phone })}>
          <Phone size={18} color='currentColor' />
          <Text>{guide.phone}</Text>
        </PhoneLink>
      </Section>
    </>
  )
}

export default function GuidePage() {
  const t = useT()
  usePageTitle('guide.pageTitle')
  const code = routeParam(useRouter().params, 'code')
  const resource = useGuide(code)
  const load = useGuidesStore((state) => state.load)

  useEffect(() => {
    if (code) void load(code)
  }, [code, load])
  const refresh = () => load(code, { refresh: true })
  usePullToRefresh(refresh)
  useShareAppMessage(() => ({
    title: resource.data ? t('guide.shareTitle', { name: resource.data.name }) : t('guide.pageTitle'),
    path: paths.guide(code),
  }))

  if (!code || (resource.status === 'error' && !resource.data && resource.error.code === 'ITEM_NOT_FOUND')) {
    return (
      <PageRoot className='guide'>
        <ErrorState message={resource.error?.message ?? t('guide.missingCode')}>
          <ActionButton onPress={() => openPage(paths.search())}>{t('guide.searchAgain')}</ActionButton>
        </ErrorState>
      </PageRoot>
    )
  }
  if (resource.status === 'error' && !resource.data) {
    return (
      <PageRoot className='guide'>
        <ErrorState error={resource.error} onRetry={() => void refresh()} />
      </PageRoot>
    )
  }
  if (!resource.data) {
    return (
      <PageRoot className='guide'>
        <LoadingRows rows={6} label={t('guide.loading')} />
      </PageRoot>
    )
  }
  return (
    <PageRoot className='guide' phone={resource.data.phone || undefined} phoneLabel={resource.data.department}>
      {resource.status === 'error' ? (
        <StaleNotice error={resource.error} onRetry={() => void refresh()} />
      ) : null}
      <GuideBody guide={resource.data} />
    </PageRoot>
  )
}
