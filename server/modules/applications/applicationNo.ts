import { randomInt } from 'node:crypto'
import { composeApplicationNo, NO_ALPHABET, NO_RANDOM_LENGTH } from '../../../src/domain/applicationNo'

/** A fresh number for an application submitted on `date`: 50 random bits from the system's CSPRNG. */
export function newApplicationNo(date: string): string {
  let random = ''
  for (let i = 0; i < NO_RANDOM_LENGTH; i += 1) random += NO_ALPHABET[randomInt(NO_ALPHABET.length)]
  return composeApplicationNo(date, random)
}
