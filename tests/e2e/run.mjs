// `npm run test:e2e` (and the second half of `npm test`): end-to-end tests in a real Chromium against the built
// H5 app served by the real server. Skips with one line when Chromium is absent; rebuilds H5 when stale.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

if (!fs.existsSync(chromium)) {
  console.log(`e2e skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`)
  process.exit(0)
}

function newestMtime(target) {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))))
}

const built = path.join(root, 'dist/h5/index.html')
const sources = ['src', 'config', 'babel.config.js', 'package.json'].map((p) => path.join(root, p))
const stale = !fs.existsSync(built) || Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs
if (stale) {
  console.log('e2e: building the H5 app (dist/h5 is missing or older than the sources)')
  const build = spawnSync('npm', ['run', 'build:h5', '--silent'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr)
    process.exit(build.status ?? 1)
  }
}

const jest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/jest/bin/jest.js'), '--config', path.join(root, 'tests/e2e/jest.config.js'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
)
process.exit(jest.status ?? 1)
