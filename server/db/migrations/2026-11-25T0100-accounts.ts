import type { Kysely } from 'kysely'

// Frozen once released: later changes go in new, later-dated files.
// Times are ISO-8601 UTC text ("2026-11-25T02:00:00.000Z"): fixed width, so text order is time order on both
// SQLite and PostgreSQL. Personal data columns hold AES-256-GCM ciphertext (*_enc) beside an HMAC (*_hash) used
// for exact lookups; the plain values are never stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grids')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('username', 'varchar(64)', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('openid', 'varchar(128)', (c) => c.unique())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'varchar(64)')
    .addColumn('address_enc', 'text')
    .addColumn('grid_id', 'varchar(64)', (c) => c.references('grids.id'))
    .addColumn('hall_id', 'varchar(64)')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('sensitive_consent_at', 'varchar(30)')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('users_id_number_hash').on('users').column('id_number_hash').execute()

  // One row per signed-in device (a refresh-token family). Revoking it signs that device out at once.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('client', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('revoked_reason', 'varchar(32)')
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(40)', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('rotated_at', 'varchar(30)')
    .execute()
  await db.schema.createIndex('refresh_tokens_session').on('refresh_tokens').column('session_id').execute()

  await db.schema
    .createTable('sms_codes')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed_at', 'varchar(30)')
    .execute()
  await db.schema.createIndex('sms_codes_phone_time').on('sms_codes').columns(['phone_hash', 'created_at']).execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_role', 'varchar(16)', (c) => c.notNull())
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(40)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('detail', 'text')
    .execute()
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()
  await db.schema.createIndex('audit_log_subject').on('audit_log').column('subject_id').execute()
  await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'sms_codes', 'refresh_tokens', 'sessions', 'users', 'grids']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
