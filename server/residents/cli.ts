// `npm run residents -- import path/to/register.csv [--dry-run]`
// Imports a grid register (CSV, UTF-8, header row; columns 姓名, 身份证号, 手机, 住址, 网格, 标签, 已享受事项, 纬度, 经度
// or their English names). Rows that fail validation are reported with their line number and reason and are not
// imported; valid rows are added, or updated when the ID number is already on the register.
import fs from 'node:fs'
import { loadConfig } from '../config'
import { migrateToLatest, openDatabase } from '../db/connect'
import { deriveKeys, loadDataKey } from '../security/keys'
import { PersonalDataCipher } from '../security/personalData'
import { systemClock } from '../clock'
import { shanghaiTime } from '../../src/domain/clockTime'
import { checkRegister, importResidents } from './register'

async function run(): Promise<number> {
  const [command, file] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
  if (command !== 'import' || !file) {
    console.error('usage: npm run residents -- import path/to/register.csv [--dry-run]')
    return 2
  }
  const csv = fs.readFileSync(file, 'utf8')
  const config = loadConfig()
  // The same key the server uses: a generated one only where the server would accept it (demo or dev sign-in).
  const dataKey = loadDataKey({ envKey: config.dataKey, dataDir: config.dataDir, allowGenerated: config.demo || config.devLogin })
  const keys = deriveKeys(dataKey.key)
  const cipher = new PersonalDataCipher(keys.encryption, keys.lookup)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrateToLatest(database.db)
    const [grids, items] = await Promise.all([
      database.db.selectFrom('grids').select('id').execute(),
      database.db.selectFrom('items').select('code').execute(),
    ])
    const now = systemClock.now()
    const { records, rejected } = checkRegister(csv, {
      gridIds: new Set(grids.map((grid) => grid.id)),
      itemCodes: new Set(items.map((item) => item.code)),
      today: shanghaiTime(now).date,
    })
    for (const row of rejected) console.log(`line ${row.line}: rejected: ${row.reason}`)
    if (process.argv.includes('--dry-run')) {
      console.log(`${records.length} rows valid, ${rejected.length} rejected (dry run: nothing imported)`)
    } else {
      const { added, updated } = await importResidents(database.db, cipher, records, now)
      console.log(`${added} residents added, ${updated} updated, ${rejected.length} rows rejected (${database.dialect}: ${database.location})`)
    }
    return rejected.length > 0 ? 1 : 0
  } finally {
    await database.close()
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
