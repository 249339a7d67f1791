// The table map: what Kysely checks every query against. Migrations create these tables; JSON columns hold text so
// the same queries run on SQLite and PostgreSQL; booleans are 0/1 integers for the same reason.
import type { Generated } from 'kysely'

export interface ItemsTable {
  code: string
  name: string
  department: string
  type: string
  audience: string // JSON string[]
  kind: string
  legal_days: number
  promised_days: number
  fee: string // JSON number | string
  visits: number
  online: string
  levels: string // JSON HallLevel[]
  anywhere: number
  appointment: number
  conditions: string // JSON string[]
  materials: string // JSON Material[]
  steps: string // JSON string[]
  basis: string
  phone: string
  topics: string // JSON string[], in catalog order (item_topics is the index)
  views: Generated<number>
}

export interface ItemTopicsTable {
  item_code: string
  topic: string
}

export interface HallsTable {
  id: string
  name: string
  level: string
  parent: string | null
  address: string
  lat: number
  lng: number
  phone: string
  hours: string // JSON WeeklyHours
  self_service_24h: number
  windows: number
  position: number
}

export interface HallCategoriesTable {
  hall_id: string
  id: string
  name: string
  position: number
  /** The letter numbers start with (A → A001). */
  prefix: string
  /** 1: called before ordinary categories (V: 老年人/残疾人/军人). */
  priority: number
}

export interface ItemHallsTable {
  item_code: string
  hall_id: string
}

export interface GridsTable {
  id: string
  name: string
  hall_id: string
}

export interface UsersTable {
  id: string
  role: string
  name: string | null
  username: string | null
  password_hash: string | null
  openid: string | null
  phone_enc: string | null
  phone_hash: string | null
  id_number_enc: string | null
  id_number_hash: string | null
  address_enc: string | null
  grid_id: string | null
  hall_id: string | null
  failed_logins: Generated<number>
  locked_until: string | null
  sensitive_consent_at: string | null
  disabled: Generated<number>
  created_at: string
}

export interface SessionsTable {
  id: string
  user_id: string
  client: string
  created_at: string
  last_used_at: string
  revoked_at: string | null
  revoked_reason: string | null
}

export interface RefreshTokensTable {
  token_hash: string
  session_id: string
  created_at: string
  expires_at: string
  rotated_at: string | null
}

export interface SmsCodesTable {
  id: string
  phone_hash: string
  code_hash: string
  created_at: string
  expires_at: string
  attempts: Generated<number>
  consumed_at: string | null
}

export interface AuditLogTable {
  id: string
  at: string
  actor_id: string
  actor_role: string
  action: string
  subject_id: string | null
  ip: string | null
  detail: string | null
}

/** One row (id 1): how many times the catalog was imported; the search index rebuilds when it changes. */
export interface CatalogRevisionTable {
  id: number
  revision: number
}

/** A creating request's answer, kept 24 h so a retry with the same Idempotency-Key gets it again. */
export interface IdempotencyKeysTable {
  owner_id: string
  key: string
  /** Method and path the key was first used on. */
  scope: string
  request_hash: string
  status: number
  body: string // JSON
  created_at: string
}

export interface UploadsTable {
  id: string
  owner_id: string
  mime: string
  size: number
  sha256: string
  storage_key: string
  created_at: string
}

export interface ApplicationsTable {
  id: string
  no: string
  item_code: string
  item_name: string
  online_mode: string
  promised_days: number
  hall_id: string
  applicant_name: string
  applicant_id_number_enc: string
  applicant_id_number_hash: string
  applicant_phone_enc: string
  applicant_phone_hash: string
  applicant_address_enc: string | null
  submitted_by: string
  submitted_by_role: string
  sensitive_consent_at: string | null
  submitted_at: string
  /** Grid register entry, when a grid worker applied at the door. */
  resident_id: string | null
  eligibility_override: string | null
  /** The Idempotency-Key it was submitted with (unique per submitter); null when none was sent. */
  client_key: string | null
}

/** Append-only timeline; the latest row (highest seq) is the application's status. */
export interface ApplicationEventsTable {
  application_id: string
  seq: number
  stage: string
  at: string
  actor_id: string
  note: string | null
  detail: string | null // JSON
}

export interface ApplicationMaterialsTable {
  application_id: string
  position: number
  upload_id: string
  name: string
}

export interface EvaluationsTable {
  id: string
  target_type: string
  target_id: string
  user_id: string
  hall_id: string
  score: number
  tags: string // JSON string[]
  comment: string | null
  created_at: string
}

export interface ResidentsTable {
  id: string
  grid_id: string
  name: string
  sex: string
  birth_date: string
  id_number_enc: string
  id_number_hash: string
  phone_enc: string | null
  address_enc: string
  lat: number | null
  lng: number | null
  tags: string // JSON ResidentTag[]
  covered_items: string // JSON string[]
  snoozed_until: string | null
  created_at: string
  updated_at: string
}

export interface ResidentVisitsTable {
  id: string
  resident_id: string
  worker_id: string
  at: string
  outcome: string
  item_code: string | null
  note: string | null
}

