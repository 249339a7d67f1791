import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { useApplicationsStore } from '@/stores/applications'
import PageRoot from '@/components/PageRoot'
import ProgressSummary from '@/components/ProgressSummary'
import Section from '@/components/Section'
import { ErrorState, LoadingRows, StaleNotice } from '@/components/StatusViews'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { notify } from '@/dialogs'
import { routeParam } from '@/navigation'
import RatingForm from './RatingForm'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'
import '../apply.scss'
import '@/i18n/apply'

/** One of my applications: progress, what I sent, and the rating once it is done. */
export default function ApplicationDetail() {
  const t = useT()
  usePageTitle('apply.detailTitle')
  const no = routeParam(useRouter().params, 'no')
  const resource = useApplicationsStore((state) => state.details[no])
  const loadDetail = useApplicationsStore((state) => state.loadDetail)
  const evaluate = useApplicationsStore((state) => state.evaluate)
  useEffect(() => {
    void loadDetail(no, { refresh: true })
  }, [no, loadDetail])
  usePullToRefresh(() => loadDetail(no, { refresh: true }))

  const application = resource?.data
  const retry = () => void loadDetail(no, { refresh: true })
  return (
    <PageRoot className='apply' phone={application?.hall.phone} phoneLabel={application?.hall.name}>
      {resource?.status === 'error' && application ? <StaleNotice error={resource.error} onRetry={retry} /> : null}
      {resource?.status === 'error' && !application ? <ErrorState error={resource.error} onRetry={retry} /> : null}
      {!application && resource?.status !== 'error' ? <LoadingRows rows={4} /> : null}
      {application ? (
        <View>
          <ProgressSummary progress={application} />
          <Section title={t('apply.detail.info')}>
            <Text className='apply__text'>{t('apply.detail.applicant', { name: application.applicant.name })}</Text>
            <Text className='apply__text'>{t('apply.detail.idNumber', { idNumber: application.applicant.idNumberMasked })}</Text>
            <Text className='apply__text'>{t('apply.detail.phone', { phone: application.applicant.phoneMasked })}</Text>
            {application.submittedBy.onBehalf ? (
              <Text className='apply__hint'>{application.submittedBy.name
                  ? t('apply.detail.byGridWorker', { name: application.submittedBy.name })
                  : t('apply.detail.bySomeoneElse')}</Text>
            ) : null}
            <Text className='apply__text'>{t('apply.detail.materials', { names: application.materials.map((m) => m.name).join(t('apply.listSeparator')) || t('apply.none') })}</Text>
          </Section>
          {application.evaluation ? (
            <Section title={t('apply.detail.myRating')}>
              <Text className='apply__text'>{'★'.repeat(application.evaluation.score)}{'☆'.repeat(5 - application.evaluation.score)}</Text>
              {application.evaluation.tags.length ? <Text className='apply__hint'>{application.evaluation.tags.join(t('apply.listSeparator'))}</Text> : null}
              {application.evaluation.comment ? <Text className='apply__text'>{application.evaluation.comment}</Text> : null}
            </Section>
          ) : null}
          {application.canEvaluate ? (
            <Section title={t('apply.detail.rate')}>
              <RatingForm
                onSubmit={async (rating) => {
                  await evaluate(no, rating)
                  notify(t('apply.detail.thanks'))
                }}
              />
            </Section>
          ) : null}
        </View>
      ) : null}
    </PageRoot>
  )
}
