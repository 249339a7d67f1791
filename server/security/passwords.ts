import crypto from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

// scrypt is memory-hard: N=2^15, r=8 needs 32 MiB per guess, which is what makes GPU guessing expensive.
// It runs on libuv's thread pool, so a login does not block other requests.
const COST_LOG2 = 15
const BLOCK_SIZE = 8
const PARALLEL = 1
const KEY_BYTES = 32
const MAX_MEMORY = 64 * 1024 * 1024

export const MIN_PASSWORD_LENGTH = 10

function params(costLog2: number, r: number, p: number): crypto.ScryptOptions {
  return { N: 2 ** costLog2, r, p, maxmem: MAX_MEMORY }
}

/** `scrypt$15$8$1$<salt>$<hash>`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  const hash = await scrypt(password.normalize('NFKC'), salt, KEY_BYTES, params(COST_LOG2, BLOCK_SIZE, PARALLEL))
  return ['scrypt', COST_LOG2, BLOCK_SIZE, PARALLEL, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, costLog2, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(salt, 'base64url'),
    expected.length,
    params(Number(costLog2), Number(r), Number(p)),
  )
  return crypto.timingSafeEqual(actual, expected)
}

let decoy: Promise<string> | null = null

/**
 * A real hash to check against when the username does not exist, so "no such user" takes as long as "wrong
 * password" and usernames cannot be discovered by timing.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'))
  return decoy
}
