import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import type { ApplicationSummary } from '@/domain/contract'
import { shanghaiDateTime } from '@/domain/applicationText'
import { useApplicationsStore } from '@/stores/applications'
import { useSessionStore } from '@/stores/session'
import PageRoot from '@/components/PageRoot'
import Pressable from '@/components/Pressable'
import StageBadge from '@/components/StageBadge'
import ActionButton from '@/components/ActionButton'
import { EmptyState, ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths } from '@/navigation'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'
import '../apply.scss'
import '@/i18n/apply'

function Row({ application }: { application: ApplicationSummary }) {
  const t = useT()
  return (
    <Pressable className='apply-row' role='link' onPress={() => openPage(paths.application(application.no))}>
      <View className='apply-row__top'>
        <Text className='apply-row__name'>{application.itemName}</Text>
        <StageBadge stage={application.status} overdue={application.overdue} />
      </View>
      <Text className='apply-row__meta'>
        {t('apply.mine.submitted', { time: shanghaiDateTime(application.submittedAt) })}
        {application.onBehalf ? t('apply.mine.onBehalf') : ''}
        {application.promisedDueDate ? t('apply.mine.promisedBy', { date: application.promisedDueDate }) : ''}
      </Text>
      {application.canEvaluate ? <Text className='apply-row__invite'>{t('apply.mine.rateInvite')}</Text> : null}
    </Pressable>
  )
}

/** Everything I applied for, or that a grid worker applied for on my behalf, newest first. */
export default function MyApplications() {
  const t = useT()
  usePageTitle('apply.mineTitle')
  const signedIn = useSessionStore((state) => state.user !== null)
  const mine = useApplicationsStore((state) => state.mine)
  const loadMine = useApplicationsStore((state) => state.loadMine)
  useEffect(() => {
    if (signedIn) void loadMine({ refresh: true })
  }, [signedIn, loadMine])
  usePullToRefresh(() => loadMine({ refresh: true }))

  if (!signedIn) {
    return (
      <PageRoot className='apply'>
        <EmptyState title={t('apply.mine.signInTitle')} description={t('apply.mine.signInHint')}>
          <ActionButton onPress={() => openPage(paths.login(paths.myApplications))}>{t('apply.signIn')}</ActionButton>
          <ActionButton primary={false} onPress={() => openPage(paths.progress())}>{t('apply.mine.byNumber')}</ActionButton>
        </EmptyState>
      </PageRoot>
    )
  }
  const list = mine.data
  return (
    <PageRoot className='apply'>
      {mine.status === 'error' && list ? <StaleNotice error={mine.error} onRetry={() => void loadMine({ refresh: true })} /> : null}
      {mine.status === 'error' && !list ? <ErrorState error={mine.error} onRetry={() => void loadMine({ refresh: true })} /> : null}
      {!list && mine.status !== 'error' ? <LoadingRows rows={3} /> : null}
      {list && list.length === 0 ? (
        <EmptyState title={t('apply.mine.emptyTitle')} description={t('apply.mine.emptyHint')}>
          <ActionButton onPress={() => openPage(paths.search())}>{t('apply.mine.findItem')}</ActionButton>
        </EmptyState>
      ) : null}
      {list && list.length > 0 ? (
        <View className='apply__list'>
          {list.map((application) => (
            <Row key={application.no} application={application} />
          ))}
        </View>
      ) : null}
    </PageRoot>
  )
}
