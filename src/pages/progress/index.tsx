import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ApplicationProgress } from '@/domain/contract'
import { isValidApplicationNo, normalizeApplicationNo } from '@/domain/applicationNo'
import { lookupProgress } from '@/api/applications'
import type { ApiError } from '@/api/apiError'
import { apiErrorOf } from '@/stores/resource'
import PageRoot from '@/components/PageRoot'
import FormField from '@/components/FormField'
import ActionButton from '@/components/ActionButton'
import ProgressSummary from '@/components/ProgressSummary'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import Pressable from '@/components/Pressable'
import { useSessionStore } from '@/stores/session'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths, routeParam } from '@/navigation'
import { a11y } from '@/platform/a11y'
import './index.scss'

type Lookup = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: ApplicationProgress } | { status: 'error'; error: ApiError }

/** Progress without signing in: the application number and the last four digits of the applicant's phone. */
export default function ProgressLookup() {
  const { params } = useRouter()
  const signedIn = useSessionStore((state) => state.user !== null)
  const [no, setNo] = useState(routeParam(params, 'no'))
  const [last4, setLast4] = useState(routeParam(params, 'phoneLast4'))
  const [errors, setErrors] = useState<{ no?: string; last4?: string }>({})
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' })

  async function search(showLoading = true) {
    const canonical = normalizeApplicationNo(no)
    const problems = {
      no: isValidApplicationNo(canonical) ? undefined : '办件编号是 19 位数字和字母,请核对',
      last4: /^\d{4}$/.test(last4) ? undefined : '请输入手机号的后 4 位数字',
    }
    setErrors(problems)
    if (problems.no || problems.last4) return
    if (showLoading) setLookup({ status: 'loading' })
    try {
      setLookup({ status: 'ready', data: await lookupProgress(canonical, last4) })
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setLookup({ status: 'error', error: apiError })
    }
  }

  useEffect(() => {
    if (no && last4) void search()
    // Only on arrival with both in the link (from 我的办件 or a receipt's QR code).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  usePullToRefresh(() => (lookup.status === 'ready' ? search(false) : Promise.resolve()))

  return (
    <PageRoot className='progress'>
      <View className='progress__form'>
        <Text className='progress__title' {...a11y({ role: 'heading', level: 1 })}>
          查办件进度
        </Text>
        <Text className='progress__intro'>不用登录。输入办件编号和申请人手机号后四位即可查看办到哪一步。</Text>
        <FormField label='办件编号' value={no} onChange={setNo} placeholder='如 20261125 K7QM 3XW9 PA4' maxlength={30} error={errors.no} />
        <FormField label='手机号后四位' value={last4} onChange={setLast4} type='digits' placeholder='申请时留的手机号' maxlength={4} error={errors.last4} />
        <ActionButton block onPress={() => void search()}>
          查询
        </ActionButton>
        {signedIn ? (
          <Pressable className='progress__link' role='link' onPress={() => openPage(paths.myApplications)}>
            查看我的办件 ›
          </Pressable>
        ) : null}
      </View>
      {lookup.status === 'loading' ? <LoadingRows rows={3} label='正在查询' /> : null}
      {lookup.status === 'error' ? (
        lookup.error.code === 'APPLICATION_NOT_FOUND' ? (
          <ErrorState message={`${lookup.error.message}(办件编号印在受理回执上,也在提交成功的页面和短信里)`} />
        ) : (
          <ErrorState error={lookup.error} onRetry={() => void search()} />
        )
      ) : null}
      {lookup.status === 'ready' ? <ProgressSummary progress={lookup.data} /> : null}
    </PageRoot>
  )
}
