// After an H5 build: write .br and .gz next to every text asset, so the server sends compressed files without
// compressing on each request (@fastify/static preCompressed). Usage: node scripts/precompress.mjs dist/h5
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dir = path.resolve(process.argv[2] ?? 'dist/h5')
const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest|txt)$/
const MIN_BYTES = 1024

function walk(current) {
  return fs.readdirSync(current, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(current, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}

if (!fs.existsSync(dir)) {
  console.error(`precompress: ${dir} does not exist`)
  process.exit(1)
}

let count = 0
for (const file of walk(dir)) {
  if (!COMPRESSIBLE.test(file) || file.endsWith('.LICENSE.txt')) continue
  const source = fs.readFileSync(file)
  if (source.length < MIN_BYTES) continue
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(source, { level: 9 }))
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(source, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length },
    }),
  )
  count += 1
}
console.log(`precompress: ${count} files in ${path.relative(process.cwd(), dir) || dir}`)
