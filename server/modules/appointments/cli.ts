// `npm run appointments -- template <hall> <category|item> --length 30 --places 4 --walkin 1`
// `npm run appointments -- close <hall> <YYYY-MM-DD>`   closes the day: cancels its appointments, tells each person
// `npm run appointments -- generate`                     cuts slots for the next 14 days (the server's job does too)
import { loadConfig } from '../../config'
import { clockFor } from '../../clock'
import { migrateToLatest, openDatabase } from '../../db/connect'
import { ensureCatalog } from '../../seed/ensureCatalog'
import { closeDay, generateSlots, ScheduleError, setTemplate } from './schedule'

const USAGE = [
  'usage:',
  '  npm run appointments -- template <hall> <category|item> --length <minutes> --places <n> [--walkin <n>]',
  '  npm run appointments -- close <hall> <YYYY-MM-DD>',
  '  npm run appointments -- generate',
].join('\n')

function flag(args: string[], name: string): number | undefined {
  const index = args.indexOf(`--${name}`)
  if (index < 0) return undefined
  const value = Number(args[index + 1])
  if (!Number.isFinite(value)) throw new ScheduleError(`--${name} needs a number`)
  return value
}

async function run(args: string[]): Promise<void> {
  const [command, ...rest] = args
  if (!['template', 'close', 'generate'].includes(command ?? '')) throw new ScheduleError(USAGE)
  const config = loadConfig()
  const now = clockFor(config).now()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrateToLatest(database.db)
    // Run before the server ever started, the database has no halls yet: the same bundled catalog it would seed.
    await ensureCatalog(database.db)
    if (command === 'template') {
      const [hallId, target] = rest
      const length = flag(rest, 'length')
      const places = flag(rest, 'places')
      if (!hallId || !target || hallId.startsWith('--') || target.startsWith('--') || length === undefined || places === undefined) {
        throw new ScheduleError(USAGE)
      }
      const result = await setTemplate(database.db, { hallId, target, slotMinutes: length, places, walkInPlaces: flag(rest, 'walkin') ?? 0 }, now)
      console.log(`Template ${hallId} ${result.scope}: ${length} min, ${places} places (${flag(rest, 'walkin') ?? 0} for walk-ins); ${result.slots} slots added`)
    } else if (command === 'close') {
      const [hallId, day] = rest
      if (!hallId || !day) throw new ScheduleError(USAGE)
      const { cancelled } = await closeDay(database.db, hallId, day, now)
      console.log(`Closed ${hallId} on ${day}: ${cancelled} appointments cancelled, each person notified`)
    } else {
      console.log(`${await generateSlots(database.db, now)} slots added`)
    }
  } finally {
    await database.close()
  }
}

run(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof ScheduleError ? error.message : error)
  process.exit(error instanceof ScheduleError ? 2 : 1)
})
