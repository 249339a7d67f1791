// Enqueueing a reminder: one outbox row written in the caller's transaction, so the message exists exactly when
// the change that caused it committed. The worker (worker.ts) sends it later.
import type { Kysely } from 'kysely'
import { URGENT_NOTICES } from '../../../src/domain/notices'
import { afterQuietHours } from '../../../src/domain/quietHours'
import type { Database } from '../../db/schema'
import type { PersonalDataCipher } from '../../security/personalData'
import { newId } from '../auth/repo'
import * as outboxRepo from './outboxRepo'
import type { NoticeInput } from './types'

/**
 * Writes `input` into the outbox inside `trx`. A second event with the same dedup key writes nothing and answers
 * false, so callers can use the insert itself as the claim ("send this once"). Non-urgent messages due during quiet
 * hours wait until 08:00; a phone (for people without an account) is sealed like every personal field.
 */
export async function enqueueNotice(trx: Kysely<Database>, now: Date, input: NoticeInput, cipher?: PersonalDataCipher): Promise<boolean> {
  if (input.phone && !cipher) throw new Error('enqueueNotice: a phone number needs the personal-data cipher to be sealed')
  const urgent = URGENT_NOTICES.has(input.kind)
  const notBefore = input.notBefore && Date.parse(input.notBefore) > now.getTime() ? new Date(input.notBefore) : now
  const due = urgent ? notBefore : afterQuietHours(notBefore)
  const settings = input.userId ? await outboxRepo.settingsOf(trx, input.userId) : undefined
  return outboxRepo.insertNotice(trx, {
    id: newId(),
    dedup_key: input.dedupKey,
    kind: input.kind,
    user_id: input.userId,
    phone_enc: input.phone && cipher ? cipher.seal('phone', input.phone) : null,
    locale: settings?.locale ?? null,
    urgent: urgent ? 1 : 0,
    params: JSON.stringify(input.params),
    status: 'pending',
    next_attempt_at: due.toISOString(),
    expires_at: input.expiresAt ?? null,
    created_at: now.toISOString(),
  })
}
