import type { FastifyInstance } from 'fastify'
import { importResidents, type ResidentRecord } from '../../../server/residents/register'
import { syntheticIdNumber } from '../../../server/residents/demoResidents'

/** Grid 1 of 白石龙社区, where the demo account grid1 works (grid2 works elsewhere). */
export const GRID1 = 'lh-minzhi-baishilong-g1'

let sequence = 0

/** Puts one resident on the register and returns their id. */
export async function addResident(app: FastifyInstance, overrides: Partial<ResidentRecord> = {}): Promise<string> {
  sequence += 1
  const birthDate = overrides.birthDate ?? '1946-12-10'
  const sex = overrides.sex ?? 'female'
  const record: ResidentRecord = {
    gridId: GRID1,
    name: '李秀英',
    idNumber: syntheticIdNumber(birthDate, 400 + sequence, sex),
    birthDate,
    sex,
    phone: '13900001234',
    address: '民治街道白石龙社区幸福路12号3栋501',
    lat: 22.6,
    lng: 114.03,
    tags: [],
    coveredItems: [],
    ...overrides,
  }
  await importResidents(app.db, app.auth.cipher, [record], app.clock.now())
  const row = await app.db
    .selectFrom('residents')
    .select('id')
    .where('id_number_hash', '=', app.auth.cipher.lookupHash('idNumber', record.idNumber))
    .executeTakeFirstOrThrow()
  return row.id
}
