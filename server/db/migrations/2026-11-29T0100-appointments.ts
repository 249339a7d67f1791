import { sql, type Kysely } from 'kysely'

// Frozen once released. Appointments (网上预约). Capacity lives in the database: a booking is the conditional
// `UPDATE slots SET booked = booked + 1 WHERE booked + held < capacity` in the same transaction as the appointment
// row, so no amount of concurrency can overbook. A slot belongs to a template's scope ('cat:A' for a hall's queue
// category, 'item:<code>' for one item), so two scopes of one hall can start at the same minute.
// Personal data is sealed as in the applications migration (*_enc beside an HMAC *_hash).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slot_templates')
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('scope', 'varchar(48)', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('walk_in_places', 'integer', (c) => c.notNull())
    // Days up to here already have their slots; the job only adds days after it (NULL: none yet).
    .addColumn('generated_through', 'varchar(10)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('slot_templates_pk', ['hall_id', 'scope'])
    .execute()

  await db.schema
    .createTable('slots')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('scope', 'varchar(48)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull()) // Asia/Shanghai date
    .addColumn('starts_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    // Places released by a cancellation and offered to the waitlist: not open to anyone else while held.
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('slots_hall_scope_start', ['hall_id', 'scope', 'starts_at'])
    .addCheckConstraint('slots_counts_not_negative', sql`booked >= 0 AND held >= 0`)
    .execute()
  await db.schema.createIndex('slots_day').on('slots').columns(['hall_id', 'scope', 'day']).execute()

  await db.schema
    .createTable('hall_closed_days')
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('hall_closed_days_pk', ['hall_id', 'day'])
    .execute()

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id'))
    .addColumn('slot_id', 'varchar(40)', (c) => c.notNull().references('slots.id'))
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(16)', (c) => c.notNull())
    .addColumn('item_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    // The day while the appointment holds a place, NULL once cancelled: with the unique key below the database
    // itself refuses a second active booking of one item on one day by one person.
    .addColumn('active_day', 'varchar(10)')
    .addColumn('running_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ticket_id', 'varchar(64)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('cancelled_at', 'varchar(30)')
    .addColumn('checked_in_at', 'varchar(30)')
    .addColumn('no_show_at', 'varchar(30)')
    .addUniqueConstraint('appointments_one_active', ['user_id', 'item_code', 'active_day'])
    .execute()
  await db.schema.createIndex('appointments_user').on('appointments').columns(['user_id', 'starts_at']).execute()
  await db.schema.createIndex('appointments_status_start').on('appointments').columns(['status', 'starts_at']).execute()
  await db.schema.createIndex('appointments_hall_day').on('appointments').columns(['hall_id', 'day']).execute()

  await db.schema
    .createTable('waitlist_entries')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id'))
    .addColumn('hall_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('scope', 'varchar(48)', (c) => c.notNull())
    .addColumn('item_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull()) // waiting | offered | booked | left | expired
    // Set while waiting or offered, NULL after: one open entry per person, hall, item and day.
    .addColumn('active_day', 'varchar(10)')
    .addColumn('offer_slot_id', 'varchar(40)')
    .addColumn('offer_expires_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    // Order of arrival; created_at alone ties within a millisecond.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('waitlist_one_open', ['user_id', 'hall_id', 'item_code', 'active_day'])
    .execute()
  await db.schema.createIndex('waitlist_queue').on('waitlist_entries').columns(['hall_id', 'scope', 'day', 'status', 'seq']).execute()
  await db.schema.createIndex('waitlist_offers').on('waitlist_entries').columns(['status', 'offer_expires_at']).execute()

  // The notification hook: an outbox a later issue delivers (SMS, subscription message). Rows are never updated
  // except to stamp delivery.
  await db.schema
    .createTable('appointment_notices')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull()) // cancelled_by_hall | waitlist_offer | waitlist_expired | no_show
    .addColumn('appointment_id', 'varchar(40)')
    .addColumn('waitlist_id', 'varchar(40)')
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('delivered_at', 'varchar(30)')
    .execute()
  await db.schema.createIndex('appointment_notices_undelivered').on('appointment_notices').columns(['delivered_at', 'created_at']).execute()

  await db.schema
    .createTable('no_shows')
    .addColumn('appointment_id', 'varchar(40)', (c) => c.primaryKey().references('appointments.id'))
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('no_shows_user').on('no_shows').columns(['user_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['no_shows', 'appointment_notices', 'waitlist_entries', 'appointments', 'hall_closed_days', 'slots', 'slot_templates']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
