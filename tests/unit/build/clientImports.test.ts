// The contract's schemas are TypeBox code for the server and tests; phones need only its types. A value imported
// from it anywhere in the app pulls TypeBox into the first-load bundle (it did once: +34 KB gzip on the home page).
import fs from 'node:fs'
import path from 'node:path'

const src = path.resolve(__dirname, '../../../src')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return full.endsWith(path.join('domain', 'contract')) ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe('app code and the contract', () => {
  it('imports only types from src/domain/contract', () => {
    const offenders = sourceFiles(src).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8')
      // Each import statement up to its own `from '…'` (the code has no semicolons to end them).
      const statements = text.match(/^import\b[\s\S]*?\bfrom\s+'[^']+'/gm) ?? []
      return statements
        .filter((statement) => /from\s+'(?:@\/domain\/contract|(?:\.{1,2}\/)+contract)[^']*'$/.test(statement) && !/^import\s+type\b/.test(statement))
        .map((statement) => `${path.relative(src, file)}: ${statement.replace(/\s+/g, ' ')}`)
    })
    expect(offenders).toEqual([])
  })
})
