import {
  checkIdNumber,
  maskAddress,
  maskIdNumber,
  maskPhone,
  normalizeMobile,
} from '../../../src/domain/identity'

const TODAY = '2026-11-25'

describe('resident ID numbers (GB 11643)', () => {
  // Check characters computed independently of the implementation (ISO 7064 MOD 11-2 by hand).
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['440308199003071235', '1990-03-07', 'male'],
    ['440305200002290045', '2000-02-29', 'female'],
    ['810000199501010015', '1995-01-01', 'male'],
  ])('accepts %s', (idNumber, birthDate, sex) => {
    expect(checkIdNumber(idNumber, TODAY)).toEqual({ ok: true, idNumber, birthDate, sex })
  })

  it('accepts a lower-case x and the spaces people type, and answers in canonical form', () => {
    expect(checkIdNumber('110105 19491231 002x', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' })
  })

  it.each([
    ['11010519491231002', 'length'],
    ['11010519491231002X1', 'length'],
    ['1101051949123100XX', 'format'],
    ['11010519491231002Y', 'format'],
    ['990105194912310021', 'region'], // no province 99
    ['000000199001010010', 'region'],
    ['440305199002290048', 'birthDate'], // 1990 was not a leap year
    ['440305199013010014', 'birthDate'], // month 13
    ['440305187001010017', 'birthDate'], // before 1880
    ['440305203001010011', 'birthDate'], // born in the future
    ['110105194912310021', 'checksum'], // one digit off the real check character
    ['440308199003071236', 'checksum'],
  ])('rejects %s (%s)', (idNumber, problem) => {
    expect(checkIdNumber(idNumber, TODAY)).toEqual({ ok: false, problem })
  })

  it('rejects a birth date after today but accepts one born today', () => {
    expect(checkIdNumber('510107201212314564', '2012-12-30')).toEqual({ ok: false, problem: 'birthDate' })
    expect(checkIdNumber('510107201212314564', '2012-12-31')).toMatchObject({ ok: true })
  })

  it('catches every single-digit change to a valid number', () => {
    const valid = '440308199003071235'
    for (let position = 0; position < 17; position += 1) {
      const digit = Number(valid[position])
      const forged = `${valid.slice(0, position)}${(digit + 1) % 10}${valid.slice(position + 1)}`
      expect(checkIdNumber(forged, TODAY).ok).toBe(false)
    }
  })
})

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'], // full-width digits from a Chinese keyboard
    ['19912345678', '19912345678'],
  ])('normalizes %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected)
  })

  it.each(['12800138000', '1380013800', '138001380001', '23800138000', '1380013800a', ''])('rejects %s', (input) => {
    expect(normalizeMobile(input)).toBeNull()
  })
})

describe('masked forms', () => {
  it('shows the region and last four of an ID number', () => {
    expect(maskIdNumber('440308199003071235')).toBe('4403**********1235')
  })
  it('shows the first three and last four of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('keeps only the start of an address', () => {
    expect(maskAddress('深圳市龙华区民治街道白石龙社区1栋101')).toBe('深圳市龙华区****')
    expect(maskAddress('101')).not.toContain('101')
  })
})
