import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { roleLabels } from '@/domain/roles'
import { useSessionStore } from '@/stores/session'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import Section from '@/components/Section'
import { a11y } from '@/platform/a11y'
import { canSignInWithWechat } from '@/platform/wechatLogin'
import { confirmAction, notify } from '@/dialogs'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { openPage, paths } from '@/navigation'
import ProfileSection from './ProfileSection'
import DevicesSection from './DevicesSection'
import PageRoot from '@/components/PageRoot'
import DisplayModeSwitch from '@/components/DisplayModeSwitch'
import LanguageSwitch from '@/components/LanguageSwitch'
import './index.scss'

function SignedOut() {
  const reason = useSessionStore((state) => state.signedOutBecause)
  const signInWithWechat = useSessionStore((state) => state.signInWithWechat)
  const [trying, setTrying] = useState(false)

  async function retryWechat() {
    setTrying(true)
    const ok = await signInWithWechat()
    setTrying(false)
    if (!ok) notify('微信登录没有成功,请用手机号登录')
  }

  return (
    <View className='me__signed-out'>
      <Text className='me__title' {...a11y({ role: 'heading', level: 1 })}>
        您还没有登录
      </Text>
      {reason ? (
        <Text className='me__notice' {...a11y({ role: 'alert' })}>
          {reason}
        </Text>
      ) : null}
      <Text className='me__intro'>查办事指南不用登录。预约、远程取号、查看自己的办件进度需要先登录。</Text>
      {canSignInWithWechat ? <ActionButton block onPress={() => void retryWechat()}>{trying ? '正在登录…' : '微信一键登录'}</ActionButton> : null}
      <ActionButton block primary={!canSignInWithWechat} onPress={() => openPage(paths.login(paths.me))}>
        手机号登录
      </ActionButton>
      <Pressable className='me__staff' role='link' onPress={() => openPage(paths.staffLogin)}>
        工作人员登录 ›
      </Pressable>
    </View>
  )
}

function SignedIn() {
  const user = useSessionStore((state) => state.user)!
  const signOut = useSessionStore((state) => state.signOut)
  const closeAccount = useSessionStore((state) => state.closeAccount)
  const loadProfile = useSessionStore((state) => state.loadProfile)
  const loadDevices = useSessionStore((state) => state.loadDevices)
  usePullToRefresh(() => Promise.all([loadProfile({ refresh: true }), loadDevices({ refresh: true })]))

  async function askToSignOut() {
    if (await confirmAction('退出登录', '退出后,这台设备上需要重新登录才能预约和查看进度。', '退出')) await signOut()
  }

  async function askToClose() {
    if (!(await confirmAction('注销账号', '注销后,您的手机号、身份证号和地址将被删除,所有设备都会退出登录。', '继续'))) return
    if (!(await confirmAction('再次确认注销', '注销不能撤销。确定要注销账号吗?', '确定注销'))) return
    try {
      await closeAccount()
      notify('账号已注销')
    } catch {
      notify('注销没有成功,请稍后再试')
    }
  }

  const who = user.name ?? user.phoneMasked ?? user.username ?? '已登录'
  return (
    <View>
      <View className='me__card'>
        <Text className='me__name' {...a11y({ role: 'heading', level: 1 })}>
          {who}
        </Text>
        <Text className='me__role'>
          {roleLabels[user.role]}
          {user.phoneMasked && user.name ? ` · ${user.phoneMasked}` : ''}
          {user.gridId ? ` · ${user.gridName ?? user.gridId}` : ''}
          {user.hallId ? ` · ${user.hallName ?? user.hallId}` : ''}
        </Text>
      </View>
      {user.role === 'citizen' ? <ProfileSection /> : null}
      <DevicesSection />
      <Section title='账号'>
        <ActionButton block primary={false} onPress={() => void askToSignOut()}>
          退出登录
        </ActionButton>
        {user.role === 'citizen' ? (
          <Pressable className='me__close' role='button' onPress={() => void askToClose()}>
            注销账号
          </Pressable>
        ) : null}
      </Section>
    </View>
  )
}

export default function Me() {
  const signedIn = useSessionStore((state) => state.user !== null)
  return (
    <PageRoot className='me'>
      {signedIn ? <SignedIn /> : <SignedOut />}
      <Section title='显示'>
        <DisplayModeSwitch />
      </Section>
      <Section title='语言 / Language'>
        <LanguageSwitch />
      </Section>
    </PageRoot>
  )
}
