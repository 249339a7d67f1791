import fs from 'node:fs'
import path from 'node:path'
import { encodeQr, errorCorrection, formatBits, QrTooLongError, qrSvgPath, utf8Bytes } from '@/domain/qrCode'

const fixtures = path.resolve(__dirname, '../../fixtures/qr')
const reference = (name: string) => ({
  text: fs.readFileSync(path.join(fixtures, `${name}.input`), 'utf8'),
  rows: fs.readFileSync(path.join(fixtures, `${name}.txt`), 'utf8').trim().split('\n'),
})
const rowsOf = (dark: boolean[][]) => dark.map((row) => row.map((d) => (d ? '1' : '0')).join(''))

describe('QR encoder (byte mode, level M)', () => {
  it.each([
    ['v1', 1],
    ['v1-utf8', 1],
    ['v2', 2],
    ['v4', 4],
    ['v5', 5],
    ['v6', 6],
  ])('draws the same symbol as libqrencode for %s, mask choice included', (name, version) => {
    const { text, rows } = reference(name)
    const matrix = encodeQr(text)
    expect(matrix.version).toBe(version)
    expect(matrix.size).toBe(17 + 4 * version)
    expect(rowsOf(matrix.dark)).toEqual(rows)
  })

  it('computes Reed–Solomon codewords of the standard’s worked example (1-M "01234567")', () => {
    // ISO/IEC 18004 Annex I: the 16 data codewords of "01234567" in numeric mode and their 10 EC codewords.
    const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11]
    expect(errorCorrection(data, 10)).toEqual([0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55])
  })

  it('writes the format information of level M', () => {
    // Level M with mask 0 is 101010000010010 in the standard's table; mask 5 is 100000011001110.
    expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010')
    expect(formatBits(5).toString(2).padStart(15, '0')).toBe('100000011001110')
  })

  it('encodes text as UTF-8 bytes', () => {
    expect(utf8Bytes('A约')).toEqual([0x41, 0xe7, 0xba, 0xa6])
    expect(utf8Bytes('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80])
  })

  it('uses the mask it is told to, and refuses text beyond version 6', () => {
    expect(encodeQr('BS-7K3M9Q', { mask: 3 }).mask).toBe(3)
    expect(() => encodeQr('x'.repeat(107))).toThrow(QrTooLongError)
  })

  it('draws one square per dark module in the SVG path, inside the quiet zone', () => {
    const matrix = encodeQr('hello')
    const darkCount = matrix.dark.flat().filter(Boolean).length
    const path = qrSvgPath(matrix)
    expect(path.match(/M/g)).toHaveLength(darkCount)
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true)
  })
})
