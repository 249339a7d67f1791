import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Profile, ProfileUpdate } from '@/domain/contract'
import { checkIdNumber } from '@/domain/identity'
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
import { useT } from '@/i18n/useT'

type Field = 'name' | 'idNumber' | 'address' | 'consent' | 'form'

function ProfileForm({ profile, onDone }: { profile: Profile; onDone(): void }) {
  const t = useT()
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
      if (!check.ok) problems.idNumber = t(`id.${check.problem}`)
      else update.idNumber = check.idNumber
      if (!consent) problems.consent = t('me.idConsentMissing')
      update.sensitiveConsent = consent
    }
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    setSaving(true)
    try {
      await updateProfile(update)
      notify(t('me.saved'))
      onDone()
    } catch (raw) {
      const error = apiErrorOf(raw)
      if (!error) return
      if (error.code === 'INVALID_ID_NUMBER') setErrors({ idNumber: error.message })
      else setErrors({ form: error.message })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='me__form'>
      <FormField label={t('me.name')} value={name} maxlength={40} error={errors.name} onChange={setName} />
      <FormField
        label={t('me.idNumberField')}
        type='idcard'
        value={idNumber}
        maxlength={18}
        hint={t('me.idNumberHint')}
        error={errors.idNumber}
        onChange={setIdNumber}
      />
      {idChanged ? (
        <ConsentCheck checked={consent} onChange={setConsent} error={errors.consent} label={t('me.idConsent')}>
          {t('me.idConsentText')}
        </ConsentCheck>
      ) : null}
      <FormField label={t('me.addressField')} value={address} maxlength={120} error={errors.address} onChange={setAddress} />
      {errors.form ? <Text className='me__error'>{errors.form}</Text> : null}
      <ActionButton block onPress={() => void save()}>{saving ? t('me.saving') : t('me.save')}</ActionButton>
      <ActionButton block primary={false} onPress={onDone}>
        {t('common.cancel')}
      </ActionButton>
    </View>
  )
}

/** My own data: shown to me (its owner), with the ID number masked on screen for people looking over a shoulder. */
export default function ProfileSection() {
  const t = useT()
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
        <Text className='me__fact'>{t('me.phone', { value: profile.data.phone ?? t('me.notBound') })}</Text>
        <Text className='me__fact'>{t('me.idNumber', { value: profile.data.idNumberMasked ?? t('me.notFilled') })}</Text>
        <Text className='me__fact'>{t('me.address', { value: profile.data.address ?? t('me.notFilled') })}</Text>
        <Pressable className='me__edit' role='button' onPress={() => setEditing(true)}>
          {t('me.edit')}
        </Pressable>
      </View>
    )
  return <Section title={t('me.profile')}>{body}</Section>
}
