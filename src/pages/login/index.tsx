import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { maskPhone, normalizeMobile } from '@/domain/identity'
import { apiErrorOf } from '@/stores/resource'
import { useSessionStore } from '@/stores/session'
import ActionButton from '@/components/ActionButton'
import FormField from '@/components/FormField'
import Pressable from '@/components/Pressable'
import ConsentCheck from '@/components/ConsentCheck'
import { a11y } from '@/platform/a11y'
import { openPage, paths, returnAfterSignIn, routeParam } from '@/navigation'
import { useCountdown } from './useCountdown'
import './index.scss'
import PageRoot from '@/components/PageRoot'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'

type Field = 'phone' | 'code' | 'consent' | 'form'

export default function PhoneSignIn() {
  const t = useT()
  usePageTitle('login.pageTitle')
  const back = routeParam(useRouter().params, 'back')
  const sendSmsCode = useSessionStore((state) => state.sendSmsCode)
  const signInWithSms = useSessionStore((state) => state.signInWithSms)
  const [phoneInput, setPhoneInput] = useState('')
  const [code, setCode] = useState('')
  const [consented, setConsented] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [busy, setBusy] = useState<'send' | 'verify' | null>(null)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [resendIn, startResendCountdown] = useCountdown()

  const phone = normalizeMobile(phoneInput)

  async function requestCode() {
    if (!phone) return setErrors({ phone: t('login.phoneMissing') })
    setErrors({})
    setBusy('send')
    try {
      const sent = await sendSmsCode(phone)
      setSentTo(phone)
      startResendCountdown(sent.resendAfterS)
    } catch (raw) {
      const error = apiErrorOf(raw)
      if (!error) return
      if (error.retryAfterS && error.code === 'SMS_TOO_FREQUENT') startResendCountdown(error.retryAfterS)
      setErrors({ phone: error.message })
    } finally {
      setBusy(null)
    }
  }

  async function signIn() {
    const problems: Partial<Record<Field, string>> = {}
    if (!phone) problems.phone = t('login.phoneMissing')
    if (!/^\d{6}$/.test(code)) problems.code = t('login.codeMissing')
    if (!consented) problems.consent = t('login.consentMissing')
    setErrors(problems)
    if (Object.keys(problems).length > 0 || !phone) return
    setBusy('verify')
    try {
      await signInWithSms(phone, code)
      returnAfterSignIn(back)
    } catch (raw) {
      const error = apiErrorOf(raw)
      if (error) setErrors(error.code === 'CODE_INVALID' || error.code === 'CODE_ATTEMPTS_EXCEEDED' ? { code: error.message } : { form: error.message })
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageRoot className='phone-sign-in'>
      <Text className='phone-sign-in__title' {...a11y({ role: 'heading', level: 1 })}>
        {t('login.title')}
      </Text>
      <Text className='phone-sign-in__intro'>{t('login.intro')}</Text>
      <FormField
        label={t('login.phone')}
        type='digits'
        maxlength={16}
        value={phoneInput}
        placeholder={t('login.phonePlaceholder')}
        error={errors.phone}
        onChange={setPhoneInput}
      />
      <FormField
        label={t('login.code')}
        type='digits'
        maxlength={6}
        value={code}
        placeholder={t('login.codePlaceholder')}
        error={errors.code}
        hint={sentTo ? t('login.codeSent', { phone: maskPhone(sentTo) }) : undefined}
        onChange={(value) => setCode(value.replace(/\D/g, ''))}
        action={
          <Pressable
            className={`phone-sign-in__send${resendIn > 0 || busy ? ' phone-sign-in__send--disabled' : ''}`}
            label={resendIn > 0 ? t('login.resendInLabel', { seconds: resendIn }) : t('login.sendCode')}
            onPress={() => {
              if (resendIn <= 0 && !busy) void requestCode()
            }}
          >
            {busy === 'send' ? t('login.sending') : resendIn > 0 ? t('login.resendIn', { seconds: resendIn }) : sentTo ? t('login.resend') : t('login.sendCode')}
          </Pressable>
        }
      />
      <ConsentCheck checked={consented} onChange={setConsented} error={errors.consent} label={t('login.consent')}>
        {t('login.consentText')}
      </ConsentCheck>
      {errors.form ? (
        <Text className='phone-sign-in__error' {...a11y({ role: 'alert' })}>
          {errors.form}
        </Text>
      ) : null}
      <ActionButton block onPress={() => void signIn()}>{busy === 'verify' ? t('login.signingIn') : t('login.submit')}</ActionButton>
      <Pressable className='phone-sign-in__staff' role='link' onPress={() => openPage(paths.staffLogin)}>
        {t('login.staff')}
      </Pressable>
    </PageRoot>
  )
}
