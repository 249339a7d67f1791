import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { NotificationSettingsPatch, NotificationStatus } from '@/domain/contract'
import { WECHAT_TEMPLATE_KEYS } from '@/domain/notices'
import { useSessionStore } from '@/stores/session'
import { useNotificationsStore } from '@/stores/notifications'
import { askForReminders, browserPushState, deviceReminderChannel } from '@/platform/reminderConsent'
import type { BrowserPushState, ConsentOutcome } from '@/platform/reminderConsentTypes'
import { a11y } from '@/platform/a11y'
import ActionButton from '@/components/ActionButton'
import Section from '@/components/Section'
import SwitchRow from '@/components/SwitchRow'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { notify } from '@/dialogs'
import type { MessageKey } from '@/i18n'
import { useT } from '@/i18n/useT'
import '@/i18n/notify'

const outcomeMessage: Record<ConsentOutcome, MessageKey> = {
  subscribed: 'notify.result.subscribed',
  declined: 'notify.result.declined',
  // Only asked from this button with `again`, so a "not asked" cannot come back; worded as a refusal if it did.
  'not-asked': 'notify.result.declined',
  blocked: 'notify.result.blocked',
  unavailable: 'notify.result.unavailable',
}

const browserLine: Record<BrowserPushState, MessageKey> = {
  on: 'notify.browserOn',
  off: 'notify.browserOff',
  blocked: 'notify.browserBlocked',
  unsupported: 'notify.browserUnsupported',
}

function Channels({ status, browser }: { status: NotificationStatus; browser: BrowserPushState | null }) {
  const t = useT()
  const { wechat, webpush, sms } = status.channels
  const hasWechatGrants = wechat.queue + wechat.appointment + wechat.application > 0
  const lines: string[] = []
  if (deviceReminderChannel === 'wechat' || hasWechatGrants) lines.push(t('notify.wechatLeft', wechat))
  if (deviceReminderChannel === 'webpush' && browser) lines.push(t(browserLine[browser]))
  if (webpush > 0) lines.push(t('notify.browserCount', { count: webpush }))
  lines.push(sms ? t('notify.smsOn') : t('notify.smsOff'))
  return (
    <View className='me__facts'>
      <Text className='me__fact-title' {...a11y({ role: 'heading', level: 3 })}>
        {t('notify.reachTitle')}
      </Text>
      <View className='me__facts' {...a11y({ role: 'list', label: t('notify.reachTitle') })}>
        {lines.map((line) => (
          <Text key={line} className='me__fact' {...a11y({ role: 'listitem' })}>
            {line}
          </Text>
        ))}
      </View>
    </View>
  )
}

/** 我的 → 提醒: the person's switches, what can reach them now, and a way to allow more. */
export default function RemindersSection() {
  const t = useT()
  const role = useSessionStore((state) => state.user?.role ?? null)
  const signedIn = role !== null
  // Reminders are about one's own numbers, bookings and applications: staff accounts have none.
  const hasReminders = role === 'citizen' || role === 'grid_worker'
  const status = useNotificationsStore((state) => state.status)
  const load = useNotificationsStore((state) => state.load)
  const update = useNotificationsStore((state) => state.update)
  const [browser, setBrowser] = useState<BrowserPushState | null>(null)

  useEffect(() => {
    if (hasReminders) void load({ refresh: true })
  }, [hasReminders, load])
  useEffect(() => {
    if (!hasReminders) return
    let current = true
    void browserPushState().then((state) => current && setBrowser(state))
    return () => {
      current = false
    }
  }, [hasReminders])

  if (signedIn && !hasReminders) return null
  if (!signedIn) {
    return (
      <Section title={t('notify.title')}>
        <Text className='me__intro'>{t('notify.signedOut')}</Text>
      </Section>
    )
  }

  async function save(patch: NotificationSettingsPatch) {
    try {
      await update(patch)
    } catch {
      notify(t('notify.saveFailed'))
    }
  }

  // Called straight from the tap: the WeChat prompt and the browser's permission prompt need the gesture.
  function allowMore() {
    void askForReminders([...WECHAT_TEMPLATE_KEYS], { again: true }).then((result) => {
      notify(t(outcomeMessage[result.outcome]))
      void browserPushState().then(setBrowser)
      void load({ refresh: true })
    })
  }

  let body
  if (status.status === 'error' && !status.data) body = <ErrorState error={status.error} onRetry={() => void load({ refresh: true })} />
  else if (!status.data) body = <LoadingRows rows={2} label={t('notify.loading')} />
  else {
    const { settings } = status.data
    const canAskHere = deviceReminderChannel === 'wechat' || browser === 'off' || browser === 'on'
    body = (
      <View className='me__form'>
        <SwitchRow title={t('notify.enabled')} hint={t('notify.enabledHint')} checked={settings.enabled} onToggle={() => void save({ enabled: !settings.enabled })} />
        {settings.enabled ? null : (
          <Text className='me__notice' {...a11y({ role: 'status' })}>
            {t('notify.allOff')}
          </Text>
        )}
        <SwitchRow title={t('notify.sms')} hint={t('notify.smsHint')} checked={settings.sms} onToggle={() => void save({ sms: !settings.sms })} />
        <Channels status={status.data} browser={browser} />
        {deviceReminderChannel === 'wechat' ? <Text className='me__intro'>{t('notify.wechatHow')}</Text> : null}
        {settings.enabled && canAskHere && browser !== 'on' ? (
          <ActionButton block primary={false} onPress={allowMore}>
            {deviceReminderChannel === 'wechat' ? t('notify.subscribeMore') : t('notify.enableBrowser')}
          </ActionButton>
        ) : null}
        <Text className='me__intro'>{t('notify.quietHours')}</Text>
      </View>
    )
  }
  return <Section title={t('notify.title')}>{body}</Section>
}
