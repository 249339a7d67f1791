import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { StaffApplication, StaffEventBody } from '@/domain/contract'
import { isValidApplicationNo, normalizeApplicationNo } from '@/domain/applicationNo'
import { fetchStaffApplication, recordStaffEvent } from '@/api/applications'
import type { ApiError } from '@/api/apiError'
import { apiErrorOf } from '@/stores/resource'
import { useSessionStore } from '@/stores/session'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import FormField from '@/components/FormField'
import ActionButton from '@/components/ActionButton'
import ProgressSummary from '@/components/ProgressSummary'
import { EmptyState, ErrorState, LoadingRows } from '@/components/StatusViews'
import { notify } from '@/dialogs'
import { openPage, paths, routeParam } from '@/navigation'
import StepForm from './StepForm'
import MaterialPhotos from '@/components/MaterialPhotos'
import '../../apply/apply.scss'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'
import './index.scss'
import '@/i18n/apply'

type Found = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: StaffApplication } | { status: 'error'; error: ApiError }

/** Window staff: find an application of their hall by number and record its next step. */
export default function StaffApplications() {
  const t = useT()
  usePageTitle('apply.staff.pageTitle')
  const user = useSessionStore((state) => state.user)
  const [no, setNo] = useState(routeParam(useRouter().params, 'no'))
  const [noError, setNoError] = useState<string | null>(null)
  const [found, setFound] = useState<Found>({ status: 'idle' })

  async function open() {
    const canonical = normalizeApplicationNo(no)
    if (!isValidApplicationNo(canonical)) {
      setNoError(t('apply.staff.noInvalid'))
      return
    }
    setNoError(null)
    setFound({ status: 'loading' })
    try {
      setFound({ status: 'ready', data: await fetchStaffApplication(canonical) })
    } catch (error) {
      const apiError = apiErrorOf(error)
      if (apiError) setFound({ status: 'error', error: apiError })
    }
  }

  useEffect(() => {
    if (no && user?.role === 'window_staff') void open()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  async function record(body: StaffEventBody): Promise<boolean> {
    if (found.status !== 'ready') return false
    try {
      setFound({ status: 'ready', data: await recordStaffEvent(found.data.no, body) })
      notify(t('apply.staff.recorded'))
      return true
    } catch (error) {
      const apiError = apiErrorOf(error)
      notify(apiError?.message ?? t('apply.staff.recordFailed'))
      // The state may have moved on (another window): show it as it is now.
      if (apiError?.code === 'ILLEGAL_TRANSITION') await open()
      return false
    }
  }

  if (user?.role !== 'window_staff') {
    return (
      <PageRoot className='staff-apps'>
        <EmptyState title={t('apply.staff.signInTitle')} description={t('apply.staff.signInHint')}>
          <ActionButton onPress={() => openPage(paths.staffLogin)}>{t('apply.staff.signIn')}</ActionButton>
        </EmptyState>
      </PageRoot>
    )
  }

  const application = found.status === 'ready' ? found.data : null
  return (
    <PageRoot className='staff-apps'>
      <View className='apply__body'>
        <Text className='apply__title'>{t('apply.staff.title', { hall: user.hallName ?? user.hallId ?? '' })}</Text>
        <FormField label={t('apply.staff.noField')} value={no} onChange={setNo} maxlength={30} error={noError} placeholder={t('apply.staff.noPlaceholder')} />
        <ActionButton block onPress={() => void open()}>
          {t('apply.staff.find')}
        </ActionButton>
      </View>
      {found.status === 'loading' ? <LoadingRows rows={4} /> : null}
      {found.status === 'error' ? <ErrorState error={found.error} onRetry={found.error.retryable ? () => void open() : undefined} /> : null}
      {application ? (
        <View>
          <Section title={t('apply.staff.next')}>
            <StepForm key={`${application.no}-${application.events.length}`} application={application} onRecord={record} />
          </Section>
          <Section title={t('apply.staff.applicant')}>
            <Text className='apply__text'>{t('apply.staff.name', { name: application.applicant.name })}</Text>
            <Text className='apply__text'>{t('apply.staff.idNumber', { idNumber: application.applicant.idNumber })}</Text>
            <Text className='apply__text'>{t('apply.staff.phone', { phone: application.applicant.phone })}</Text>
            {application.applicant.address ? <Text className='apply__text'>{t('apply.staff.address', { address: application.applicant.address })}</Text> : null}
            <Text className='apply__text'>
              {application.submittedBy.onBehalf
                ? t('apply.staff.submittedByGrid', { name: application.submittedBy.name ?? '' })
                : t('apply.staff.submittedBySelf')}
            </Text>
            {application.eligibilityOverride ? (
              <Text className='apply__text'>
                {t('apply.staff.override', { reason: application.eligibilityOverride })}
              </Text>
            ) : null}
          </Section>
          <Section title={t('apply.staff.materials')}>
            <MaterialPhotos materials={application.materials} />
          </Section>
          {application.evaluation ? (
            <Section title={t('apply.staff.rating')}>
              <Text className='apply__text'>{'★'.repeat(application.evaluation.score)}{'☆'.repeat(5 - application.evaluation.score)}</Text>
              {application.evaluation.tags.length ? <Text className='apply__hint'>{application.evaluation.tags.join(t('apply.listSeparator'))}</Text> : null}
              {application.evaluation.comment ? <Text className='apply__text'>{application.evaluation.comment}</Text> : null}
            </Section>
          ) : null}
          <ProgressSummary progress={application} />
        </View>
      ) : null}
    </PageRoot>
  )
}
