import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import type { ResidentDetail } from '@/domain/contract'
import { shanghaiDateTime } from '@/domain/applicationText'
import { useGridStore } from '@/stores/grid'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import Pressable from '@/components/Pressable'
import ActionButton from '@/components/ActionButton'
import StageBadge from '@/components/StageBadge'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import PhoneLink from '@/platform/PhoneLink'
import { openInMap } from '@/platform/location'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useT } from '@/i18n/useT'
import { a11y } from '@/platform/a11y'
import { openPage, paths, routeParam } from '@/navigation'
import { eligibilityReason } from '../eligibilityText'
import VisitForm from './VisitForm'
import '../grid.scss'
import '@/i18n/grid'

function ResidentView({ resident }: { resident: ResidentDetail }) {
  const t = useT()
  const place = resident.lat !== null && resident.lng !== null ? { lat: resident.lat, lng: resident.lng, name: resident.name, address: resident.address } : null
  return (
    <View>
      <View className='grid__body'>
        <Text className='grid__title' {...a11y({ role: 'heading', level: 1 })}>
          {resident.name}
        </Text>
        <Text className='grid__text'>
          {t(resident.sex === 'female' ? 'grid.female' : 'grid.male')} · {t('grid.age', { age: resident.age })} · {resident.birthDate}
        </Text>
        <Text className='grid__text'>{t('grid.idNumber', { id: resident.idNumberMasked })}</Text>
        <Text className='grid__text'>{resident.address}</Text>
        <View className='grid__buttons'>
          {place ? (
            <ActionButton primary={false} onPress={() => openInMap(place)}>
              {t('grid.navigate')}
            </ActionButton>
          ) : null}
          {resident.phone ? (
            <PhoneLink className='grid__link' phone={resident.phone} label={t('grid.callLabel', { name: resident.name, phone: resident.phone })}>
              {t('grid.call', { phone: resident.phone })}
            </PhoneLink>
          ) : (
            <Text className='grid__hint'>{t('grid.noPhone')}</Text>
          )}
        </View>
      </View>

      <Section title={t('grid.eligibleTitle')}>
        {resident.eligible.length === 0 ? <Text className='grid__hint'>{t('grid.eligibleNone')}</Text> : null}
        {resident.eligible.map((item) => (
          <View key={item.itemCode} className='grid-row'>
            <Text className='grid-row__name'>{item.itemName}</Text>
            <Text className='grid-row__item'>{eligibilityReason(item, t)}</Text>
            <ActionButton onPress={() => openPage(paths.gridApply({ residentId: resident.id, itemCode: item.itemCode }))}>
              {item.daysUntil > 0 ? t('grid.applyEarly') : t('grid.applyAtDoor')}
            </ActionButton>
          </View>
        ))}
      </Section>

      <Section title={t('grid.visitTitle')}>
        <VisitForm residentId={resident.id} />
        {resident.visits.map((visit) => (
          <View key={visit.id} className='grid-row'>
            <Text className='grid-row__name'>{t(`grid.outcome.${visit.outcome}`)}</Text>
            <Text className='grid-row__meta'>
              {shanghaiDateTime(visit.at)}
              {visit.workerName ? ` · ${visit.workerName}` : ''}
            </Text>
            {visit.note ? <Text className='grid-row__item'>{visit.note}</Text> : null}
          </View>
        ))}
      </Section>

      <Section title={t('grid.applicationsTitle')}>
        {resident.applications.length === 0 ? <Text className='grid__hint'>{t('grid.applicationsNone')}</Text> : null}
        {resident.applications.map((application) => (
          <Pressable key={application.no} className='grid-row' role='link' onPress={() => openPage(paths.progress())}>
            <View className='grid-row__top'>
              <Text className='grid-row__name'>{application.itemName}</Text>
              <StageBadge stage={application.status} overdue={application.overdue} />
            </View>
            <Text className='grid-row__meta'>
              {application.no} · {shanghaiDateTime(application.submittedAt)}
            </Text>
          </Pressable>
        ))}
      </Section>
    </View>
  )
}

/** One resident of the worker's own grid: who, where, how to reach them, what they can apply for, visits so far. */
export default function GridResident() {
  const t = useT()
  usePageTitle('grid.residentTitle')
  const id = routeParam(useRouter().params, 'id')
  const resource = useGridStore((state) => state.residents[id])
  const loadResident = useGridStore((state) => state.loadResident)
  useEffect(() => {
    if (id) void loadResident(id, { refresh: true })
  }, [id, loadResident])
  usePullToRefresh(() => loadResident(id, { refresh: true }))

  return (
    <PageRoot className='grid'>
      {resource?.data ? <ResidentView resident={resource.data} /> : null}
      {resource?.status === 'error' && !resource.data ? (
        <ErrorState error={resource.error} onRetry={() => void loadResident(id, { refresh: true })}>
          <ActionButton primary={false} onPress={() => openPage(paths.gridHome)}>
            {t('grid.backToList')}
          </ActionButton>
        </ErrorState>
      ) : null}
      {!resource?.data && resource?.status !== 'error' ? <LoadingRows rows={4} /> : null}
    </PageRoot>
  )
}
