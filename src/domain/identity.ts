// Personal identifiers as the state defines them, checked the same way by client forms and server schemas:
// resident ID numbers (GB 11643-1999, 公民身份号码) and mainland mobile numbers. Also the masked forms that
// responses carry when the reader is neither the owner nor authorized staff.

/** Two-digit province codes (GB/T 2260), plus 81/82/83 on residence permits for Hong Kong, Macao and Taiwan residents. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
])

// ISO 7064 MOD 11-2: the weight of position i is 2^(17-i) mod 11.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARACTERS = '10X98765432'

export type IdNumberProblem = 'length' | 'format' | 'region' | 'birthDate' | 'checksum'

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problem: IdNumberProblem }

export const ID_NUMBER_PATTERN = '^[0-9]{17}[0-9Xx]$'
export const MOBILE_PATTERN = '^1[3-9][0-9]{9}$'

/** What a person typed, without the spaces and hyphens people add to make a number readable. */
function compact(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '')
}

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * CHECK_WEIGHTS[i]
  return CHECK_CHARACTERS[sum % 11]
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * Checks an 18-character resident ID number: shape, province, a real birth date not after `today`
 * (YYYY-MM-DD, the caller's calendar day in China) and the check character. Lower-case x is accepted.
 */
export function checkIdNumber(input: string, today: string): IdNumberCheck {
  const idNumber = compact(input).toUpperCase()
  if (idNumber.length !== 18) return { ok: false, problem: 'length' }
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' }
  if (!PROVINCE_CODES.has(idNumber.slice(0, 2))) return { ok: false, problem: 'region' }
  const year = Number(idNumber.slice(6, 10))
  const month = Number(idNumber.slice(10, 12))
  const day = Number(idNumber.slice(12, 14))
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  if (year < 1880 || !isRealDate(year, month, day) || birthDate > today) return { ok: false, problem: 'birthDate' }
  if (idNumberCheckCharacter(idNumber) !== idNumber[17]) return { ok: false, problem: 'checksum' }
  // The 17th digit is the sequence code: odd for men, even for women.
  const sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, idNumber, birthDate, sex }
}

/**
 * The `issue` of a field error (developer-facing detail, in English like every other field issue); the error's
 * message is the citizen's, in their language, and the app words the problem itself with its `id.*` sentences.
 */
export const idNumberIssue: Record<IdNumberProblem, string> = {
  length: 'must be 18 characters',
  format: 'digits only, the last may be X',
  region: 'unknown region code',
  birthDate: 'the birth date in it is not a real past date',
  checksum: 'check digit does not match',
}

/** The same problems in Chinese, for the register import's report to operators. */
export const idNumberProblemText: Record<IdNumberProblem, string> = {
  length: '身份证号码应为18位',
  format: '身份证号码只能包含数字,最后一位可以是X',
  region: '身份证号码的地区码不正确',
  birthDate: '身份证号码中的出生日期不正确',
  checksum: '身份证号码校验位不正确,请逐位核对',
}

/** A mainland mobile number in its 11-digit form, or null. Accepts spaces, hyphens and a +86 prefix. */
export function normalizeMobile(input: string): string | null {
  const digits = compact(input).replace(/^(\+?86)(?=1\d{10}$)/, '')
  return new RegExp(MOBILE_PATTERN).test(digits) ? digits : null
}

/** `4403**********1234`: region prefix and last four, enough for a person to recognise their own number. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length)
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
}

/** The district and street stay readable (which hall is near); the house number does not. */
export function maskAddress(address: string): string {
  const chars = Array.from(address)
  return `${chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('')}****`
}
