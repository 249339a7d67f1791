import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useSessionStore } from '@/stores/session'
import { refreshHeldTickets, useHeldTickets } from '@/stores/myTickets'
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
import RemindersSection from './RemindersSection'
import PageRoot from '@/components/PageRoot'
import DisplayModeSwitch from '@/components/DisplayModeSwitch'
import LanguageSwitch from '@/components/LanguageSwitch'
import './index.scss'
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'

function SignedOut() {
  const t = useT()
  const reason = useSessionStore((state) => state.signedOutBecause)
  const signInWithWechat = useSessionStore((state) => state.signInWithWechat)
  const [trying, setTrying] = useState(false)

  async function retryWechat() {
    setTrying(true)
    const ok = await signInWithWechat()
    setTrying(false)
    if (!ok) notify(t('me.wechatFailed'))
  }

  return (
    <View className='me__signed-out'>
      <Text className='me__title' {...a11y({ role: 'heading', level: 1 })}>
        {t('me.notSignedIn')}
      </Text>
      {reason ? (
        <Text className='me__notice' {...a11y({ role: 'alert' })}>
          {reason}
        </Text>
      ) : null}
      <Text className='me__intro'>{t('me.signedOutIntro')}</Text>
      {canSignInWithWechat ? <ActionButton block onPress={() => void retryWechat()}>{trying ? t('login.signingIn') : t('me.wechatSignIn')}</ActionButton> : null}
      <ActionButton block primary={!canSignInWithWechat} onPress={() => openPage(paths.login(paths.me))}>
        {t('me.phoneSignIn')}
      </ActionButton>
      <Pressable className='me__staff' role='link' onPress={() => openPage(paths.progress())}>
        {t('me.progressSignedOut')}
      </Pressable>
      <Pressable className='me__staff' role='link' onPress={() => openPage(paths.staffLogin)}>
        {t('login.staff')}
      </Pressable>
    </View>
  )
}

function SignedIn() {
  const t = useT()
  const user = useSessionStore((state) => state.user)!
  const signOut = useSessionStore((state) => state.signOut)
  const closeAccount = useSessionStore((state) => state.closeAccount)
  const loadProfile = useSessionStore((state) => state.loadProfile)
  const loadDevices = useSessionStore((state) => state.loadDevices)
  const heldTickets = useHeldTickets()
  usePullToRefresh(() => Promise.all([loadProfile({ refresh: true }), loadDevices({ refresh: true }), refreshHeldTickets()]))
  useEffect(() => void refreshHeldTickets(), [])

  async function askToSignOut() {
    if (await confirmAction(t('me.signOut'), t('me.signOutConfirm'), t('me.signOutAction'))) await signOut()
  }

  async function askToClose() {
    if (!(await confirmAction(t('me.close'), t('me.closeConfirm'), t('me.continue')))) return
    if (!(await confirmAction(t('me.closeAgain'), t('me.closeAgainConfirm'), t('me.closeAction')))) return
    try {
      await closeAccount()
      notify(t('me.closed'))
    } catch {
      notify(t('me.closeFailed'))
    }
  }

  const who = user.name ?? user.phoneMasked ?? user.username ?? t('me.signedIn')
  return (
    <View>
      <View className='me__card'>
        <Text className='me__name' {...a11y({ role: 'heading', level: 1 })}>
          {who}
        </Text>
        <Text className='me__role'>
          {t(`role.${user.role}`)}
          {user.phoneMasked && user.name ? ` · ${user.phoneMasked}` : ''}
          {user.gridId ? ` · ${user.gridName ?? user.gridId}` : ''}
          {user.hallId ? ` · ${user.hallName ?? user.hallId}` : ''}
        </Text>
      </View>
      {user.role === 'citizen' || user.role === 'grid_worker' ? (
        <Section title={t('booking.meSection')}>
          <Pressable className='me__staff' role='link' onPress={() => openPage(paths.myAppointments)}>
            {t('booking.meLink')}
          </Pressable>
        </Section>
      ) : null}
      <Section title={t('me.applications')}>
        <Pressable className='me__staff' role='link' onPress={() => openPage(paths.myApplications)}>
          {t('me.myApplications')}
        </Pressable>
        <Pressable className='me__staff' role='link' onPress={() => openPage(paths.progress())}>
          {t('me.progressLookup')}
        </Pressable>
        {heldTickets.map((held) => (
          <Pressable key={held.id} className='me__staff' role='link' label={t('queue.myTicketLabel', { number: held.number, hall: held.hallName })} onPress={() => openPage(paths.ticket(held.id))}>
            {t('queue.myTicket', { number: held.number })}
          </Pressable>
        ))}
        {user.role === 'window_staff' ? (
          <Pressable className='me__staff' role='link' onPress={() => openPage(paths.staffHome)}>
            {t('queue.staff.homeTitle')} ›
          </Pressable>
        ) : null}
        {user.role === 'window_staff' ? (
          <Pressable className='me__staff' role='link' onPress={() => openPage(paths.staffApplications())}>
            {t('me.staffApplications')}
          </Pressable>
        ) : null}
        {user.role === 'grid_worker' ? (
          <Pressable className='me__staff' role='link' onPress={() => openPage(paths.gridHome)}>
            {t('grid.homeTitle')}
          </Pressable>
        ) : null}
      </Section>
      {user.role === 'citizen' ? <ProfileSection /> : null}
      <DevicesSection />
      <Section title={t('me.account')}>
        <ActionButton block primary={false} onPress={() => void askToSignOut()}>
          {t('me.signOut')}
        </ActionButton>
        {user.role === 'citizen' ? (
          <Pressable className='me__close' role='button' onPress={() => void askToClose()}>
            {t('me.close')}
          </Pressable>
        ) : null}
      </Section>
    </View>
  )
}

export default function Me() {
  const t = useT()
  const signedIn = useSessionStore((state) => state.user !== null)
  usePageTitle('me.pageTitle')
  return (
    <PageRoot className='me'>
      {signedIn ? <SignedIn /> : <SignedOut />}
      <RemindersSection />
      <Section title={t('me.display')}>
        <DisplayModeSwitch />
      </Section>
      <Section title={t('language.title')}>
        <LanguageSwitch />
      </Section>
    </PageRoot>
  )
}
