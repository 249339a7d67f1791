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
import '../apply.scss'

function Row({ application }: { application: ApplicationSummary }) {
  return (
    <Pressable className='apply-row' role='link' onPress={() => openPage(paths.application(application.no))}>
      <View className='apply-row__top'>
        <Text className='apply-row__name'>{application.itemName}</Text>
        <StageBadge stage={application.status} overdue={application.overdue} />
      </View>
      <Text className='apply-row__meta'>
        {shanghaiDateTime(application.submittedAt)} 提交{application.onBehalf ? ' · 代办' : ''}
        {application.promisedDueDate ? ` · 承诺 ${application.promisedDueDate} 前办结` : ''}
      </Text>
      {application.canEvaluate ? <Text className='apply-row__invite'>已办结,欢迎评价 ›</Text> : null}
    </Pressable>
  )
}

/** Everything I applied for, or that a grid worker applied for on my behalf, newest first. */
export default function MyApplications() {
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
        <EmptyState title='登录后查看我的办件' description='不登录也可以用办件编号和手机号后四位查询进度。'>
          <ActionButton onPress={() => openPage(paths.login(paths.myApplications))}>登录</ActionButton>
          <ActionButton primary={false} onPress={() => openPage(paths.progress())}>按编号查询</ActionButton>
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
        <EmptyState title='还没有办件' description='在办事指南里找到要办的事项,支持网上办理的可以直接在线申请。'>
          <ActionButton onPress={() => openPage(paths.search())}>找事项</ActionButton>
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
