// Plain-language labels for the facts of a guide, shared by every page that shows them.
import type { CatalogItem, Material, OnlineMode } from './contract/catalog'
import type { HallLevel } from './contract/halls'

export function feeLabel(fee: CatalogItem['fee']): string {
  if (fee === 0 || fee === '0' || fee === '免费') return '不收费'
  return typeof fee === 'number' ? `${fee}元` : fee
}

export function tripsLabel(visits: number): string {
  if (visits === 0) return '不用跑(零跑动)'
  if (visits === 1) return '最多跑一次'
  return `需到现场${visits}次`
}

export const onlineLabels: Record<OnlineMode, string> = {
  全程网办: '可全程网上办理',
  网上预审: '网上预审后到窗口办理',
  窗口办理: '需到窗口办理',
}

export function timeLimitLabel(item: Pick<CatalogItem, 'kind' | 'legalDays' | 'promisedDays'>): {
  legal: string
  promised: string
} {
  if (item.kind === '即办件' || item.promisedDays === 0) {
    return { legal: item.legalDays > 0 ? `${item.legalDays}个工作日` : '即时办结', promised: '当场办结' }
  }
  return { legal: `${item.legalDays}个工作日`, promised: `${item.promisedDays}个工作日` }
}

export const hallLevelLabels: Record<HallLevel, string> = {
  district: '区级大厅',
  street: '街道大厅',
  community: '社区服务站',
}

export function levelsLabel(levels: HallLevel[]): string {
  return levels.map((level) => hallLevelLabels[level]).join('、')
}

export function materialFormLabel(material: Pick<Material, 'form' | 'copies'>): string {
  if (material.form === '电子材料') return '电子材料'
  return material.copies > 1 ? `${material.form} ${material.copies}份` : material.form
}

/** Why a citizen may not be able to go to just any hall that lists the item. */
export function whereToApplyNote(item: Pick<CatalogItem, 'anywhere' | 'levels'>): string {
  if (item.anywhere) return '全区通办:可到下列任一大厅办理'
  if (item.levels.length === 1 && item.levels[0] === 'district') return '请到区级大厅办理'
  return '不支持通办:请到户籍或居住地所属的大厅办理'
}
