import type { Kysely } from 'kysely'

// Frozen once released. Reminders outside the app (issue 11).
// - notification_outbox: one row per message to send. It is written in the same transaction as the change that
//   caused it; `dedup_key` is unique, so an event can never enqueue twice. A worker leases rows, sends them and
//   stamps the outcome. `phone_enc` carries a number for people without an account (a resident whose application a
//   grid worker submitted), sealed like every other personal field.
// - notification_grants: WeChat subscribe-message consent. Each tap on 允许 is one grant for one message; WeChat
//   offers no way to read the count back, so it is counted here.
// - push_subscriptions: Web Push endpoints of installed H5 apps; the endpoint is a capability URL, looked up by hash.
// - notification_settings: the person's own switch (off = consent gone) and the language messages are written in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('dedup_key', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(40)')
    .addColumn('phone_enc', 'text')
    .addColumn('locale', 'varchar(8)')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('params', 'text', (c) => c.notNull()) // JSON NoticeParams
    .addColumn('status', 'varchar(16)', (c) => c.notNull()) // pending | sending | sent | dropped | failed | uncertain
    .addColumn('channel', 'varchar(16)')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    // Past this moment the message is useless (a "3 ahead" after the ticket was served): dropped, not sent.
    .addColumn('expires_at', 'varchar(30)')
    .addColumn('lease_owner', 'varchar(40)')
    .addColumn('lease_until', 'varchar(30)')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)')
    .execute()
  await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('notification_outbox_user').on('notification_outbox').columns(['user_id', 'created_at']).execute()

  await db.schema
    .createTable('notification_grants')
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('template', 'varchar(16)', (c) => c.notNull()) // queue | appointment | application
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_grants_pk', ['user_id', 'template'])
    .execute()

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('endpoint_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)')
    .execute()
  await db.schema.createIndex('push_subscriptions_user').on('push_subscriptions').columns(['user_id']).execute()

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('locale', 'varchar(8)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notification_settings', 'push_subscriptions', 'notification_grants', 'notification_outbox']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
