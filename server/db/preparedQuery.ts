import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely'
import type { Database } from './schema'

const MARK = '\u0000param:'

/**
 * A query built and compiled once per SQL dialect, then run with new values: for the few queries on a hot path,
 * where building and compiling with Kysely costs more than running them. The builder gets `param(name)`, a
 * placeholder for each value; `execute` puts the named values in their places.
 */
export class PreparedQuery<Values extends Record<string, unknown>, Row> {
  private readonly compiled = new Map<unknown, CompiledQuery<Row>>()

  constructor(private readonly build: (db: Kysely<Database>, param: (name: keyof Values & string) => never) => Compilable<Row>) {}

  execute(db: Kysely<Database>, values: Values): Promise<QueryResult<Row>> {
    // The SQL depends only on the dialect (its adapter class); a transaction shares its database's adapter class.
    const dialect = db.getExecutor().adapter.constructor
    let query = this.compiled.get(dialect)
    if (!query) {
      query = this.build(db, (name) => `${MARK}${name}` as never).compile()
      this.compiled.set(dialect, query)
    }
    const parameters = query.parameters.map((value) => {
      if (typeof value !== 'string' || !value.startsWith(MARK)) return value
      const name = value.slice(MARK.length)
      if (!(name in values)) throw new Error(`prepared query: no value for ${name}`)
      return values[name]
    })
    return db.executeQuery({ ...query, parameters })
  }

  async rows(db: Kysely<Database>, values: Values): Promise<Row[]> {
    return (await this.execute(db, values)).rows
  }

  async affected(db: Kysely<Database>, values: Values): Promise<number> {
    return Number((await this.execute(db, values)).numAffectedRows ?? 0)
  }
}
