// Shared pieces for the channel tests: a migrated database, users, grants and a rendered delivery.
import { migrateToLatest } from '../../../../server/db/connect'
import { ManualClock } from '../../../../server/clock'
import { renderNotice } from '../../../../src/domain/noticeText'
import type { NoticeKind, WechatTemplateKey } from '../../../../src/domain/notices'
import type { Delivery, Recipient } from '../../../../server/modules/notify/types'
import { openTestDatabase, WEDNESDAY_10AM, type TestDatabase } from '../../../api/support/testApp'
import type { DialectName } from '../../../../server/db/connect'

export async function channelTestDatabase(dialect: DialectName = 'sqlite'): Promise<{ database: TestDatabase; clock: ManualClock }> {
  const database = await openTestDatabase(dialect)
  await migrateToLatest(database.db)
  return { database, clock: new ManualClock(WEDNESDAY_10AM) }
}

export async function addUser(database: TestDatabase, id: string, fields: { openid?: string | null; phone_enc?: string | null } = {}): Promise<void> {
  await database.db
    .insertInto('users')
    .values({ id, role: 'citizen', created_at: new Date(WEDNESDAY_10AM).toISOString(), openid: fields.openid ?? null, phone_enc: fields.phone_enc ?? null })
    .execute()
}

export async function setGrants(database: TestDatabase, userId: string, template: WechatTemplateKey, remaining: number): Promise<void> {
  await database.db
    .insertInto('notification_grants')
    .values({ user_id: userId, template, remaining, updated_at: new Date(WEDNESDAY_10AM).toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'template']).doUpdateSet({ remaining }))
    .execute()
}

export async function grantsLeft(database: TestDatabase, userId: string, template: WechatTemplateKey): Promise<number> {
  const row = await database.db.selectFrom('notification_grants').select('remaining').where('user_id', '=', userId).where('template', '=', template).executeTakeFirst()
  return row?.remaining ?? 0
}

export function deliveryFor(recipient: Partial<Recipient>, kind: NoticeKind = 'queue_called', dedupKey = `${kind}:t1:1`, locale: 'zh-CN' | 'en' = 'zh-CN'): Delivery {
  return {
    id: `o-${dedupKey}`,
    dedupKey,
    recipient: { userId: null, openid: null, phone: null, ...recipient },
    notice: renderNotice(
      kind,
      { path: 'pages/ticket/index?id=t1', hallName: '临海市民服务中心', itemName: '居民身份证换领', ticketNumber: 'A012', window: '5', ahead: 3, at: '2026-12-03T06:30:00Z' },
      locale,
    ),
  }
}
