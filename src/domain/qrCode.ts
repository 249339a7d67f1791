// A small QR Code encoder (ISO/IEC 18004) for the appointment code shown at the hall: byte mode, error
// correction level M, versions 1–6 (up to 106 bytes, far more than a short code needs). Pure arithmetic, so the
// mini-program and the browser draw the same matrix and no library ships to phones.

export interface QrMatrix {
  version: number
  /** Modules per side (17 + 4 × version). */
  size: number
  /** The mask pattern used, 0–7. */
  mask: number
  /** dark[row][column]: true for a dark module. The quiet zone (4 light modules around) is not included. */
  dark: boolean[][]
}

export class QrTooLongError extends Error {
  constructor(bytes: number) {
    super(`QR text too long: ${bytes} bytes, at most ${maxBytes(MAX_VERSION)} fit`)
    this.name = 'QrTooLongError'
  }
}

const MAX_VERSION = 6
/** Level M per version: [error correction codewords per block, data codewords per block, number of blocks]. */
const BLOCKS_M: Record<number, [number, number, number]> = {
  1: [10, 16, 1],
  2: [16, 28, 1],
  3: [26, 44, 1],
  4: [18, 32, 2],
  5: [24, 43, 2],
  6: [16, 27, 4],
}
const LEVEL_M_BITS = 0b00
const MODE_BYTE = 0b0100

const dataCodewords = (version: number) => BLOCKS_M[version][1] * BLOCKS_M[version][2]
/** Mode (4 bits) and an 8-bit length come first in versions 1–9. */
const maxBytes = (version: number) => Math.floor((dataCodewords(version) * 8 - 12) / 8)

/** UTF-8 by hand: the mini-program has no TextEncoder on every base library version. */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = []
  for (const char of Array.from(text)) {
    const code = char.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f))
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f))
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f))
  }
  return bytes
}

// Arithmetic in GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Array<number>(512)
const LOG = new Array<number>(256)
;(() => {
  let value = 1
  for (let i = 0; i < 255; i += 1) {
    EXP[i] = value
    LOG[value] = i
    value <<= 1
    if (value & 0x100) value ^= 0x11d
  }
  for (let i = 255; i < 512; i += 1) EXP[i] = EXP[i - 255]
})()

const gfMultiply = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]])

/** Coefficients of (x − α^0)(x − α^1)…(x − α^(degree−1)), highest power first. */
function generatorPolynomial(degree: number): number[] {
  let poly = [1]
  for (let i = 0; i < degree; i += 1) {
    const next = new Array<number>(poly.length + 1).fill(0)
    for (let j = 0; j < poly.length; j += 1) {
      next[j] ^= poly[j]
      next[j + 1] ^= gfMultiply(poly[j], EXP[i])
    }
    poly = next
  }
  return poly
}

/** Reed–Solomon error correction codewords for one block. */
export function errorCorrection(data: number[], degree: number): number[] {
  const generator = generatorPolynomial(degree)
  const remainder = new Array<number>(degree).fill(0)
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!
    remainder.push(0)
    for (let i = 0; i < degree; i += 1) remainder[i] ^= gfMultiply(generator[i + 1], factor)
  }
  return remainder
}

function chooseVersion(byteCount: number): number {
  for (let version = 1; version <= MAX_VERSION; version += 1) if (byteCount <= maxBytes(version)) return version
  throw new QrTooLongError(byteCount)
}

/** Mode, length, the bytes, terminator and padding: exactly the version's data codewords. */
function dataCodewordsFor(bytes: number[], version: number): number[] {
  const bits: number[] = []
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i -= 1) bits.push((value >>> i) & 1)
  }
  push(MODE_BYTE, 4)
  push(bytes.length, 8)
  bytes.forEach((byte) => push(byte, 8))
  const capacity = dataCodewords(version) * 8
  push(0, Math.min(4, capacity - bits.length))
  push(0, (8 - (bits.length % 8)) % 8)
  const codewords: number[] = []
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0))
  for (let pad = 0xec; codewords.length < dataCodewords(version); pad ^= 0xec ^ 0x11) codewords.push(pad)
  return codewords
}

