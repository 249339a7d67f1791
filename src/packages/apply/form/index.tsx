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
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useElderlyMode } from '@/stores/displayMode'
import { confirmAction } from '@/dialogs'
import '../apply.scss'
import '@/i18n/apply'

type Step = 'form' | 'review' | 'done'

function ApplyFlow({ guide }: { guide: Guide }) {
  const t = useT()
  const elderly = useElderlyMode()
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
  const fieldError = (name: keyof ApplicantDraft) => {
    const problem = errors[name]
    return problem ? t(problem) : undefined
  }

  function toReview() {
    const checked = checkApplicant(draft, shanghaiTime(new Date()).date)
    setErrors(checked.errors)
    if (!checked.input) {
      setFormError(t('apply.applicantInvalid'))
      return
    }
    if (uploads.busy) {
      setFormError(t('apply.uploadsBusy'))
      return
    }
    if (uploads.missingRequired.length > 0) {
      setFormError(t('apply.uploadsMissing', { names: uploads.missingRequired.join(t('apply.listSeparator')) }))
      return
    }
    setFormError(null)
    setApplicant(checked.input)
    idempotencyKey.current = newIdempotencyKey()
    setStep('review')
  }

  async function submit() {
    if (!consent) {
      setConsentError(t('apply.consentMissing'))
      return
    }
    setConsentError(null)
    // Asked inside the tap (before any dialog): WeChat and browsers allow the prompt only from a user's gesture.
    void askForReminders(['application'])
    // 长辈版 asks once more: a submitted application cannot be taken back.
    if (elderly && !(await confirmAction(t('apply.submitConfirmTitle'), t('apply.submitConfirm', { name: guide.name }), t('apply.submit')))) return
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
      setSubmitError(apiErrorOf(error)?.message ?? t('apply.submitFailed'))
    } finally {
      setSubmitting(false)
    }
  }

  if (step === 'done' && created) {
    return (
      <View className='apply__body' {...a11y({ role: 'status' })}>
        <Text className='apply__title' {...a11y({ role: 'heading', level: 1 })}>
          {t('apply.doneTitle')}
        </Text>
        <Text className='apply__text'>{t('apply.doneNoLabel')}</Text>
        <Text className='apply__no'>{formatApplicationNo(created.no)}</Text>
        <Text className='apply__text'>
          {t('apply.doneText', { hall: created.hall.name, days: created.promisedDays })}
        </Text>
        <ActionButton block onPress={() => openPage(paths.application(created.no))}>
          {t('apply.openProgress')}
        </ActionButton>
        <ActionButton block primary={false} onPress={() => openPage(paths.myApplications)}>
          {t('apply.myApplications')}
        </ActionButton>
      </View>
    )
  }

  if (step === 'review' && applicant) {
    return (
      <View>
        <View className='apply__body'>
          <Text className='apply__title' {...a11y({ role: 'heading', level: 1 })}>
            {t('apply.reviewTitle')}
          </Text>
          <Text className='apply__text'>{t('apply.reviewItem', { name: guide.name })}</Text>
          <Text className='apply__text'>{t('apply.reviewApplicant', { name: applicant.name })}</Text>
          <Text className='apply__text'>{t('apply.reviewIdNumber', { idNumber: maskIdNumber(applicant.idNumber) })}</Text>
          <Text className='apply__text'>{t('apply.reviewPhone', { phone: applicant.phone })}</Text>
          {applicant.address ? <Text className='apply__text'>{t('apply.reviewAddress', { address: applicant.address })}</Text> : null}
          <Text className='apply__text'>{t('apply.reviewMaterials', { names: uploads.done.map((upload) => upload.name).join(t('apply.listSeparator')) || t('apply.none') })}</Text>
        </View>
        <View className='apply__actions'>
          <ConsentCheck checked={consent} onChange={setConsent} label={t('apply.consentLabel')} error={consentError}>
            {t('apply.consentText')}
          </ConsentCheck>
          {submitError ? (
            <Text className='apply__error' {...a11y({ live: 'assertive' })}>
              {submitError}
            </Text>
          ) : null}
          <ActionButton block onPress={() => void submit()}>
            {submitting ? t('apply.submitting') : submitError ? t('apply.submitAgain') : t('apply.submit')}
          </ActionButton>
          <ActionButton block primary={false} onPress={() => setStep('form')}>
            {t('apply.backToEdit')}
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
          {t(guide.online === '全程网办' ? 'apply.fullyOnlineHint' : 'apply.precheckHint', { days: guide.promisedDays })}
        </Text>
      </View>
      <Section title={t('apply.applicant')}>
        <FormField label={t('apply.name')} value={draft.name} onChange={field('name')} maxlength={40} error={fieldError('name')} />
        <FormField label={t('apply.idNumber')} value={draft.idNumber} onChange={field('idNumber')} type='idcard' maxlength={18} error={fieldError('idNumber')} />
        <FormField label={t('apply.phone')} value={draft.phone} onChange={field('phone')} type='digits' maxlength={11} error={fieldError('phone')} hint={t('apply.phoneHint')} />
        <FormField label={t('apply.address')} value={draft.address} onChange={field('address')} maxlength={120} />
      </Section>
      <Section title={t('apply.uploads')}>
        <Text className='apply__hint'>{t('apply.uploadsHint')}</Text>
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
          {t('apply.toReview')}
        </ActionButton>
      </View>
    </View>
  )
}

/** Online application for an item whose guide allows it: applicant, one photo per material, review, submit. */
export default function ApplyPage() {
  const t = useT()
  usePageTitle('apply.pageTitle')
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
      <EmptyState title={t('apply.signInTitle')} description={t('apply.signInHint')}>
        <ActionButton onPress={() => openPage(paths.login(paths.apply(code)))}>{t('apply.signIn')}</ActionButton>
      </EmptyState>
    )
  } else if (role !== 'citizen' && role !== 'grid_worker') {
    body = <EmptyState title={t('apply.staffCannotApply')} description={t('apply.staffCannotApplyHint')} />
  } else if (resource.status === 'error' && !resource.data) {
    body = <ErrorState error={resource.error} onRetry={() => void load(code, { refresh: true })} />
  } else if (!resource.data) {
    body = <LoadingRows rows={5} label={t('apply.loadingGuide')} />
  } else if (resource.data.online === '窗口办理') {
    body = (
      <EmptyState title={t('apply.windowOnly')} description={t('apply.windowOnlyHint')}>
        <ActionButton onPress={() => openPage(paths.guide(code))}>{t('apply.openGuide')}</ActionButton>
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
