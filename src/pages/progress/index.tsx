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
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'
import './index.scss'
import '@/i18n/progress'

type Lookup = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: ApplicationProgress } | { status: 'error'; error: ApiError }

/** Progress without signing in: the application number and the last four digits of the applicant's phone. */
export default function ProgressLookup() {
  const t = useT()
  usePageTitle('progress.pageTitle')
  const { params } = useRouter()
  const signedIn = useSessionStore((state) => state.user !== null)
  const [no, setNo] = useState(routeParam(params, 'no'))
  const [last4, setLast4] = useState(routeParam(params, 'phoneLast4'))
  const [errors, setErrors] = useState<{ no?: string; last4?: string }>({})
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' })

  async function search(showLoading = true) {
    const canonical = normalizeApplicationNo(no)
    const problems = {
      no: isValidApplicationNo(canonical) ? undefined : t('progress.noInvalid'),
      last4: /^\d{4}$/.test(last4) ? undefined : t('progress.last4Invalid'),
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
          {t('progress.title')}
        </Text>
        <Text className='progress__intro'>{t('progress.intro')}</Text>
        <FormField label={t('progress.noField')} value={no} onChange={setNo} placeholder={t('progress.noPlaceholder')} maxlength={30} error={errors.no} />
        <FormField label={t('progress.last4Field')} value={last4} onChange={setLast4} type='digits' placeholder={t('progress.last4Placeholder')} maxlength={4} error={errors.last4} />
        <ActionButton block onPress={() => void search()}>
          {t('progress.search')}
        </ActionButton>
        {signedIn ? (
          <Pressable className='progress__link' role='link' onPress={() => openPage(paths.myApplications)}>
            {t('progress.mine')}
          </Pressable>
        ) : null}
      </View>
      {lookup.status === 'loading' ? <LoadingRows rows={3} label={t('progress.searching')} /> : null}
      {lookup.status === 'error' ? (
        lookup.error.code === 'APPLICATION_NOT_FOUND' ? (
          <ErrorState message={t('progress.whereIsNo', { message: lookup.error.message })} />
        ) : (
          <ErrorState error={lookup.error} onRetry={() => void search()} />
        )
      ) : null}
      {lookup.status === 'ready' ? <ProgressSummary progress={lookup.data} /> : null}
    </PageRoot>
  )
}
