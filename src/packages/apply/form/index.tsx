import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Application, ApplicantInput, Guide } from '@/domain/contract'
import { formatApplicationNo } from '@/domain/applicationNo'
import { shanghaiTime } from '@/domain/clockTime'
import { maskIdNumber } from '@/domain/identity'
import { submitApplication } from '@/api/applications'
import { newIdempotencyKey } from '@/api/idempotencyKey'
import { useGuide, useGuidesStore } from '@/stores/guides'
import { useSessionStore } from '@/stores/session'
import { useProfilePrefill } from '@/hooks/useProfilePrefill'
import { apiErrorOf } from '@/stores/resource'
import PageRoot from '@/components/PageRoot'
import Section from '@/components/Section'
import FormField from '@/components/FormField'
import ActionButton from '@/components/ActionButton'
import ConsentCheck from '@/components/ConsentCheck'
import { EmptyState, ErrorState, LoadingRows } from '@/components/StatusViews'
import { a11y } from '@/platform/a11y'
import { askForReminders } from '@/platform/reminderConsent'
import { openPage, paths, routeParam } from '@/navigation'
import { useMaterialUploads } from './useMaterialUploads'
import MaterialUploadRow from './MaterialUploadRow'
import { applicantFromProfile, checkApplicant, emptyApplicant, type ApplicantDraft, type ApplicantErrors } from './applicantForm'
import '../apply.scss'

type Step = 'form' | 'review' | 'done'

