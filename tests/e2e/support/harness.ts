import fs from 'node:fs'
import path from 'node:path'
import { build, type Plugin } from 'esbuild'

const src = path.resolve(__dirname, '../../../src')

/** `@/x` → src/x, preferring the H5 variant of a platform module as the H5 build does. */
const srcAlias: Plugin = {
  name: 'src-alias',
  setup(builder) {
    builder.onResolve({ filter: /^@\// }, (args) => {
      const base = path.join(src, args.path.slice(2))
      const candidates = [`${base}.h5.ts`, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]
      const found = candidates.find((file) => fs.existsSync(file))
      return found ? { path: found } : { errors: [{ text: `cannot resolve ${args.path}` }] }
    })
  },
}

/** One browser script from a harness entry under tests/e2e/support, with the app's own modules bundled in. */
export async function bundleHarness(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [srcAlias],
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}
