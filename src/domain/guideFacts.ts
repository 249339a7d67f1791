// The facts of a guide as phrases (message key + values), shared by every page that shows them; the words live in
// src/i18n/guide.{zh,en}.ts. Published text (a fee like 工本费20元) passes through as it is.
import type { CatalogItem, ItemKind, Material, MaterialForm, OnlineMode } from './contract/catalog'
import type { HallLevel } from './contract/halls'
import type { Phrase } from './phrase'

export function feeLabel(fee: CatalogItem['fee']): Phrase<'guide.fee.free' | 'guide.fee.yuan' | 'guide.fee.published'> {
  if (fee === 0 || fee === '0' || fee === '免费') return { key: 'guide.fee.free' }
  return typeof fee === 'number' ? { key: 'guide.fee.yuan', params: { amount: fee } } : { key: 'guide.fee.published', params: { fee } }
}

/** How many trips to the hall: the same rule for list cards and the guide (最多跑一次). */
export function tripsLabel(visits: number): Phrase<'item.noTrip' | 'item.oneTrip' | 'item.trips'> {
  if (visits === 0) return { key: 'item.noTrip' }
  if (visits === 1) return { key: 'item.oneTrip' }
  return { key: 'item.trips', params: { count: visits } }
}

function isDoneOnTheSpot(item: Pick<CatalogItem, 'kind' | 'promisedDays'>): boolean {
  return item.kind === '即办件' || item.promisedDays === 0
}

/** The promise as a list card states it: 当场办结 or 承诺N个工作日. */
export function promiseLabel(item: Pick<CatalogItem, 'kind' | 'promisedDays'>): Phrase<'item.doneOnTheSpot' | 'item.promisedDays'> {
  return isDoneOnTheSpot(item) ? { key: 'item.doneOnTheSpot' } : { key: 'item.promisedDays', params: { days: item.promisedDays } }
}

export const onlineLabels: Record<OnlineMode, 'guide.online.full' | 'guide.online.precheck' | 'guide.online.window'> = {
  全程网办: 'guide.online.full',
  网上预审: 'guide.online.precheck',
  窗口办理: 'guide.online.window',
}

export const itemKindLabels: Record<ItemKind, 'guide.kind.instant' | 'guide.kind.promised'> = {
  即办件: 'guide.kind.instant',
  承诺件: 'guide.kind.promised',
}

type LimitPhrase = Phrase<'guide.workingDays' | 'guide.immediate' | 'item.doneOnTheSpot'>

export function timeLimitLabel(item: Pick<CatalogItem, 'kind' | 'legalDays' | 'promisedDays'>): { legal: LimitPhrase; promised: LimitPhrase } {
  const legal: LimitPhrase = { key: 'guide.workingDays', params: { days: item.legalDays } }
  if (isDoneOnTheSpot(item)) {
    return { legal: item.legalDays > 0 ? legal : { key: 'guide.immediate' }, promised: { key: 'item.doneOnTheSpot' } }
  }
  return { legal, promised: { key: 'guide.workingDays', params: { days: item.promisedDays } } }
}

export const hallLevelLabels: Record<HallLevel, 'hall.level.district' | 'hall.level.street' | 'hall.level.community'> = {
  district: 'hall.level.district',
  street: 'hall.level.street',
  community: 'hall.level.community',
}

type FormKey = 'guide.form.original' | 'guide.form.copy' | 'guide.form.both' | 'guide.form.electronic'
type CopiesKey = 'guide.form.originalCopies' | 'guide.form.copyCopies' | 'guide.form.bothCopies'

const materialFormLabels: Record<MaterialForm, { one: FormKey; several: CopiesKey | FormKey }> = {
  原件: { one: 'guide.form.original', several: 'guide.form.originalCopies' },
  复印件: { one: 'guide.form.copy', several: 'guide.form.copyCopies' },
  原件和复印件: { one: 'guide.form.both', several: 'guide.form.bothCopies' },
  电子材料: { one: 'guide.form.electronic', several: 'guide.form.electronic' },
}

export function materialFormLabel(material: Pick<Material, 'form' | 'copies'>): Phrase<FormKey | CopiesKey> {
  const labels = materialFormLabels[material.form]
  return material.copies > 1 ? { key: labels.several, params: { copies: material.copies } } : { key: labels.one }
}

/** Why a citizen may not be able to go to just any hall that lists the item. */
export function whereToApplyNote(item: Pick<CatalogItem, 'anywhere' | 'levels'>): Phrase<'guide.where.anywhere' | 'guide.where.district' | 'guide.where.ownArea'> {
  if (item.anywhere) return { key: 'guide.where.anywhere' }
  if (item.levels.length === 1 && item.levels[0] === 'district') return { key: 'guide.where.district' }
  return { key: 'guide.where.ownArea' }
}