export interface TicketsTable {
  id: string
  hall_id: string
  category_id: string
  /** The category the number was drawn from; stays when the ticket is transferred. */
  series: string
  number: string
  seq: number
  /** The hall's queue version the issue created: commit order across categories. */
  issue_order: number
  day: string
  status: string
  priority: number
  source: string
  user_id: string | null
  appointment_id: string | null
  window: number | null
  issued_at: string
  called_at: string | null
  finished_at: string | null
  near_reminded_at: string | null
}

export interface QueueCountersTable {
  hall_id: string
  series: string
  day: string
  last_seq: number
}

export interface QueueVersionsTable {
  hall_id: string
  version: number
  updated_at: string
}

export interface QueueWindowsTable {
  hall_id: string
  no: number
  category_ids: string | null // JSON string[]; null = every category
  open: number
  updated_at: string
}

export interface IntegrationKeysTable {
  key_hash: string
  hall_id: string
  created_at: string
  revoked_at: string | null
}

export interface IntegrationEventsTable {
  hall_id: string
  event_id: string
  applied_at: string
}

/** How a hall's slots for one scope ('cat:<category id>' or 'item:<item code>') are cut from its opening hours. */
export interface SlotTemplatesTable {
  hall_id: string
  scope: string
  slot_minutes: number
  places: number
  walk_in_places: number
  generated_through: string | null
  updated_at: string
}

export interface SlotsTable {
  id: string
  hall_id: string
  scope: string
  day: string
  starts_at: string
  ends_at: string
  capacity: number
  booked: Generated<number>
  held: Generated<number>
}

export interface HallClosedDaysTable {
  hall_id: string
  day: string
  closed_at: string
}

export interface AppointmentsTable {
  id: string
  code: string
  user_id: string
  slot_id: string
  hall_id: string
  category_id: string
  item_code: string
  item_name: string
  day: string
  starts_at: string
  ends_at: string
  name: string
  phone_enc: string
  phone_hash: string
  id_number_enc: string
  id_number_hash: string
  status: string
  active_day: string | null
  running_late: Generated<number>
  ticket_id: string | null
  created_at: string
  cancelled_at: string | null
  checked_in_at: string | null
  no_show_at: string | null
}

export interface WaitlistEntriesTable {
  id: string
  user_id: string
  hall_id: string
  scope: string
  item_code: string
  item_name: string
  day: string
  name: string
  phone_enc: string
  phone_hash: string
  id_number_enc: string
  id_number_hash: string
  status: string
  active_day: string | null
  offer_slot_id: string | null
  offer_expires_at: string | null
  created_at: string
  seq: number
}

/** Outbox of messages to people about their appointments; a later issue delivers them. */
export interface AppointmentNoticesTable {
  id: string
  user_id: string
  kind: string
  appointment_id: string | null
  waitlist_id: string | null
  detail: string // JSON
  created_at: string
  delivered_at: string | null
}

export interface NotificationOutboxTable {
  id: string
  dedup_key: string
  kind: string // NoticeKind
  user_id: string | null
  phone_enc: string | null
  locale: string | null
  urgent: Generated<number>
  params: string // JSON NoticeParams
  status: string // OutboxStatus
  channel: string | null // ChannelName
  attempts: Generated<number>
  next_attempt_at: string
  expires_at: string | null
  lease_owner: string | null
  lease_until: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
}

export interface NotificationGrantsTable {
  user_id: string
  template: string // WechatTemplateKey
  remaining: number
  updated_at: string
}

export interface PushSubscriptionsTable {
  id: string
  user_id: string
  endpoint: string
  endpoint_hash: string
  p256dh: string
  auth: string
  created_at: string
  last_used_at: string | null
}

export interface NotificationSettingsTable {
  user_id: string
  enabled: Generated<number>
  sms: Generated<number>
  locale: string | null
  updated_at: string
}

export interface NoShowsTable {
  appointment_id: string
  user_id: string
  at: string
}

export interface Database {
  items: ItemsTable
  item_topics: ItemTopicsTable
  halls: HallsTable
  hall_categories: HallCategoriesTable
  item_halls: ItemHallsTable
  grids: GridsTable
  users: UsersTable
  sessions: SessionsTable
  refresh_tokens: RefreshTokensTable
  sms_codes: SmsCodesTable
  audit_log: AuditLogTable
  catalog_revision: CatalogRevisionTable
  idempotency_keys: IdempotencyKeysTable
  uploads: UploadsTable
  applications: ApplicationsTable
  application_events: ApplicationEventsTable
  application_materials: ApplicationMaterialsTable
  evaluations: EvaluationsTable
  residents: ResidentsTable
  resident_visits: ResidentVisitsTable
  tickets: TicketsTable
  queue_counters: QueueCountersTable
  queue_versions: QueueVersionsTable
  queue_windows: QueueWindowsTable
  integration_keys: IntegrationKeysTable
  integration_events: IntegrationEventsTable
  slot_templates: SlotTemplatesTable
  slots: SlotsTable
  hall_closed_days: HallClosedDaysTable
  appointments: AppointmentsTable
  waitlist_entries: WaitlistEntriesTable
  appointment_notices: AppointmentNoticesTable
  no_shows: NoShowsTable
  notification_outbox: NotificationOutboxTable
  notification_grants: NotificationGrantsTable
  push_subscriptions: PushSubscriptionsTable
  notification_settings: NotificationSettingsTable
}
