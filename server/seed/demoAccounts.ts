import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { StaffRole } from '../../src/domain/roles'
import { hashPassword } from '../security/passwords'
import { findUserByUsername, insertStaffUser } from '../modules/auth/repo'

export const DEMO_PASSWORD = 'banshi-demo'

export interface DemoAccount {
  username: string
  role: StaffRole
  name: string
  gridId: string | null
  hallId: string | null
  what: string
}

// Two grid workers in different communities, so "only my own grid" can be seen working.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', role: 'admin', name: '系统管理员', gridId: null, hallId: null, what: 'administrator' },
  { username: 'window1', role: 'window_staff', name: '窗口一号', gridId: null, hallId: 'lh-district', what: 'window staff, 龙华区行政服务大厅' },
  { username: 'grid1', role: 'grid_worker', name: '网格员甲', gridId: 'lh-minzhi-baishilong-g1', hallId: null, what: 'grid worker, 白石龙社区第一网格' },
  { username: 'grid2', role: 'grid_worker', name: '网格员乙', gridId: 'lh-longhua-qinghu-g1', hallId: null, what: 'grid worker, 清湖社区第一网格' },
]

/** Demo mode only: the staff accounts the start-up banner lists, created once. */
export async function ensureDemoAccounts(db: Kysely<Database>, now: Date): Promise<DemoAccount[]> {
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(db, account.username)) continue
    await insertStaffUser(
      db,
      {
        role: account.role,
        username: account.username,
        name: account.name,
        password_hash: await hashPassword(DEMO_PASSWORD),
        grid_id: account.gridId,
        hall_id: account.hallId,
      },
      now,
    )
  }
  return DEMO_ACCOUNTS
}
