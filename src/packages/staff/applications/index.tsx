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
import './index.scss'

type Found = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: StaffApplication } | { status: 'error'; error: ApiError }

/** Window staff: find an application of their hall by number and record its next step. */
export default function StaffApplications() {
  const user = useSessionStore((state) => state.user)
  const [no, setNo] = useState(routeParam(useRouter().params, 'no'))
  const [noError, setNoError] = useState<string | null>(null)
  const [found, setFound] = useState<Found>({ status: 'idle' })

  async function open() {
    const canonical = normalizeApplicationNo(no)
    if (!isValidApplicationNo(canonical)) {
      setNoError('办件编号不正确,请核对')
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
      notify('已记录')
      return true
    } catch (error) {
      const apiError = apiErrorOf(error)
      notify(apiError?.message ?? '没有记录成功,请重试')
      // The state may have moved on (another window): show it as it is now.
      if (apiError?.code === 'ILLEGAL_TRANSITION') await open()
      return false
    }
  }

  if (user?.role !== 'window_staff') {
    return (
      <PageRoot className='staff-apps'>
        <EmptyState title='请用窗口工作人员账号登录' description='办件受理只对办理大厅的窗口工作人员开放。'>
          <ActionButton onPress={() => openPage(paths.staffLogin)}>工作人员登录</ActionButton>
        </EmptyState>
      </PageRoot>
    )
  }

  const application = found.status === 'ready' ? found.data : null
  return (
    <PageRoot className='staff-apps'>
      <View className='apply__body'>
        <Text className='apply__title'>办件受理 · {user.hallName ?? user.hallId}</Text>
        <FormField label='办件编号' value={no} onChange={setNo} maxlength={30} error={noError} placeholder='扫描或输入申请人出示的编号' />
        <ActionButton block onPress={() => void open()}>
          查找
        </ActionButton>
      </View>
      {found.status === 'loading' ? <LoadingRows rows={4} /> : null}
      {found.status === 'error' ? <ErrorState error={found.error} onRetry={found.error.retryable ? () => void open() : undefined} /> : null}
      {application ? (
        <View>
          <Section title='下一步'>
            <StepForm key={`${application.no}-${application.events.length}`} application={application} onRecord={record} />
          </Section>
          <Section title='申请人(已记录查看)'>
            <Text className='apply__text'>姓名:{application.applicant.name}</Text>
            <Text className='apply__text'>身份证号:{application.applicant.idNumber}</Text>
            <Text className='apply__text'>手机号:{application.applicant.phone}</Text>
            {application.applicant.address ? <Text className='apply__text'>地址:{application.applicant.address}</Text> : null}
            <Text className='apply__text'>
              提交人:{application.submittedBy.onBehalf ? `网格员 ${application.submittedBy.name ?? ''}(代办)` : '申请人本人'}
            </Text>
            {application.eligibilityOverride ? (
              <Text className='apply__text'>
                注意:按登记信息申请人暂不符合条件,网格员说明的原因是:{application.eligibilityOverride}
              </Text>
            ) : null}
          </Section>
          <Section title='申请材料'>
            <MaterialPhotos materials={application.materials} />
          </Section>
          {application.evaluation ? (
            <Section title='群众评价'>
              <Text className='apply__text'>{'★'.repeat(application.evaluation.score)}{'☆'.repeat(5 - application.evaluation.score)}</Text>
              {application.evaluation.tags.length ? <Text className='apply__hint'>{application.evaluation.tags.join('、')}</Text> : null}
              {application.evaluation.comment ? <Text className='apply__text'>{application.evaluation.comment}</Text> : null}
            </Section>
          ) : null}
          <ProgressSummary progress={application} />
        </View>
      ) : null}
    </PageRoot>
  )
}
