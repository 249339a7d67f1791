import type { ItemRecord } from '../../server/seed/catalogRecords'

const VARIANTS = ['', '变更', '注销', '延续', '补办', '(个人)', '(企业)', '备案', '年度核验', '信息更正', '预约', '查询']
const PLACES = ['', '观湖', '民治', '龙华', '大浪', '福城', '观澜']

/**
 * A district-scale catalog of `count` items built from the real sample: names, departments, topics and materials
 * keep their real shape and vocabulary, so search cost is what a larger district would see.
 */
export function syntheticCatalog(sample: ItemRecord[], count: number): ItemRecord[] {
  const items: ItemRecord[] = []
  for (let i = 0; i < count; i++) {
    const base = sample[i % sample.length]
    const round = Math.floor(i / sample.length)
    const variant = VARIANTS[round % VARIANTS.length]
    const place = PLACES[Math.floor(round / VARIANTS.length) % PLACES.length]
    items.push({
      ...base,
      code: String(900000000000 + i),
      name: `${place}${base.name}${variant}`,
      department: place ? `${base.department}${place}所` : base.department,
    })
  }
  return items
}