/** Data and error correction codewords of every block, interleaved as they are placed. */
function finalCodewords(data: number[], version: number): number[] {
  const [ecPerBlock, dataPerBlock, blockCount] = BLOCKS_M[version]
  const blocks = Array.from({ length: blockCount }, (_, i) => data.slice(i * dataPerBlock, (i + 1) * dataPerBlock))
  const ecBlocks = blocks.map((block) => errorCorrection(block, ecPerBlock))
  const out: number[] = []
  for (let i = 0; i < dataPerBlock; i += 1) blocks.forEach((block) => out.push(block[i]))
  for (let i = 0; i < ecPerBlock; i += 1) ecBlocks.forEach((block) => out.push(block[i]))
  return out
}

interface Grid {
  size: number
  dark: boolean[][]
  reserved: boolean[][]
}

function newGrid(size: number): Grid {
  const rows = () => Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  return { size, dark: rows(), reserved: rows() }
}

function setFunction(grid: Grid, row: number, column: number, dark: boolean) {
  grid.dark[row][column] = dark
  grid.reserved[row][column] = true
}

function drawFinder(grid: Grid, top: number, left: number) {
  for (let dy = -1; dy <= 7; dy += 1) {
    for (let dx = -1; dx <= 7; dx += 1) {
      const row = top + dy
      const column = left + dx
      if (row < 0 || column < 0 || row >= grid.size || column >= grid.size) continue
      const ring = Math.max(Math.abs(dy - 3), Math.abs(dx - 3))
      // Rings from the centre: 3×3 dark core, light ring, dark ring, then the light separator.
      setFunction(grid, row, column, ring !== 2 && ring !== 4)
    }
  }
}

function drawFunctionPatterns(grid: Grid, version: number) {
  const { size } = grid
  drawFinder(grid, 0, 0)
  drawFinder(grid, 0, size - 7)
  drawFinder(grid, size - 7, 0)
  for (let i = 8; i < size - 8; i += 1) {
    setFunction(grid, 6, i, i % 2 === 0)
    setFunction(grid, i, 6, i % 2 === 0)
  }
  // Versions 2–6 have a single alignment pattern, near the bottom-right corner.
  if (version >= 2) {
    const centre = size - 7
    for (let dy = -2; dy <= 2; dy += 1) {
      for (let dx = -2; dx <= 2; dx += 1) setFunction(grid, centre + dy, centre + dx, Math.max(Math.abs(dy), Math.abs(dx)) !== 1)
    }
  }
  // Format information areas, written once the mask is chosen; and the dark module beside the lower finder.
  drawFormatBits(grid, 0)
  setFunction(grid, size - 8, 8, true)
}

/** 15 bits: error correction level and mask, BCH(15,5) protected, XOR 101010000010010. */
export function formatBits(mask: number): number {
  const data = (LEVEL_M_BITS << 3) | mask
  let remainder = data
  for (let i = 0; i < 10; i += 1) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537)
  return ((data << 10) | remainder) ^ 0x5412
}

function drawFormatBits(grid: Grid, mask: number) {
  const bits = formatBits(mask)
  const bit = (i: number) => ((bits >>> i) & 1) === 1
  const { size } = grid
  // Around the top-left finder…
  for (let i = 0; i <= 5; i += 1) setFunction(grid, i, 8, bit(i))
  setFunction(grid, 7, 8, bit(6))
  setFunction(grid, 8, 8, bit(7))
  setFunction(grid, 8, 7, bit(8))
  for (let i = 9; i < 15; i += 1) setFunction(grid, 8, 14 - i, bit(i))
  // …and again split between the other two finders.
  for (let i = 0; i < 8; i += 1) setFunction(grid, 8, size - 1 - i, bit(i))
  for (let i = 8; i < 15; i += 1) setFunction(grid, size - 15 + i, 8, bit(i))
}

