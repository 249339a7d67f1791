// Application numbers (办件编号): the submission date, ten random base-32 characters (50 bits, so a number cannot be
// guessed from its neighbours) and one check character that catches a mistyped or swapped character.
// e.g. 20261125-K7QM3XW9PA-4 is written 20261125K7QM3XW9PA4.

/** Crockford's base 32: no I, L, O, U, so what is read aloud or copied by hand is not ambiguous. */
export const NO_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const NO_RANDOM_LENGTH = 10
const NO_PATTERN = new RegExp(`^\\d{8}[${NO_ALPHABET}]{${NO_RANDOM_LENGTH + 1}}$`)

function valueOf(char: string): number {
  return /\d/.test(char) ? Number(char) : NO_ALPHABET.indexOf(char)
}

/**
 * Weighted sum mod 31, as a base-32 character. 31 is prime and the weights stay below it, so any one mistyped
 * character or two swapped neighbours change it (the only blind spot: 0 typed for Z or back, 31 apart).
 */
export function checkCharacter(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i += 1) sum += (i + 1) * valueOf(body[i])
  return NO_ALPHABET[sum % 31]
}

/** Builds a number from a date (YYYY-MM-DD) and random base-32 characters. */
export function composeApplicationNo(date: string, random: string): string {
  const body = `${date.replace(/-/g, '')}${random}`
  return `${body}${checkCharacter(body)}`
}

/** What a person typed → the canonical form: spaces and dashes dropped, upper case, O→0, I/L→1. */
export function normalizeApplicationNo(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1')
}

export function isValidApplicationNo(no: string): boolean {
  if (!NO_PATTERN.test(no)) return false
  return checkCharacter(no.slice(0, -1)) === no.slice(-1)
}

/** 20261125K7QM3XW9PA4 → 20261125 K7QM 3XW9 PA4, easier to read aloud at a window. */
export function formatApplicationNo(no: string): string {
  return `${no.slice(0, 8)} ${no.slice(8, 12)} ${no.slice(12, 16)} ${no.slice(16)}`
}
