import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { kb, type Row } from './stats'

const root = path.resolve(__dirname, '../..')
const MB = 1024 * 1024

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length

/** Builds a target from scratch (no webpack cache) and returns the wall time. */
export function timedBuild(target: 'weapp' | 'h5'): number {
  const start = performance.now()
  const result = spawnSync('npm', ['run', `build:${target}`, '--silent'], {
    cwd: root,
    env: { ...process.env, TARO_CACHE: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`build:${target} failed\n${result.stdout}\n${result.stderr}`)
  return performance.now() - start
}

/** Subpackage roots from the built app.json; everything else counts towards the main package. */
function weappSubpackageRoots(dir: string): string[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  return (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
}

/** WeChat's own limit for the main package and for each subpackage. */
export const WEAPP_PACKAGE_LIMIT = 2 * MB

/** Bytes of the built mini-program's main package and of each subpackage (as WeChat counts them: no source maps). */
export function weappPackageSizes(dir = path.join(root, 'dist/weapp')): { main: number; subpackages: Record<string, number> } {
  const roots = weappSubpackageRoots(dir)
  const files = filesUnder(dir).filter((f) => !f.endsWith('.LICENSE.txt') && !f.endsWith('.map'))
  const inRoot = (file: string, r: string) => path.relative(dir, file).startsWith(`${r}/`)
  const bytesOf = (list: string[]) => list.reduce((sum, f) => sum + fs.statSync(f).size, 0)
  return {
    main: bytesOf(files.filter((f) => !roots.some((r) => inRoot(f, r)))),
    subpackages: Object.fromEntries(roots.map((r) => [r, bytesOf(files.filter((f) => inRoot(f, r)))])),
  }
}

export function weappRows(): Row[] {
  const sizes = weappPackageSizes()
  return [
    { figure: 'weapp main package', value: kb(sizes.main), budget: 'goal ≤ 1 MB, limit 2 MB', note: sizes.main > WEAPP_PACKAGE_LIMIT ? 'OVER WECHAT LIMIT' : '' },
    ...Object.entries(sizes.subpackages).map(([r, bytes]) => ({
      figure: `weapp subpackage ${r}`,
      value: kb(bytes),
      budget: 'goal ≤ 1 MB, limit 2 MB',
      note: bytes > WEAPP_PACKAGE_LIMIT ? 'OVER WECHAT LIMIT' : '',
    })),
  ]
}

export function h5TotalRows(): Row[] {
  const dir = path.join(root, 'dist/h5')
  const js = filesUnder(dir).filter((f) => f.endsWith('.js') && !f.includes('LICENSE'))
  const css = filesUnder(dir).filter((f) => f.endsWith('.css'))
  return [
    { figure: 'H5 JS gzip, all chunks', value: kb(js.reduce((s, f) => s + gzipSize(f), 0)), note: `${js.length} files` },
    { figure: 'H5 CSS gzip, all files', value: kb(css.reduce((s, f) => s + gzipSize(f), 0)) },
  ]
}

export { gzipSize, root, filesUnder }
