// VAPID keys identify this server to the browsers' push services. A subscription is bound to the public key it was
// made with, so the keys must stay the same across restarts: production passes them in, and demo or development
// setups get a pair generated once into the data directory.
import fs from 'node:fs'
import path from 'node:path'
import webpush from 'web-push'
import { ConfigError } from '../../config'

export interface VapidKeys {
  /** base64url of the uncompressed P-256 point, as PushManager.subscribe wants it. */
  publicKey: string
  privateKey: string
  /** mailto: or https: contact the push services may use to reach the operator. */
  subject: string
}

export const VAPID_FILE = 'vapid.json'
const DEMO_SUBJECT = 'mailto:demo@banshi.invalid'

export interface VapidSource {
  publicKey: string | null
  privateKey: string | null
  subject: string | null
  dataDir: string
  /** Demo and development setups may generate a pair into dataDir. */
  allowGenerated: boolean
}

function checked(keys: VapidKeys, where: string): VapidKeys {
  try {
    webpush.generateRequestDetails({ endpoint: 'https://push.invalid/x', keys: { p256dh: '', auth: '' } }, null, { vapidDetails: keys })
  } catch (error) {
    throw new ConfigError(`${where}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return keys
}

/** The keys and where they came from; null when Web Push is not configured (the channel is off). */
export function loadVapidKeys(source: VapidSource): { keys: VapidKeys; origin: string } | null {
  if (source.publicKey || source.privateKey) {
    if (!source.publicKey || !source.privateKey) throw new ConfigError('BANSHI_VAPID_PUBLIC_KEY and BANSHI_VAPID_PRIVATE_KEY must be set together')
    if (!source.subject) throw new ConfigError('BANSHI_VAPID_SUBJECT must be set with the VAPID keys (mailto:ops@example.org or an https: URL)')
    const keys = { publicKey: source.publicKey, privateKey: source.privateKey, subject: source.subject }
    return { keys: checked(keys, 'BANSHI_VAPID_* keys'), origin: 'BANSHI_VAPID_PUBLIC_KEY' }
  }
  if (!source.allowGenerated) return null
  const file = path.join(source.dataDir, VAPID_FILE)
  const subject = source.subject ?? DEMO_SUBJECT
  if (fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string }
    return { keys: checked({ publicKey: stored.publicKey, privateKey: stored.privateKey, subject }, file), origin: file }
  }
  fs.mkdirSync(source.dataDir, { recursive: true })
  const generated = webpush.generateVAPIDKeys()
  // 'wx': two servers starting on one data directory must not overwrite each other's pair.
  fs.writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  return { keys: { ...generated, subject }, origin: `${file} (generated)` }
}
