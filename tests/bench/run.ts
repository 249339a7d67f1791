// `npm run bench`: the figures each issue budgets, printed as a table. Budgets are goals to read, not asserts:
// this machine is shared and noisy. `npm run bench -- --no-build` measures the existing dist/ instead of building.
import { firstLoadRows } from './firstLoad'
import { h5TotalRows, timedBuild, weappRows } from './appSize'
import { searchLatencyRows } from './searchLatency'
import { authLatencyRows } from './authLatency'
import { lighthouseRows } from './lighthouse'
import { applicationLatencyRows } from './applicationLatency'
import { appointmentBookingRows } from './appointmentBooking'
import { queueRows } from './queue'
import { notificationRows } from './notifications'
import { ms, printTable, type Row } from './stats'

async function main(): Promise<void> {
  const rebuild = !process.argv.includes('--no-build')
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
  const rows: Row[] = []

  if (!only || only === 'size') {
    if (rebuild) {
      rows.push({ figure: 'build time, weapp (cold, no cache)', value: ms(timedBuild('weapp')) })
      rows.push({ figure: 'build time, H5 (cold, no cache)', value: ms(timedBuild('h5')) })
    }
    rows.push(...weappRows(), ...h5TotalRows(), ...(await firstLoadRows()))
  }
  if (!only || only === 'lighthouse') {
    rows.push(...(await lighthouseRows()))
  }
  if (!only || only === 'search') {
    rows.push(...(await searchLatencyRows()))
  }
  if (!only || only === 'auth') {
    rows.push(...(await authLatencyRows()))
  }
  if (!only || only === 'applications') {
    rows.push(...(await applicationLatencyRows()))
  }
  if (!only || only === 'appointments') {
    rows.push(...(await appointmentBookingRows()))
  }
  if (!only || only === 'queue') {
    rows.push(...(await queueRows()))
  }
  if (!only || only === 'notifications') {
    rows.push(...(await notificationRows()))
  }
  printTable(`Banshi bench — ${new Date().toISOString()} — node ${process.version}`, rows)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
