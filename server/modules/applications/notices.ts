// Applications' reminders outside the app (补正, 决定, 办结), written to the notification outbox in the transaction
// that records the step.
import type { Kysely } from 'kysely'
import type { StaffEventBody } from '../../../src/domain/contract'
import type { NoticeKind, NoticeParams } from '../../../src/domain/notices'
import type { Database } from '../../db/schema'
import type { PersonalDataCipher } from '../../security/personalData'
import { enqueueNotice } from '../notify/outbox'
import type * as repo from './repo'

const KIND_OF_STAGE: Partial<Record<StaffEventBody['stage'], NoticeKind>> = {
  supplement_requested: 'application_supplement',
  decided: 'application_decided',
  completed: 'application_ready',
}

/**
 * Who hears about an application: the citizen who submitted it; for one a grid worker submitted at the door, the
 * account with the applicant's phone if there is one, else the phone itself (the SMS channel reaches it).
 */
async function applicantOf(db: Kysely<Database>, cipher: PersonalDataCipher, row: repo.ApplicationRow) {
  if (row.submitted_by_role === 'citizen') return { userId: row.submitted_by, phone: null }
  const account = await db
    .selectFrom('users')
    .select('id')
    .where('phone_hash', '=', row.applicant_phone_hash)
    .where('role', '=', 'citizen')
    .executeTakeFirst()
  if (account) return { userId: account.id, phone: null }
  return { userId: null, phone: cipher.open('phone', row.applicant_phone_enc) }
}

/** The step just recorded (event number `seq`), if it is one the applicant is told about. */
export async function enqueueApplicationNotice(
  trx: Kysely<Database>,
  cipher: PersonalDataCipher,
  now: Date,
  row: repo.ApplicationRow,
  seq: number,
  body: StaffEventBody,
): Promise<boolean> {
  const kind = KIND_OF_STAGE[body.stage]
  if (!kind) return false
  const to = await applicantOf(trx, cipher, row)
  const hall = await trx.selectFrom('halls').select('name').where('id', '=', row.hall_id).executeTakeFirst()
  // Someone without an account cannot open "my applications"; the public progress page asks for the number.
  const path = to.userId ? `packages/apply/detail/index?no=${encodeURIComponent(row.no)}` : `pages/progress/index?no=${encodeURIComponent(row.no)}`
  const params: NoticeParams = { path, hallName: hall?.name ?? '', itemName: row.item_name, applicationNo: row.no }
  if (kind === 'application_supplement') params.materials = [...new Set(body.materials ?? [])]
  if (kind === 'application_decided' && body.outcome) params.outcome = body.outcome
  return enqueueNotice(trx, now, { dedupKey: `${kind}:${row.id}:${seq}`, kind, userId: to.userId, phone: to.phone, params }, cipher)
}
