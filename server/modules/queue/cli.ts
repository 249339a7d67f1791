// `npm run queue -- key <hallId>`: a new API key for a hall's queue machine (POST /api/v1/integrations/queue-events,
// header X-Api-Key), printed once; only its hash is stored. `npm run queue -- revoke <hallId>` revokes every key
// of the hall. Uses the same database settings as the server (DATABASE_URL or BANSHI_DATA_DIR).
import { loadConfig } from '../../config'
import { migrateToLatest, openDatabase } from '../../db/connect'
import { systemClock } from '../../clock'
import { AppError } from '../../errors'
import { createIntegrationKey, revokeIntegrationKeys } from './integration'

const USAGE = 'usage: npm run queue -- key <hallId>   |   npm run queue -- revoke <hallId>'

async function run(): Promise<number> {
  const [command, hallId] = process.argv.slice(2)
  if (!hallId || (command !== 'key' && command !== 'revoke')) {
    console.error(USAGE)
    return 2
  }
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrateToLatest(database.db)
    if (command === 'revoke') {
      const count = await revokeIntegrationKeys(database.db, hallId, systemClock.now())
      console.log(`Revoked ${count} key(s) of hall ${hallId}`)
      return 0
    }
    const key = await createIntegrationKey(database.db, hallId, systemClock.now())
    console.log(`Queue machine API key for hall ${hallId} (shown once; send it as X-Api-Key):\n${key}`)
    return 0
  } catch (error) {
    if (error instanceof AppError && error.code === 'HALL_NOT_FOUND') {
      console.error(`No hall with id "${hallId}" in ${database.dialect} (${database.location}); hall ids are in server/seed/data/halls.json`)
      return 2
    }
    throw error
  } finally {
    await database.close()
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
