// Start-up wiring for reminders: the VAPID keys (read or generated once), what the consent routes publish, and the
// banner line. The outbox worker takes `vapid` from here for buildChannels.
import type { Config } from '../../config'
import { describeChannels, wechatConfigured } from './channels'
import type { NotificationRouteSettings } from './routes'
import { loadVapidKeys, type VapidKeys } from './vapidKeys'

export interface NotificationSetup {
  vapid: VapidKeys | null
  routes: NotificationRouteSettings
  /** For the start-up banner. */
  summary: string
}

export function notificationSetup(config: Config): NotificationSetup {
  // Like the data key: demo and development setups may generate keys; production passes them in or has no Web Push.
  const allowGenerated = config.demo || config.devLogin
  const loaded = loadVapidKeys({ ...config.notify.vapid, dataDir: config.dataDir, allowGenerated })
  return {
    vapid: loaded?.keys ?? null,
    routes: {
      // Template ids are published only when the server can send with them: asking for consent it cannot use would
      // spend the person's taps for nothing.
      config: { wechatTemplates: wechatConfigured(config) ? config.notify.wechatTemplates : { queue: null, appointment: null, application: null }, vapidPublicKey: loaded?.keys.publicKey ?? null },
      allowLocalHttpPush: allowGenerated,
    },
    summary: describeChannels(config, loaded?.origin ?? null),
  }
}
