// `npm run user:add -- --role grid_worker --username grid3 --name 王五 --grid lh-minzhi-daling-g1`
// Creates a staff account (grid_worker, window_staff or admin). The password comes from BANSHI_NEW_PASSWORD or
// stdin (`--password-stdin`) so it never lands in shell history; without either, a strong one is generated and
// printed once.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { loadConfig } from '../config'
import { migrateToLatest, openDatabase } from '../db/connect'
import { STAFF_ROLES, type StaffRole } from '../../src/domain/roles'
import { systemClock } from '../clock'
import { addStaffUser, StaffUserError } from './staffUsers'

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

function generatedPassword(): string {
  return crypto.randomBytes(12).toString('base64url')
}

async function run(): Promise<void> {
  const role = argValue('role')
  const username = argValue('username')
  if (!role || !STAFF_ROLES.includes(role as StaffRole) || !username) {
    throw new StaffUserError(
      'usage: npm run user:add -- --role grid_worker|window_staff|admin --username NAME [--name 姓名] ' +
        '[--grid GRID_ID] [--hall HALL_ID] [--password-stdin]',
    )
  }
  let password = process.env.BANSHI_NEW_PASSWORD
  if (process.argv.includes('--password-stdin')) password = fs.readFileSync(0, 'utf8').split(/\r?\n/)[0]
  const generated = !password
  password ||= generatedPassword()

  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrateToLatest(database.db)
    const user = await addStaffUser(
      database.db,
      { role: role as StaffRole, username, name: argValue('name') ?? null, gridId: argValue('grid') ?? null, hallId: argValue('hall') ?? null, password },
      systemClock.now(),
    )
    console.log(`Created ${user.role} "${user.username}" (${user.id}) in ${database.dialect} (${database.location})`)
    if (generated) console.log(`Password (shown once, pass it on securely): ${password}`)
  } finally {
    await database.close()
  }
}

run().catch((error) => {
  console.error(error instanceof StaffUserError ? error.message : error)
  process.exit(error instanceof StaffUserError ? 2 : 1)
})
