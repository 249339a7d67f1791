import type { Material } from './contract/catalog'

/** Materials are ticked by name: names are unique within a guide and survive catalog re-imports. */
export interface ChecklistProgress {
  ticked: number
  total: number
  requiredMissing: string[]
  ready: boolean
}

export function checklistProgress(materials: Material[], tickedNames: readonly string[]): ChecklistProgress {
  const ticked = new Set(tickedNames)
  const requiredMissing = materials.filter((m) => m.required && !ticked.has(m.name)).map((m) => m.name)
  return {
    ticked: materials.filter((m) => ticked.has(m.name)).length,
    total: materials.length,
    requiredMissing,
    ready: requiredMissing.length === 0,
  }
}

/** Drops ticks for materials the guide no longer lists, so a changed checklist never shows ghosts. */
export function pruneTicks(materials: Material[], tickedNames: readonly string[]): string[] {
  const current = new Set(materials.map((m) => m.name))
  return tickedNames.filter((name) => current.has(name))
}
