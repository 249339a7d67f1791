import { performance } from 'node:perf_hooks'
import { ephemeralAuthSettings } from '../../server/modules/auth/settings'
import { createTestApp } from '../api/support/testApp'
import { devSignIn, bearer } from '../api/support/signIn'
import { PERSON, POLICE_ITEM, policeTemplate, slotsOf } from '../api/support/appointments'

async function main() {
  const t = await createTestApp('sqlite', { auth: ephemeralAuthSettings({ devLogin: true }) })
  await policeTemplate(t.app)
  const people = []
  for (let i = 0; i < 3000; i += 1) people.push(await devSignIn(t.app, { phone: `1370${String(i).padStart(7, '0')}` }))
  const slot = (await slotsOf(t.app, '2026-11-27'))[0]
  await t.database.db.updateTable('slots').set({ capacity: 100000 }).where('id', '=', slot.id).execute()
  const start = performance.now()
  for (const p of people) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/appointments', headers: bearer(p), payload: { slotId: slot.id, itemCode: POLICE_ITEM, ...PERSON } })
    if (res.statusCode !== 201) throw new Error(res.body)
  }
  console.log('per booking ms', (performance.now() - start) / people.length)
  const s2 = performance.now()
  for (const p of people.slice(0, 1000)) await t.app.inject({ method: 'GET', url: '/api/v1/appointments', headers: bearer(p) })
  console.log('GET list ms', (performance.now() - s2) / 1000)
  await t.close()
}
main()
