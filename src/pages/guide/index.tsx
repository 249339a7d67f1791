import { View, Text } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import { Phone } from '@nutui/icons-react-taro'
import type { Guide } from '@/domain/contract'
import { levelsLabel } from '@/domain/guideFacts'
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
  return (
    <View>
      <View className='guide__header'>
        <Text className='guide__name' {...a11y({ role: 'heading', level: 1 })}>
          {guide.name}
        </Text>
        <Text className='guide__department'>{guide.department}</Text>
        <View className='guide__tags'>
          <FactTag>{guide.kind}</FactTag>
          <FactTag>{guide.type}</FactTag>
          {guide.anywhere ? <FactTag tone='success'>全区通办</FactTag> : null}
          {guide.appointment ? <FactTag>可预约</FactTag> : null}
        </View>
        <GuideFacts guide={guide} />
        {guide.appointment ? <BookEntry code={guide.code} /> : null}
        {guide.online !== '窗口办理' ? (
          <View className='guide__apply'>
            <ActionButton block onPress={() => openPage(paths.apply(guide.code))}>
              在线申请
            </ActionButton>
          </View>
        ) : null}
      </View>

      <Section title='申请条件'>
        {guide.conditions.length === 0 ? (
          <Text className='guide__muted'>无特别条件</Text>
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
          服务对象:{guide.audience.join('、')} · 可在{levelsLabel(guide.levels)}办理
        </Text>
      </Section>

      <Section title='材料清单'>
        <MaterialChecklist itemCode={guide.code} materials={guide.materials} />
      </Section>

      <Section title='办理流程'>
        <View className='guide__steps' {...a11y({ role: 'list' })}>
          {guide.steps.map((step, index) => (
            <View key={`${index}-${step}`} className='guide__step' {...a11y({ role: 'listitem', label: `第${index + 1}步,${step}` })}>
              <Text className='guide__step-no'>{index + 1}</Text>
              <Text className='guide__step-text'>{step}</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title='办理地点'>
        <GuideHalls guide={guide} />
      </Section>

      <Section title='设定依据'>
        <Text className='guide__basis'>{guide.basis || '—'}</Text>
      </Section>

      <Section title='咨询电话'>
        <PhoneLink className='guide__call' phone={guide.phone} label={`拨打咨询电话 ${guide.phone}`}>
          <Phone size={18} color='currentColor' />
          <Text>{guide.phone}</Text>
        </PhoneLink>
      </Section>
    </View>
  )
}

export default function GuidePage() {
  const code = routeParam(useRouter().params, 'code')
  const resource = useGuide(code)
  const load = useGuidesStore((state) => state.load)

  useEffect(() => {
    if (code) void load(code)
  }, [code, load])
  const refresh = () => load(code, { refresh: true })
  usePullToRefresh(refresh)
  useShareAppMessage(() => ({
    title: resource.data ? `${resource.data.name} 办事指南` : '办事指南',
    path: paths.guide(code),
  }))

  if (!code || (resource.status === 'error' && !resource.data && resource.error.code === 'ITEM_NOT_FOUND')) {
    return (
      <PageRoot className='guide'>
        <ErrorState message={resource.error?.message ?? '链接里缺少事项编号,请重新搜索'}>
          <ActionButton onPress={() => openPage(paths.search())}>重新搜索</ActionButton>
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
        <LoadingRows rows={6} label='正在加载办事指南' />
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
