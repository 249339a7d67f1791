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

function minutesText(seconds: number): string {
  return `${Math.max(1, Math.ceil(seconds / 60))}分钟`
}

/** Grid workers, window staff and administrators sign in with the account their administrator created. */
export default function StaffSignIn() {
  const signInAsStaff = useSessionStore((state) => state.signInAsStaff)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function signIn() {
    if (!username.trim() || !password) return setError('请输入用户名和密码')
    setError(null)
    setBusy(true)
    try {
      await signInAsStaff(username.trim(), password)
      startOverAt(paths.me)
    } catch (raw) {
      const failure = apiErrorOf(raw)
      if (!failure) return
      setError(
        failure.code === 'ACCOUNT_LOCKED' && failure.retryAfterS
          ? `${failure.message}(约${minutesText(failure.retryAfterS)}后可再试)`
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
        工作人员登录
      </Text>
      <Text className='staff-sign-in__intro'>网格员、窗口工作人员和管理员使用单位分配的账号登录。忘记密码请联系管理员。</Text>
      <FormField label='用户名' value={username} maxlength={64} onChange={setUsername} />
      <FormField label='密码' type='password' value={password} maxlength={256} onChange={setPassword} />
      {error ? (
        <Text className='staff-sign-in__error' {...a11y({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <ActionButton block onPress={() => void signIn()}>{busy ? '正在登录…' : '登录'}</ActionButton>
    </PageRoot>
  )
}
