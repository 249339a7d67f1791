import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Keys derived from the one master key (BANSHI_DATA_KEY), each used for one purpose only. */
export interface SecretKeys {
  /** AES-256-GCM for personal data at rest. */
  encryption: Buffer
  /** HMAC for exact lookups of encrypted values (phone, ID number) and for SMS codes. */
  lookup: Buffer
  /** HMAC-SHA256 signing of access tokens. */
  tokens: Buffer
}

export const DATA_KEY_FILE = 'banshi-data.key'

export class DataKeyError extends Error {}

/** Accepts 32 bytes as 64 hex characters or base64 (with or without padding, standard or url alphabet). */
export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim()
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (bytes.length !== 32) {
    throw new DataKeyError('BANSHI_DATA_KEY must be 32 random bytes, as 64 hex characters or base64 (openssl rand -base64 32)')
  }
  return bytes
}

export function deriveKeys(master: Buffer): SecretKeys {
  const derive = (purpose: string) => Buffer.from(crypto.hkdfSync('sha256', master, 'banshi/v1', purpose, 32))
  return { encryption: derive('personal-data-encryption'), lookup: derive('lookup-hash'), tokens: derive('access-tokens') }
}

/**
 * The master key: BANSHI_DATA_KEY when set. Without it, only demo and development setups may use a key file that
 * is generated into the data directory on first start; production refuses to start rather than invent a key that
 * would make its data unreadable after a redeploy.
 */
export function loadDataKey(options: { envKey: string | null; dataDir: string; allowGenerated: boolean }): { key: Buffer; source: string } {
  if (options.envKey) return { key: parseDataKey(options.envKey), source: 'BANSHI_DATA_KEY' }
  const file = path.join(options.dataDir, DATA_KEY_FILE)
  if (fs.existsSync(file)) {
    if (!options.allowGenerated) {
      throw new DataKeyError(`BANSHI_DATA_KEY is not set; ${file} is a demo key and is used only in demo mode`)
    }
    return { key: parseDataKey(fs.readFileSync(file, 'utf8')), source: file }
  }
  if (!options.allowGenerated) {
    throw new DataKeyError('BANSHI_DATA_KEY is not set: give the server 32 random bytes (openssl rand -base64 32)')
  }
  fs.mkdirSync(options.dataDir, { recursive: true })
  const key = crypto.randomBytes(32)
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  return { key, source: `${file} (generated)` }
}
