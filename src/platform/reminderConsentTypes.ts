import type { WechatTemplateKey } from '@/domain/notices'

/**
 * What asking for reminders came to. Never an error: a refusal or an unsupported phone only means no reminders
 * outside the app, and the action that asked goes on either way.
 * - subscribed: WeChat granted at least one template / this browser is subscribed to Web Push;
 * - declined: the person said no (or closed the prompt);
 * - blocked: notifications are switched off for Banshi in the browser or WeChat settings (asking again is useless);
 * - not-asked: they said no earlier in this session, so they are not asked again;
 * - unavailable: this phone or build cannot do it (no Push, no service worker, not configured, offline).
 */
export type ConsentOutcome = 'subscribed' | 'declined' | 'blocked' | 'not-asked' | 'unavailable'

export interface ConsentResult {
  outcome: ConsentOutcome
}

export interface AskOptions {
  /** The person pressed the button in 我的 on purpose: ask even after a refusal earlier in this session. */
  again?: boolean
}

/** How reminders reach this device: WeChat subscribe messages in the mini-program, Web Push in a browser. */
export type DeviceReminderChannel = 'wechat' | 'webpush'

/** Whether this browser can show Banshi's notifications (always 'unsupported' in the mini-program). */
export type BrowserPushState = 'unsupported' | 'blocked' | 'off' | 'on'

export type AskForReminders = (templates: WechatTemplateKey[], options?: AskOptions) => Promise<ConsentResult>
