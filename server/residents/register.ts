import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { checkIdNumber, idNumberProblemText, normalizeMobile } from '../../src/domain/identity'
import { RESIDENT_TAGS, type ResidentTag } from '../../src/domain/eligibility'
import type { PersonalDataCipher } from '../security/personalData'
import { newId } from '../modules/auth/repo'
import { parseCsv } from './csv'

/** One resident as the register holds them, checked. */
export interface ResidentRecord {
  gridId: string
  name: string
  idNumber: string
  birthDate: string
  sex: 'male' | 'female'
  phone: string | null
  address: string
  lat: number | null
  lng: number | null
  tags: ResidentTag[]
  coveredItems: string[]
}

export interface RejectedRow {
  line: number
  reason: string
}

export interface RegisterCheck {
  records: ResidentRecord[]
  rejected: RejectedRow[]
}

// Registers come from street offices in Chinese or from IT in English: either header names are accepted.
const COLUMNS = {
  name: ['姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', 'idnumber', 'id_number'],
  phone: ['手机', '手机号', '联系电话', 'phone'],
  address: ['住址', '地址', 'address'],
  grid: ['网格', '网格编号', 'grid', 'grid_id'],
  tags: ['标签', 'tags'],
  covered: ['已享受事项', 'covered', 'covered_items'],
  lat: ['纬度', 'lat'],
  lng: ['经度', 'lng'],
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: Column[] = ['name', 'idNumber', 'address', 'grid']

const TAG_NAMES: Record<string, ResidentTag> = {
  残疾人证: 'disability_certificate',
  重度残疾: 'severe_disability',
  低保: 'low_income',
  特困: 'low_income',
  城乡居民养老保险: 'resident_pension_insured',
}

function tagOf(word: string): ResidentTag | null {
  if ((RESIDENT_TAGS as readonly string[]).includes(word)) return word as ResidentTag
  return TAG_NAMES[word] ?? null
}

const listOf = (value: string) => value.split(/[;;|、]/).map((part) => part.trim()).filter(Boolean)

function coordinate(value: string, min: number, max: number): number | null | 'bad' {
  if (value.trim() === '') return null
  const number = Number(value)
  return Number.isFinite(number) && number >= min && number <= max ? number : 'bad'
}

/**
 * Checks a CSV register: every row either becomes a record or is rejected with its line number and the reason,
 * so the street office can fix exactly those lines. A second row with an ID number already seen is rejected too.
 */
export function checkRegister(csv: string, context: { gridIds: ReadonlySet<string>; itemCodes: ReadonlySet<string>; today: string }): RegisterCheck {
  const rows = parseCsv(csv)
  if (rows.length === 0) return { records: [], rejected: [{ line: 1, reason: '文件是空的' }] }
  const header = rows[0].fields.map((name) => name.trim().toLowerCase())
  const index = {} as Record<Column, number>
  for (const column of Object.keys(COLUMNS) as Column[]) {
    index[column] = header.findIndex((name) => (COLUMNS[column] as readonly string[]).includes(name))
  }
  const missing = REQUIRED.filter((column) => index[column] < 0)
  if (missing.length > 0) {
    return { records: [], rejected: [{ line: rows[0].line, reason: `表头缺少列:${missing.map((column) => COLUMNS[column][0]).join('、')}` }] }
  }
  const records: ResidentRecord[] = []
  const rejected: RejectedRow[] = []
  const seen = new Map<string, number>()
  for (const row of rows.slice(1)) {
    const value = (column: Column) => (index[column] >= 0 ? (row.fields[index[column]] ?? '').trim() : '')
    const reject = (reason: string) => rejected.push({ line: row.line, reason })
    const name = value('name')
    if (!name || name.length > 40) { reject('姓名为空或超过40个字'); continue }
    const id = checkIdNumber(value('idNumber'), context.today)
    if (!id.ok) { reject(`身份证号:${idNumberProblemText[id.problem]}`); continue }
    if (seen.has(id.idNumber)) { reject(`身份证号与第 ${seen.get(id.idNumber)} 行重复`); continue }
    const rawPhone = value('phone')
    const phone = rawPhone ? normalizeMobile(rawPhone) : null
    if (rawPhone && !phone) { reject('手机号不是11位手机号码'); continue }
    const address = value('address')
    if (!address || address.length > 120) { reject('住址为空或超过120个字'); continue }
    const gridId = value('grid')
    if (!context.gridIds.has(gridId)) { reject(`网格“${gridId}”不存在`); continue }
    const tagWords = listOf(value('tags'))
    const unknownTag = tagWords.find((word) => tagOf(word) === null)
    if (unknownTag) { reject(`标签“${unknownTag}”无法识别`); continue }
    const covered = listOf(value('covered'))
    const unknownItem = covered.find((code) => !context.itemCodes.has(code))
    if (unknownItem) { reject(`已享受事项编码“${unknownItem}”不在事项目录中`); continue }
    const lat = coordinate(value('lat'), -90, 90)
    const lng = coordinate(value('lng'), -180, 180)
    if (lat === 'bad' || lng === 'bad' || (lat === null) !== (lng === null)) { reject('经纬度应成对填写且为有效数字'); continue }
    seen.set(id.idNumber, row.line)
    records.push({
      gridId,
      name,
      idNumber: id.idNumber,
      birthDate: id.birthDate,
      sex: id.sex,
      phone,
      address,
      lat,
      lng,
      tags: [...new Set(tagWords.map((word) => tagOf(word) as ResidentTag))],
      coveredItems: covered,
    })
  }
  return { records, rejected }
}

/**
 * Adds or updates residents by ID number in one transaction (a re-imported register moves people between grids
 * and updates their data; visits and snoozes are kept). Returns how many were added and updated.
 */
export async function importResidents(
  db: Kysely<Database>,
  cipher: PersonalDataCipher,
  records: ResidentRecord[],
  now: Date,
): Promise<{ added: number; updated: number }> {
  const at = now.toISOString()
  let added = 0
  let updated = 0
  await db.transaction().execute(async (trx) => {
    for (const record of records) {
      const hash = cipher.lookupHash('idNumber', record.idNumber)
      const values = {
        grid_id: record.gridId,
        name: record.name,
        sex: record.sex,
        birth_date: record.birthDate,
        phone_enc: cipher.sealOrNull('phone', record.phone),
        address_enc: cipher.seal('address', record.address),
        lat: record.lat,
        lng: record.lng,
        tags: JSON.stringify(record.tags),
        covered_items: JSON.stringify(record.coveredItems),
        updated_at: at,
      }
      const existing = await trx.selectFrom('residents').select('id').where('id_number_hash', '=', hash).executeTakeFirst()
      if (existing) {
        await trx.updateTable('residents').set(values).where('id', '=', existing.id).execute()
        updated += 1
      } else {
        await trx
          .insertInto('residents')
          .values({ ...values, id: newId(), id_number_enc: cipher.seal('idNumber', record.idNumber), id_number_hash: hash, snoozed_until: null, created_at: at })
          .execute()
        added += 1
      }
    }
  })
  return { added, updated }
}
