import Taro from '@tarojs/taro'
import type { NotificationGrantsBody } from '@/domain/contract'
import type { WechatTemplateKey } from '@/domain/notices'
import { cachedNotificationConfig, loadNotificationConfig, sendNotificationGrants } from '@/api/notifications'
import type { AskOptions, BrowserPushState, ConsentResult, DeviceReminderChannel } from './reminderConsentTypes'

export type { ConsentResult } from './reminderConsentTypes'

export const deviceReminderChannel: DeviceReminderChannel = 'wechat'

/** WeChat takes at most three templates in one prompt. */
const MAX_TEMPLATES_PER_PROMPT = 3
/** requestSubscribeMessage's errCode when the person switched subscription messages off in the settings. */
const SWITCHED_OFF = 20004

type Answer = NotificationGrantsBody['grants'][number]['result']
const isAnswer = (value: unknown): value is Answer => value === 'accept' || value === 'reject' || value === 'ban'

const quietly = (outcome: ConsentResult['outcome']): Promise<ConsentResult> => Promise.resolve({ outcome })

/** Fetches the template ids ahead of the first tap (the prompt cannot wait for the network). */
export function prepareReminderConsent(): void {
  void loadNotificationConfig()
}

/**
 * Opens WeChat's subscribe prompt for the templates that are configured, then tells the server what was granted
 * (one accept allows one message). Must be called synchronously from a tap: WeChat refuses the prompt otherwise.
 */
export function askForReminders(templates: WechatTemplateKey[], _options: AskOptions = {}): Promise<ConsentResult> {
  try {
    const config = cachedNotificationConfig()
    if (!config) {
      // Not loaded yet (first tap right after launch, or offline at launch): ready for the next tap.
      prepareReminderConsent()
      return quietly('unavailable')
    }
    const wanted = [...new Set(templates)].filter((key) => config.wechatTemplates[key]).slice(0, MAX_TEMPLATES_PER_PROMPT)
    if (wanted.length === 0 || typeof Taro.requestSubscribeMessage !== 'function') return quietly('unavailable')
    const ids = wanted.map((key) => config.wechatTemplates[key] as string)
    return Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option).then(
      async (answers) => {
        const byId = answers as unknown as Record<string, unknown>
        // 'filter' (a template the platform withheld) says nothing about the person's wish: not reported.
        const grants = wanted.flatMap((template, index) => {
          const result = byId[ids[index]]
          return isAnswer(result) ? [{ template, result }] : []
        })
        if (grants.length > 0) await sendNotificationGrants({ grants }).catch(() => undefined)
        if (grants.some((grant) => grant.result === 'accept')) return { outcome: 'subscribed' as const }
        return { outcome: grants.length > 0 && grants.every((grant) => grant.result === 'ban') ? ('blocked' as const) : ('declined' as const) }
      },
      (failure: { errCode?: number }) => ({ outcome: failure?.errCode === SWITCHED_OFF ? ('blocked' as const) : ('unavailable' as const) }),
    )
  } catch {
    return quietly('unavailable')
  }
}

/** The mini-program has no browser subscription of its own. */
export async function browserPushState(): Promise<BrowserPushState> {
  return 'unsupported'
}

export async function thisBrowserPushEndpoint(): Promise<string | null> {
  return null
}

export async function dropThisBrowserPush(): Promise<void> {}
