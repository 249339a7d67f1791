import type { EligibleItem } from '@/domain/contract'
import type { MessageKey, MessageParams } from '@/i18n'
import '@/i18n/grid'

type Translate = (key: MessageKey, params?: MessageParams) => string

/** "3月12日满80周岁" / "已满80周岁(3月12日)" / "持残疾人证,低保" — why the resident is on the list. */
export function eligibilityReason(item: EligibleItem, t: Translate): string {
  const reason = item.reason
  if (reason.kind === 'tags') return reason.tags.map((tag) => t(`grid.tag.${tag}` as MessageKey)).join(t('grid.listSeparator'))
  const [, month, day] = reason.on.split('-').map(Number)
  return t(reason.reached ? 'grid.reasonReached' : 'grid.reasonTurning', { month, day, age: reason.age })
}
