import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import type { ResidentSummary } from '@/domain/contract'
import { useGridStore } from '@/stores/grid'
import { useSessionStore } from '@/stores/session'
import { doorOutbox, useDoorOutbox } from '@/stores/doorOutboxInstance'
import PageRoot from '@/components/PageRoot'
import VirtualList from '@/components/VirtualList'
import Pressable from '@/components/Pressable'
import ActionButton from '@/components/ActionButton'
import { EmptyState, ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useT } from '@/i18n/useT'
import { a11y } from '@/platform/a11y'
import { designToPx } from '@/platform/screenSize'
import { openPage, paths } from '@/navigation'
import { eligibilityReason } from '../eligibilityText'
import '../grid.scss'
import '@/i18n/grid'

/** A row's usual height in the 750-wide design (one reason to visit): the estimate for rows not drawn yet. */
const RESIDENT_ROW_DESIGN_HEIGHT = 260

function ResidentRow({ resident }: { resident: ResidentSummary }) {
  const t = useT()
  return (
    <Pressable className='grid-row' role='link' onPress={() => openPage(paths.gridResident(resident.id))}>
      <View className='grid-row__top'>
        <Text className='grid-row__name'>{resident.name}</Text>
        <Text className='grid-row__meta'>
          {t(resident.sex === 'female' ? 'grid.female' : 'grid.male')} · {t('grid.age', { age: resident.age })}
        </Text>
      </View>
      <Text className='grid-row__meta'>{resident.addressMasked}</Text>
      {resident.eligible.map((item) => (
        <Text key={item.itemCode} className='grid-row__item'>
          <Text className={item.daysUntil > 0 ? 'grid-row__due' : ''}>{eligibilityReason(item, t)}</Text> → {item.itemName}
        </Text>
      ))}
      {resident.lastVisit ? (
        <Text className='grid-row__meta'>{t('grid.lastVisit', { outcome: t(`grid.outcome.${resident.lastVisit.outcome}`), date: resident.lastVisit.at.slice(0, 10) })}</Text>
      ) : null}
    </Pressable>
  )
}

/** The grid worker's round: residents of their own grid who qualify for something not yet applied for. */
export default function GridHome() {
  const t = useT()
  usePageTitle('grid.homeTitle')
  const role = useSessionStore((state) => state.user?.role)
  const list = useGridStore((state) => state.list)
  const loadList = useGridStore((state) => state.loadList)
  const waiting = useDoorOutbox(doorOutbox, (state) => state.drafts.filter((draft) => draft.status !== 'submitted').length)
  useEffect(() => {
    if (role === 'grid_worker') void loadList({ refresh: true })
    void doorOutbox.getState().load()
  }, [role, loadList])
  usePullToRefresh(() => loadList({ refresh: true }))

  if (role !== 'grid_worker') {
    return (
      <PageRoot className='grid'>
        <EmptyState title={t('grid.staffOnly')} description={t('grid.staffOnlyHint')}>
          <ActionButton onPress={() => openPage(paths.staffLogin)}>{t('grid.signIn')}</ActionButton>
        </EmptyState>
      </PageRoot>
    )
  }
  const data = list.data
  const top = (
    <>
      {waiting > 0 ? (
        <Pressable className='grid__banner' role='link' onPress={() => openPage(paths.gridOutbox)}>
          {t('grid.outboxBanner', { count: waiting })}
        </Pressable>
      ) : null}
      {data ? (
        <View className='grid__body'>
          <Text className='grid__title' {...a11y({ role: 'heading', level: 1 })}>
            {data.gridName}
          </Text>
          <Text className='grid__hint'>{t('grid.listHint', { count: data.total })}</Text>
        </View>
      ) : null}
      {list.status === 'error' && data ? <StaleNotice error={list.error} onRetry={() => void loadList({ refresh: true })} /> : null}
    </>
  )
  const actions = (
    <View className='grid__actions'>
      <ActionButton primary={false} onPress={() => openPage(paths.gridOutbox)}>
        {t('grid.outboxTitle')}
      </ActionButton>
    </View>
  )
  // A grid holds hundreds of residents: the round scrolls on its own and draws only the rows on screen.
  if (data && data.residents.length > 0) {
    return (
      <PageRoot className='grid virtual-list-page'>
        <VirtualList
          className='grid__list'
          items={data.residents}
          keyOf={(resident) => resident.id}
          renderRow={(resident) => <ResidentRow resident={resident} />}
          label={data.gridName}
          estimatedRowHeight={designToPx(RESIDENT_ROW_DESIGN_HEIGHT)}
          header={top}
          footer={actions}
        />
      </PageRoot>
    )
  }
  return (
    <PageRoot className='grid'>
      {top}
      {list.status === 'error' && !data ? <ErrorState error={list.error} onRetry={() => void loadList({ refresh: true })} /> : null}
      {!data && list.status !== 'error' ? <LoadingRows rows={4} /> : null}
      {data && data.residents.length === 0 ? <EmptyState title={t('grid.emptyTitle')} description={t('grid.emptyHint')} /> : null}
      {actions}
    </PageRoot>
  )
}