function ApplyFlow({ guide }: { guide: Guide }) {
  const materials = useMemo(() => [...guide.materials.filter((m) => m.required), ...guide.materials.filter((m) => !m.required)], [guide])
  const uploads = useMaterialUploads(materials)
  const [step, setStep] = useState<Step>('form')
  const [draft, setDraft] = useState<ApplicantDraft>(emptyApplicant)
  const [errors, setErrors] = useState<ApplicantErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [applicant, setApplicant] = useState<ApplicantInput | null>(null)
  const [consent, setConsent] = useState(false)
  const [consentError, setConsentError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [created, setCreated] = useState<Application | null>(null)
  // One key per application being reviewed: every retry of 提交 sends the same one, so nothing is created twice.
  const idempotencyKey = useRef(newIdempotencyKey())

  useProfilePrefill((profile) => setDraft(applicantFromProfile(profile)))

  const field = (name: keyof ApplicantDraft) => (value: string) => setDraft((current) => ({ ...current, [name]: value }))

  function toReview() {
    const checked = checkApplicant(draft, shanghaiTime(new Date()).date)
    setErrors(checked.errors)
    if (!checked.input) {
      setFormError('申请人信息有误,请按提示修改')
      return
    }
    if (uploads.busy) {
      setFormError('还有材料正在上传,请稍等')
      return
    }
    if (uploads.missingRequired.length > 0) {
      setFormError(`还需上传:${uploads.missingRequired.join('、')}`)
      return
    }
    setFormError(null)
    setApplicant(checked.input)
    idempotencyKey.current = newIdempotencyKey()
    setStep('review')
  }

  async function submit() {
    if (!consent) {
      setConsentError('请先阅读并勾选同意')
      return
    }
    setConsentError(null)
    void askForReminders(['application'])
    setSubmitting(true)
    setSubmitError(null)
    try {
      const application = await submitApplication(
        {
          itemCode: guide.code,
          applicant: applicant!,
          materials: uploads.done.map((upload) => upload.uploadId),
          materialNames: uploads.done.map((upload) => upload.name),
          consent: { sensitive: true },
        },
        idempotencyKey.current,
      )
      setCreated(application)
      setStep('done')
    } catch (error) {
      setSubmitError(apiErrorOf(error)?.message ?? '提交没有成功,请重试')
    } finally {
      setSubmitting(false)
    }
  }

  if (step === 'done' && created) {
    return (
      <View className='apply__body' {...a11y({ role: 'status' })}>
        <Text className='apply__title' {...a11y({ role: 'heading', level: 1 })}>
          申请已提交
        </Text>
        <Text className='apply__text'>办件编号(请记下,查进度要用):</Text>
        <Text className='apply__no'>{formatApplicationNo(created.no)}</Text>
        <Text className='apply__text'>
          {created.hall.name} 会审核您的材料。受理后 {created.promisedDays} 个工作日内办结;需要补正时,进度里会写明缺什么。
        </Text>
        <ActionButton block onPress={() => openPage(paths.application(created.no))}>
          查看办理进度
        </ActionButton>
        <ActionButton block primary={false} onPress={() => openPage(paths.myApplications)}>
          我的办件
        </ActionButton>
      </View>
    )
  }

  if (step === 'review' && applicant) {
    return (
      <View>
        <View className='apply__body'>
          <Text className='apply__title' {...a11y({ role: 'heading', level: 1 })}>
            核对申请信息
          </Text>
          <Text className='apply__text'>事项:{guide.name}</Text>
          <Text className='apply__text'>申请人:{applicant.name}</Text>
          <Text className='apply__text'>身份证号:{maskIdNumber(applicant.idNumber)}</Text>
          <Text className='apply__text'>手机号:{applicant.phone}</Text>
          {applicant.address ? <Text className='apply__text'>地址:{applicant.address}</Text> : null}
          <Text className='apply__text'>材料:{uploads.done.map((upload) => upload.name).join('、') || '无'}</Text>
        </View>
        <View className='apply__actions'>
          <ConsentCheck checked={consent} onChange={setConsent} label='我同意提交身份证号等个人信息用于办理本事项' error={consentError}>
            身份证号属于敏感个人信息,只用于办理这一事项,加密保存,只有办理大厅的工作人员可以查看。
          </ConsentCheck>
          {submitError ? (
            <Text className='apply__error' {...a11y({ live: 'assertive' })}>
              {submitError}
            </Text>
          ) : null}
          <ActionButton block onPress={() => void submit()}>
            {submitting ? '正在提交…' : submitError ? '重新提交' : '确认提交'}
          </ActionButton>
          <ActionButton block primary={false} onPress={() => setStep('form')}>
            返回修改
          </ActionButton>
        </View>
      </View>
    )
  }

  return (
    <View>
      <View className='apply__body'>
        <Text className='apply__title' {...a11y({ role: 'heading', level: 1 })}>
          {guide.name}
        </Text>
        <Text className='apply__hint'>
          {guide.online === '全程网办' ? '全程网上办理,' : '网上预审:材料审核通过后按通知到大厅办理,'}承诺受理后 {guide.promisedDays} 个工作日内办结。
        </Text>
      </View>
      <Section title='申请人'>
        <FormField label='姓名' value={draft.name} onChange={field('name')} maxlength={40} error={errors.name} />
        <FormField label='身份证号' value={draft.idNumber} onChange={field('idNumber')} type='idcard' maxlength={18} error={errors.idNumber} />
        <FormField label='手机号' value={draft.phone} onChange={field('phone')} type='digits' maxlength={11} error={errors.phone} hint='查进度时要用手机号后四位' />
        <FormField label='联系地址(选填)' value={draft.address} onChange={field('address')} maxlength={120} />
      </Section>
      <Section title='上传材料'>
        <Text className='apply__hint'>每份材料拍一张清晰的照片。照片会在手机上压缩后上传,位置等拍摄信息不会上传。</Text>
        {materials.map((material) => (
          <MaterialUploadRow
            key={material.name}
            material={material}
            upload={uploads.byName(material.name)}
            onChoose={(source) => void uploads.choose(material.name, source)}
            onRetry={() => uploads.retry(material.name)}
          />
        ))}
      </Section>
      <View className='apply__actions'>
        {formError ? (
          <Text className='apply__error' {...a11y({ live: 'assertive' })}>
            {formError}
          </Text>
        ) : null}
        <ActionButton block onPress={toReview}>
          下一步:核对信息
        </ActionButton>
      </View>
    </View>
  )
}

/** Online application for an item whose guide allows it: applicant, one photo per material, review, submit. */
export default function ApplyPage() {
  const code = routeParam(useRouter().params, 'code')
  const signedIn = useSessionStore((state) => state.user !== null)
  const role = useSessionStore((state) => state.user?.role)
  const resource = useGuide(code)
  const load = useGuidesStore((state) => state.load)
  useEffect(() => {
    if (code) void load(code)
  }, [code, load])

  let body
  if (!signedIn) {
    body = (
      <EmptyState title='登录后在线申请' description='申请需要确认您的身份,办理进度也会出现在“我的办件”里。'>
        <ActionButton onPress={() => openPage(paths.login(paths.apply(code)))}>登录</ActionButton>
      </EmptyState>
    )
  } else if (role !== 'citizen' && role !== 'grid_worker') {
    body = <EmptyState title='工作人员账号不能提交申请' description='请使用居民账号申请。' />
  } else if (resource.status === 'error' && !resource.data) {
    body = <ErrorState error={resource.error} onRetry={() => void load(code, { refresh: true })} />
  } else if (!resource.data) {
    body = <LoadingRows rows={5} label='正在加载办事指南' />
  } else if (resource.data.online === '窗口办理') {
    body = (
      <EmptyState title='这个事项需要到大厅窗口办理' description='请按办事指南准备材料后到大厅办理。'>
        <ActionButton onPress={() => openPage(paths.guide(code))}>查看办事指南</ActionButton>
      </EmptyState>
    )
  } else {
    body = <ApplyFlow guide={resource.data} />
  }
  return (
    <PageRoot className='apply' phone={resource.data?.phone || undefined} phoneLabel={resource.data?.department}>
      {body}
    </PageRoot>
  )
}