/** Two-column zigzag from the bottom right, skipping the vertical timing column. */
function placeData(grid: Grid, codewords: number[]) {
  const { size } = grid
  const totalBits = codewords.length * 8
  let index = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let step = 0; step < size; step += 1) {
      const row = upward ? size - 1 - step : step
      for (let j = 0; j < 2; j += 1) {
        const column = right - j
        if (grid.reserved[row][column] || index >= totalBits) continue
        grid.dark[row][column] = ((codewords[index >>> 3] >>> (7 - (index & 7))) & 1) === 1
        index += 1
      }
    }
  }
}

const MASKS: Array<(row: number, column: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
]

function applyMask(grid: Grid, mask: number): boolean[][] {
  return grid.dark.map((row, r) => row.map((dark, c) => (grid.reserved[r][c] ? dark : dark !== MASKS[mask](r, c))))
}

const FINDER_LIKE = [true, false, true, true, true, false, true]

/** The standard's four penalty rules; the mask with the lowest score is used. */
export function penalty(dark: boolean[][]): number {
  const size = dark.length
  let score = 0
  const lines: boolean[][] = [...dark, ...dark[0].map((_, c) => dark.map((row) => row[c]))]
  for (const line of lines) {
    // N1: five or more of one colour in a row.
    let run = 1
    for (let i = 1; i <= size; i += 1) {
      if (i < size && line[i] === line[i - 1]) run += 1
      else {
        if (run >= 5) score += run - 2
        run = 1
      }
    }
    // N3: a finder-like 1:1:3:1:1 with four light modules on one side (outside the symbol counts as light).
    const at = (i: number) => (i >= 0 && i < size ? line[i] : false)
    for (let i = -4; i < size + 4 - 6; i += 1) {
      if (!FINDER_LIKE.every((value, k) => at(i + k) === value)) continue
      const lightBefore = [1, 2, 3, 4].every((k) => !at(i - k))
      const lightAfter = [7, 8, 9, 10].every((k) => !at(i + k))
      if (lightBefore || lightAfter) score += 40
    }
  }
  // N2: 2×2 blocks of one colour.
  for (let r = 0; r < size - 1; r += 1) {
    for (let c = 0; c < size - 1; c += 1) {
      const colour = dark[r][c]
      if (dark[r][c + 1] === colour && dark[r + 1][c] === colour && dark[r + 1][c + 1] === colour) score += 3
    }
  }
  // N4: how far the share of dark modules is from half, in steps of 5 %.
  const darkCount = dark.reduce((sum, row) => sum + row.filter(Boolean).length, 0)
  score += 10 * Math.floor(Math.abs((darkCount * 100) / (size * size) - 50) / 5)
  return score
}

/** The QR code of `text`. `mask` forces a mask pattern (tests compare with known symbols); otherwise the best. */
export function encodeQr(text: string, options: { mask?: number } = {}): QrMatrix {
  const bytes = utf8Bytes(text)
  const version = chooseVersion(bytes.length)
  const size = 17 + 4 * version
  const grid = newGrid(size)
  drawFunctionPatterns(grid, version)
  // Versions 2–6 end with 7 remainder bits; placeData leaves them light, as the standard wants.
  placeData(grid, finalCodewords(dataCodewordsFor(bytes, version), version))

  const candidates = options.mask !== undefined ? [options.mask] : [0, 1, 2, 3, 4, 5, 6, 7]
  let best: { mask: number; dark: boolean[][]; score: number } | null = null
  for (const mask of candidates) {
    drawFormatBits(grid, mask)
    const dark = applyMask(grid, mask)
    const score = candidates.length === 1 ? 0 : penalty(dark)
    if (!best || score < best.score) best = { mask, dark, score }
  }
  return { version, size, mask: best!.mask, dark: best!.dark }
}

/** An SVG path drawing every dark module as a 1×1 square, offset by the quiet zone. */
export function qrSvgPath(matrix: QrMatrix, quietZone = 4): string {
  const parts: string[] = []
  matrix.dark.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) parts.push(`M${c + quietZone} ${r + quietZone}h1v1h-1z`)
    }),
  )
  return parts.join('')
}
