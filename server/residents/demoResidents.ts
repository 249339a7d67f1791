import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

import { idNumberCheckCharacter } from '../../src/domain/identity'
import { shanghaiTime } from '../../src/domain/clockTime'
import type { PersonalDataCipher } from '../security/personalData'
import { importResidents, type ResidentRecord } from './register'
import { seededRandom } from '../../src/domain/seededRandom'

// Synthetic residents for demo mode only: made-up names, ID numbers that pass the checksum (region 440309, 深圳市
// 龙华区), phones in the 139 0000 xxxx range no one is issued, and birth dates spread so that some residents of
// every grid turn 60 or 80 this month and the eligibility list has something to show on any day.

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁')
const GIVEN = Array.from('秀英桂兰玉珍凤华建国志强明德淑芬丽娟海涛文杰永红春梅金花宝山福荣')
const STREETS = ['幸福路', '和平街', '龙华大道', '人民路', '东环一路', '清湖路', '民治大道', '观澜大道']
const REGION = '440309'

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]
const pad = (value: number, width = 2) => String(value).padStart(width, '0')

export function syntheticIdNumber(birthDate: string, sequence: number, sex: 'male' | 'female'): string {
  // The 17th digit is odd for men and even for women.
  const order = (sequence % 50) * 2 + (sex === 'male' ? 1 : 0)
  const first17 = `${REGION}${birthDate.replaceAll('-', '')}${pad(Math.floor(sequence / 50) % 10, 1)}${pad(order, 2)}`
  return `${first17}${idNumberCheckCharacter(first17)}`
}

interface GridPlace {
  id: string
  name: string
  lat: number
  lng: number
}

/**
 * `perGrid` residents for each grid: a few turning 60 and 80 within this month, a few already past 80 or 60
 * without the benefit, a few with a disability record, and the rest of working age.
 */
export function syntheticResidents(grids: GridPlace[], today: string, perGrid = 10, seed = 20261125): ResidentRecord[] {
  const random = seededRandom(seed)
  const [year, month] = today.split('-').map(Number)
  const records: ResidentRecord[] = []
  let sequence = 0
  for (const grid of grids) {
    for (let n = 0; n < perGrid; n += 1) {
      const sex = random() < 0.5 ? 'male' : 'female'
      const day = 1 + Math.floor(random() * 28)
      const kind = n % 5
      let birthYear: number
      let birthMonth = month
      if (kind === 0) birthYear = year - 80
      else if (kind === 1) birthYear = year - 60
      else if (kind === 2) { birthYear = year - 81 - Math.floor(random() * 10); birthMonth = 1 + Math.floor(random() * 12) }
      else { birthYear = year - 30 - Math.floor(random() * 29); birthMonth = 1 + Math.floor(random() * 12) }
      const birthDate = `${birthYear}-${pad(birthMonth)}-${pad(day)}`
      const tags: ResidentRecord['tags'] = []
      if (kind === 3 && random() < 0.6) tags.push('disability_certificate', random() < 0.5 ? 'severe_disability' : 'low_income')
      if (birthYear <= year - 55 && random() < 0.5) tags.push('resident_pension_insured')
      // Some older residents already hold the 优待证, so the list is not everyone over 60.
      const coveredItems = kind === 2 && random() < 0.4 ? ['020200020000'] : []
      sequence += 1
      records.push({
        gridId: grid.id,
        name: `${pick(random, SURNAMES)}${pick(random, GIVEN)}${random() < 0.6 ? pick(random, GIVEN) : ''}`,
        idNumber: syntheticIdNumber(birthDate, sequence, sex),
        birthDate,
        sex,
        phone: `1390000${pad(sequence % 10000, 4)}`,
        address: `${grid.name.replace(/第.网格$/, '')}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 20)}栋${100 + Math.floor(random() * 1800)}`,
        lat: Number((grid.lat + (random() - 0.5) * 0.01).toFixed(6)),
        lng: Number((grid.lng + (random() - 0.5) * 0.01).toFixed(6)),
        tags,
        coveredItems,
      })
    }
  }
  return records
}

/** Demo mode: fills an empty register once; an imported real register is never touched. */
export async function ensureDemoResidents(db: Kysely<Database>, cipher: PersonalDataCipher, now: Date): Promise<number> {
  const existing = await db.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
  if (Number(existing.count) > 0) return 0
  const grids = await db
    .selectFrom('grids')
    .innerJoin('halls', 'halls.id', 'grids.hall_id')
    .select(['grids.id', 'grids.name', 'halls.lat', 'halls.lng'])
    .orderBy('grids.id')
    .execute()
  const records = syntheticResidents(
    grids.map((grid) => ({ id: grid.id, name: grid.name, lat: Number(grid.lat), lng: Number(grid.lng) })),
    shanghaiTime(now).date,
  )
  const { added } = await importResidents(db, cipher, records, now)
  return added
}

