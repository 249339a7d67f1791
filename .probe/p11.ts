import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'
import { createTestApp } from '../tests/api/support/testApp'
async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'))
  fs.mkdirSync(path.join(dir, 'js'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>')
  const t = await createTestApp('sqlite', { h5Dir: dir })
  for (const u of ['/js/..%2f..%2fpackage.json', '/js/%2e%2e%2f%2e%2e%2fetc/passwd', '/.hidden', '/js/%00']) {
  const r = await t.app.inject(u); console.log(u, r.statusCode, r.headers['x-content-type-options'], r.body) }
  await t.close()
}
main()
