// SMS, the fallback for people neither WeChat nor Web Push can reach — for example an elderly resident whose
// application a grid worker submitted, known only by a phone number.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { noticeFields } from '../../../src/domain/noticeText'
import { h5UrlOfPagePath } from '../../../src/domain/pushPayload'
import { SmsDeliveryError, type SmsNoticeSender } from '../auth/smsSender'
import type { Delivery, NotificationChannel, SendOutcome } from './types'

/** The message, and with `linkBase` (the app's public address) a link to the page that shows it. */
export function smsText(delivery: Delivery, linkBase: string | null = null): string {
  const { title, body, locale, path } = delivery.notice
  const text = locale === 'en' ? `${title}: ${body}` : `${title}：${body}`
  return linkBase ? `${text} ${linkBase}${h5UrlOfPagePath(path)}` : text
}

export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const
  // The HTTP gateway drops a repeat of the same Idempotency-Key; the development provider sends nothing at all.
  readonly idempotentResend = true

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sender: SmsNoticeSender,
    /** BANSHI_PUBLIC_URL: where the H5 app is served; without it texts carry no link. */
    private readonly linkBase: string | null = null,
  ) {}

  async canReach(delivery: Delivery): Promise<boolean> {
    return delivery.recipient.phone !== null && (await this.smsAllowed(delivery.recipient.userId))
  }

  async send(delivery: Delivery): Promise<SendOutcome> {
    const { phone, userId } = delivery.recipient
    if (!phone) return { outcome: 'unavailable', reason: 'no phone number' }
    if (!(await this.smsAllowed(userId))) return { outcome: 'unavailable', reason: 'SMS turned off by the person' }
    try {
      await this.sender.sendNotice({
        to: phone,
        template: delivery.notice.kind,
        params: noticeFields(delivery.notice),
        text: smsText(delivery, this.linkBase),
        idempotencyKey: delivery.dedupKey,
      })
      return { outcome: 'sent' }
    } catch (error) {
      if (!(error instanceof SmsDeliveryError)) throw error
      return error.permanent ? { outcome: 'rejected', reason: error.message } : { outcome: 'retry', reason: error.message }
    }
  }

  /** A person without an account cannot have turned SMS off; one with an account may have (settings.sms = 0). */
  private async smsAllowed(userId: string | null): Promise<boolean> {
    if (!userId) return true
    const row = await this.db.selectFrom('notification_settings').select('sms').where('user_id', '=', userId).executeTakeFirst()
    return row === undefined || row.sms !== 0
  }
}
