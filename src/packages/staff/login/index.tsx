import { Text } from '@tarojs/components'
import { useState } from 'react'
import { apiErrorOf } from '@/stores/resource'
import { useSessionStore } from '@/stores/session'
import ActionButton from '@/components/ActionButton'
import FormField from '@/components/FormField'
import { a11y } from '@/platform/a11y'
import { paths, startOverAt } from '@/navigation'
import './index.scss'
import PageRoot from '@/components/PageRoot'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'

function minutesOf(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60))
}

/** Grid workers, window staff and administrators sign in with the account their administrator created. */
export default function StaffSignIn() {
  const t = useT()
  usePageTitle('staffLogin.pageTitle')
  const signInAsStaff = useSessionStore((state) => state.signInAsStaff)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function signIn() {
    if (!username.trim() || !password) return setError(t('staffLogin.missing'))
    setError(null)
    setBusy(true)
    try {
      await signInAsStaff(username.trim(), password)
      // Staff start where their work is: window staff at their desk (叫号, 办件), grid workers on their round.
      const role = useSessionStore.getState().user?.role
      startOverAt(role === 'grid_worker' ? paths.gridHome : role === 'window_staff' || role === 'admin' ? paths.staffHome : paths.me)
    } catch (raw) {
      const failure = apiErrorOf(raw)
      if (!failure) return
      setError(
        failure.code === 'ACCOUNT_LOCKED' && failure.retryAfterS
          ? t('staffLogin.retryAfter', { message: failure.message, minutes: minutesOf(failure.retryAfterS) })
          : failure.message,
      )
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='staff-sign-in'>
      <Text className='staff-sign-in__title' {...a11y({ role: 'heading', level: 1 })}>
        {t('staffLogin.title')}
      </Text>
      <Text className='staff-sign-in__intro'>{t('staffLogin.intro')}</Text>
      <FormField label={t('staffLogin.username')} value={username} maxlength={64} onChange={setUsername} />
      <FormField label={t('staffLogin.password')} type='password' value={password} maxlength={256} onChange={setPassword} />
      {error ? (
        <Text className='staff-sign-in__error' {...a11y({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <ActionButton block onPress={() => void signIn()}>{busy ? t('login.signingIn') : t('login.submit')}</ActionButton>
    </PageRoot>
  )
}
