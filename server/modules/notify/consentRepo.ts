// Storage of what a person agreed to: WeChat grants, Web Push subscriptions, and their own switches.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { WechatTemplateKey } from '../../../src/domain/notices'

type Db = Kysely<Database>

/** WeChat lets grants pile up, one per tap; a ceiling keeps a misbehaving client from inventing hundreds. */
export const MAX_GRANTS_PER_TEMPLATE = 50

export async function addGrant(db: Db, userId: string, template: WechatTemplateKey, now: string): Promise<void> {
  await db
    .insertInto('notification_grants')
    .values({ user_id: userId, template, remaining: 1, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'template']).doUpdateSet((eb) => ({
        remaining: eb.case().when('notification_grants.remaining', '>=', MAX_GRANTS_PER_TEMPLATE).then(MAX_GRANTS_PER_TEMPLATE).else(eb('notification_grants.remaining', '+', 1)).end(),
        updated_at: now,
      })),
    )
    .execute()
}

export async function clearGrants(db: Db, userId: string, template: WechatTemplateKey, now: string): Promise<void> {
  await db
    .insertInto('notification_grants')
    .values({ user_id: userId, template, remaining: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'template']).doUpdateSet({ remaining: 0, updated_at: now }))
    .execute()
}

export async function grantsOf(db: Db, userId: string): Promise<Array<{ template: string; remaining: number }>> {
  return db.selectFrom('notification_grants').select(['template', 'remaining']).where('user_id', '=', userId).execute()
}

export interface NewSubscription {
  id: string
  userId: string
  endpoint: string
  endpointHash: string
  p256dh: string
  auth: string
  now: string
}

/** Stores a browser's subscription; the same endpoint again (keys renewed, or another account on the browser) replaces the old row. */
export async function saveSubscription(db: Db, sub: NewSubscription): Promise<void> {
  await db
    .insertInto('push_subscriptions')
    .values({ id: sub.id, user_id: sub.userId, endpoint: sub.endpoint, endpoint_hash: sub.endpointHash, p256dh: sub.p256dh, auth: sub.auth, created_at: sub.now })
    .onConflict((oc) => oc.column('endpoint_hash').doUpdateSet({ user_id: sub.userId, endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth, created_at: sub.now }))
    .execute()
}

/** Keeps the `keep` most recently used or added subscriptions of a person and deletes the rest. */
export async function trimSubscriptions(db: Db, userId: string, keep: number): Promise<void> {
  const rows = await db.selectFrom('push_subscriptions').select(['id', 'created_at', 'last_used_at']).where('user_id', '=', userId).execute()
  if (rows.length <= keep) return
  const newestFirst = rows.sort((a, b) => (b.last_used_at ?? b.created_at).localeCompare(a.last_used_at ?? a.created_at))
  const stale = newestFirst.slice(keep).map((row) => row.id)
  await db.deleteFrom('push_subscriptions').where('id', 'in', stale).execute()
}

export async function deleteSubscription(db: Db, userId: string, endpointHash: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('user_id', '=', userId).where('endpoint_hash', '=', endpointHash).execute()
}

export async function countSubscriptions(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('push_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function settingsOf(db: Db, userId: string) {
  return db.selectFrom('notification_settings').select(['enabled', 'sms', 'locale']).where('user_id', '=', userId).executeTakeFirst()
}

export async function saveSettings(db: Db, userId: string, settings: { enabled: number; sms: number; locale: string }, now: string): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, ...settings, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...settings, updated_at: now }))
    .execute()
}

export async function hasPhone(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('phone_enc').where('id', '=', userId).executeTakeFirst()
  return Boolean(row?.phone_enc)
}

/**
 * A closed account: its browsers, WeChat grants and switches go, and reminders not yet sent are dropped (a message
 * about a closed account's ticket or booking reaches no one it should).
 */
export async function forgetPerson(db: Db, userId: string, now: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('user_id', '=', userId).execute()
  await db.deleteFrom('notification_grants').where('user_id', '=', userId).execute()
  await db.deleteFrom('notification_settings').where('user_id', '=', userId).execute()
  await db
    .updateTable('notification_outbox')
    .set({ status: 'dropped', last_error: 'account closed', lease_owner: null, lease_until: null, sent_at: null, next_attempt_at: now })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute()
}
