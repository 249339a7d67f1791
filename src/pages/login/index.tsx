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

type Field = 'phone' | 'code' | 'consent' | 'form'

export default function PhoneSignIn() {
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
    if (!phone) return setErrors({ phone: '请输入11位手机号码' })
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
    if (!phone) problems.phone = '请输入11位手机号码'
    if (!/^\d{6}$/.test(code)) problems.code = '请输入短信里的6位验证码'
    if (!consented) problems.consent = '请先阅读并同意个人信息保护说明'
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
        手机号登录
      </Text>
      <Text className='phone-sign-in__intro'>登录后可以预约办事、远程取号、查看办件进度。第一次登录会自动注册。</Text>
      <FormField
        label='手机号码'
        type='digits'
        maxlength={16}
        value={phoneInput}
        placeholder='11位手机号码'
        error={errors.phone}
        onChange={setPhoneInput}
      />
      <FormField
        label='短信验证码'
        type='digits'
        maxlength={6}
        value={code}
        placeholder='6位数字'
        error={errors.code}
        hint={sentTo ? `验证码已发送到 ${maskPhone(sentTo)},5分钟内有效` : undefined}
        onChange={(value) => setCode(value.replace(/\D/g, ''))}
        action={
          <Pressable
            className={`phone-sign-in__send${resendIn > 0 || busy ? ' phone-sign-in__send--disabled' : ''}`}
            label={resendIn > 0 ? `${resendIn}秒后可重新获取` : '获取验证码'}
            onPress={() => {
              if (resendIn <= 0 && !busy) void requestCode()
            }}
          >
            {busy === 'send' ? '发送中…' : resendIn > 0 ? `${resendIn}秒后重发` : sentTo ? '重新获取' : '获取验证码'}
          </Pressable>
        }
      />
      <ConsentCheck checked={consented} onChange={setConsented} error={errors.consent} label='我已阅读并同意个人信息保护说明'>
        办事通只为办事使用您的手机号:登录、接收办件通知。手机号、身份证号加密保存,只有您本人和经授权的工作人员能看到完整号码,工作人员每次查看都有记录。您可以随时在“我的”里注销账号,个人信息随之删除。
      </ConsentCheck>
      {errors.form ? (
        <Text className='phone-sign-in__error' {...a11y({ role: 'alert' })}>
          {errors.form}
        </Text>
      ) : null}
      <ActionButton block onPress={() => void signIn()}>{busy === 'verify' ? '正在登录…' : '登录'}</ActionButton>
      <Pressable className='phone-sign-in__staff' role='link' onPress={() => openPage(paths.staffLogin)}>
        工作人员登录 ›
      </Pressable>
    </PageRoot>
  )
}
