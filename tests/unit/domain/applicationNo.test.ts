import { checkCharacter, composeApplicationNo, formatApplicationNo, isValidApplicationNo, NO_ALPHABET, normalizeApplicationNo } from '@/domain/applicationNo'

describe('application numbers', () => {
  const no = composeApplicationNo('2026-11-25', 'K7QM3XW9PA')

  it('is the date, ten random characters and a check character', () => {
    expect(no).toMatch(/^20261125K7QM3XW9PA[0-9A-Z]$/)
    expect(isValidApplicationNo(no)).toBe(true)
  })

  it('catches every single mistyped character and every swap of neighbours (except 0↔Z)', () => {
    for (let i = 0; i < no.length - 1; i += 1) {
      for (const char of NO_ALPHABET) {
        if (char === no[i] || (i < 8 && !/\d/.test(char))) continue
        if ((char === '0' && no[i] === 'Z') || (char === 'Z' && no[i] === '0')) continue
        const typo = `${no.slice(0, i)}${char}${no.slice(i + 1)}`
        expect(isValidApplicationNo(typo)).toBe(false)
      }
      const swapped = `${no.slice(0, i)}${no[i + 1]}${no[i]}${no.slice(i + 2)}`
      if (no[i] !== no[i + 1] && i + 1 < no.length - 1) expect(isValidApplicationNo(swapped)).toBe(false)
    }
  })

  it('refuses the wrong length and letters outside the alphabet', () => {
    expect(isValidApplicationNo(no.slice(0, -2))).toBe(false)
    expect(isValidApplicationNo(`${no}0`)).toBe(false)
    const body = '20261125K7QM3XW9PU'
    expect(isValidApplicationNo(`${body}${checkCharacter(body)}`)).toBe(false)
  })

  it('reads what people type: spaces, dashes, lower case, O for 0 and I or L for 1', () => {
    expect(normalizeApplicationNo(` ${formatApplicationNo(no).toLowerCase()} `)).toBe(no)
    expect(normalizeApplicationNo('2026-11-25 ko1')).toBe('20261125K01')
    expect(normalizeApplicationNo('oil')).toBe('011')
  })
})
