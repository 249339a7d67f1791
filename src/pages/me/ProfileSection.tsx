import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Profile, ProfileUpdate } from '@/domain/contract'
import { checkIdNumber, idNumberProblemText } from '@/domain/identity'
import { shanghaiTime } from '@/domain/clockTime'
import { apiErrorOf } from '@/stores/resource'
import { useSessionStore } from '@/stores/session'
import ActionButton from '@/components/ActionButton'
import ConsentCheck from '@/components/ConsentCheck'
import FormField from '@/components/FormField'
import Pressable from '@/components/Pressable'
import Section from '@/components/Section'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { notify } from '@/dialogs'

type Field = 'name' | 'idNumber' | 'address' | 'consent' | 'form'

function ProfileForm({ profile, onDone }: { profile: Profile; onDone(): void }) {
  const updateProfile = useSessionStore((state) => state.updateProfile)
  const [name, setName] = useState(profile.user.name ?? '')
  const [idNumber, setIdNumber] = useState(profile.idNumber ?? '')
  const [address, setAddress] = useState(profile.address ?? '')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [saving, setSaving] = useState(false)
  const idChanged = idNumber.trim() !== (profile.idNumber ?? '')

  async function save() {
    const update: ProfileUpdate = {}
    const problems: Partial<Record<Field, string>> = {}
    if (name.trim()) update.name = name.trim()
    if (address.trim()) update.address = address.trim()
    if (idChanged && idNumber.trim()) {
      const check = checkIdNumber(idNumber, shanghaiTime(new Date()).date)
      if (!check.ok) problems.idNumber = idNumberProblemText[check.problem]
      else update.idNumber = check.idNumber
      if (!consent) problems.consent = '填写身份证号码前,请先同意敏感个人信息处理规则'
      update.sensitiveConsent = consent
    }
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    setSaving(true)
    try {
      await updateProfile(update)
      notify('已保存')
      onDone()
    } catch (raw) {
      const error = apiErrorOf(raw)
      if (!error) return
      if (error.code === 'INVALID_ID_NUMBER') setErrors({ idNumber: error.fields[0]?.issue ?? error.message })
      else setErrors({ form: error.message })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='me__form'>
      <FormField label='姓名' value={name} maxlength={40} error={errors.name} onChange={setName} />
      <FormField
        label='身份证号码'
        type='idcard'
        value={idNumber}
        maxlength={18}
        hint='用于预约和申办时自动填写'
        error={errors.idNumber}
        onChange={setIdNumber}
      />
      {idChanged ? (
        <ConsentCheck checked={consent} onChange={setConsent} error={errors.consent} label='我同意办事通处理我的身份证号码'>
          身份证号码属于敏感个人信息。它只用于核验身份和自动填写办事表单,加密保存,不会提供给办事以外的任何人;窗口工作人员查看时会留下记录。
        </ConsentCheck>
      ) : null}
      <FormField label='常住地址' value={address} maxlength={120} error={errors.address} onChange={setAddress} />
      {errors.form ? <Text className='me__error'>{errors.form}</Text> : null}
      <ActionButton block onPress={() => void save()}>{saving ? '正在保存…' : '保存'}</ActionButton>
      <ActionButton block primary={false} onPress={onDone}>
        取消
      </ActionButton>
    </View>
  )
}

/** My own data: shown to me (its owner), with the ID number masked on screen for people looking over a shoulder. */
export default function ProfileSection() {
  const profile = useSessionStore((state) => state.profile)
  const loadProfile = useSessionStore((state) => state.loadProfile)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    void loadProfile()
  }, [loadProfile])

  let body
  if (profile.status === 'error' && !profile.data) body = <ErrorState error={profile.error} onRetry={() => void loadProfile({ refresh: true })} />
  else if (!profile.data) body = <LoadingRows rows={3} />
  else if (editing) body = <ProfileForm profile={profile.data} onDone={() => setEditing(false)} />
  else
    body = (
      <View className='me__facts'>
        <Text className='me__fact'>手机号码:{profile.data.phone ?? '未绑定'}</Text>
        <Text className='me__fact'>身份证号码:{profile.data.idNumberMasked ?? '未填写'}</Text>
        <Text className='me__fact'>常住地址:{profile.data.address ?? '未填写'}</Text>
        <Pressable className='me__edit' role='button' onPress={() => setEditing(true)}>
          修改个人信息
        </Pressable>
      </View>
    )
  return <Section title='个人信息'>{body}</Section>
}
