import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ItemSummary } from '../../../src/domain/contract'
import { SearchIndex } from '../../search/searchIndex'
import type { SearchDoc } from '../../search/indexedDoc'
import { bundledLexicon } from '../../search/lexiconIndex'
import * as repo from './repo'

export type CatalogIndex = SearchIndex<Omit<ItemSummary, 'views' | 'highlights'>>

export interface CatalogSearchOptions {
  /** How long an index is trusted before the catalog revision is checked again (0: on every search). */
  revisionCheckMs?: number
  /** How often view counts (the ranking's tie-breaker) are re-read from the database. */
  viewsRefreshMs?: number
  now?: () => number
}

/** An item row as the index takes it: the text it matches on, and the summary it returns. */
export function searchDocOf(row: Awaited<ReturnType<typeof repo.searchRows>>[number]): SearchDoc<Omit<ItemSummary, 'views' | 'highlights'>> {
  const topics: string[] = JSON.parse(row.topics)
  return {
    code: row.code,
    name: row.name,
    department: row.department,
    topics,
    conditions: JSON.parse(row.conditions),
    materials: (JSON.parse(row.materials) as Array<{ name: string }>).map((material) => material.name),
    views: Number(row.views),
    payload: {
      code: row.code,
      name: row.name,
      department: row.department,
      topics,
      kind: row.kind as ItemSummary['kind'],
      promisedDays: row.promised_days,
      visits: row.visits,
      online: row.online as ItemSummary['online'],
    },
  }
}

/**
 * The catalog's search index, kept in this process's memory and in step with the database: built on first use
 * (or at start-up), rebuilt when the catalog revision changes (a re-import, even from another process), with
 * view counts re-read now and then and bumped in place when this process serves a guide.
 */
export class CatalogSearch {
  private index: CatalogIndex | null = null
  private revision = -1
  private checkedAt = -Infinity
  private viewsAt = -Infinity
  private building: Promise<CatalogIndex> | null = null
  private readonly revisionCheckMs: number
  private readonly viewsRefreshMs: number
  private readonly now: () => number

  constructor(
    private readonly db: Kysely<Database>,
    options: CatalogSearchOptions = {},
  ) {
    this.revisionCheckMs = options.revisionCheckMs ?? 2000
    this.viewsRefreshMs = options.viewsRefreshMs ?? 60_000
    this.now = options.now ?? (() => Date.now())
  }

  /** The index for the catalog as it is now. */
  async current(): Promise<CatalogIndex> {
    const now = this.now()
    if (this.index && now - this.checkedAt < this.revisionCheckMs) {
      this.refreshViewsLater(now)
      return this.index
    }
    const revision = await repo.catalogRevision(this.db)
    this.checkedAt = now
    if (this.index && revision === this.revision) {
      this.refreshViewsLater(now)
      return this.index
    }
    return this.rebuild()
  }

  /** Builds the index from the database now (start-up, and after an import in this process). */
  rebuild(): Promise<CatalogIndex> {
    this.building ??= this.build().finally(() => {
      this.building = null
    })
    return this.building
  }

  countView(code: string): void {
    this.index?.countView(code)
  }

  private async build(): Promise<CatalogIndex> {
    const revision = await repo.catalogRevision(this.db)
    const rows = await repo.searchRows(this.db)
    const index: CatalogIndex = new SearchIndex(rows.map(searchDocOf), bundledLexicon())
    this.index = index
    this.revision = revision
    this.checkedAt = this.now()
    this.viewsAt = this.now()
    return index
  }

  /** Views only break ties: re-read them in the background, never making a search wait. */
  private refreshViewsLater(now: number): void {
    if (now - this.viewsAt < this.viewsRefreshMs) return
    this.viewsAt = now
    const index = this.index
    repo
      .viewCounts(this.db)
      .then((views) => index?.setViews(views))
      .catch(() => {
        // The database is down: keep the counts we have; the next refresh tries again.
      })
  }
}
