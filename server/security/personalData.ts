import crypto from 'node:crypto'

/** Which personal field a value belongs to; bound into the ciphertext and the lookup hash. */
export type PersonalField = 'phone' | 'idNumber' | 'address'

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * Encrypts personal data at rest (AES-256-GCM) and computes keyed hashes for exact lookups, so a stolen database
 * yields neither the values nor a table that can be brute-forced without the key (phone numbers have only ~10^10
 * possibilities, so a plain hash would not protect them).
 */
export class PersonalDataCipher {
  constructor(private readonly encryptionKey: Buffer, private readonly lookupKey: Buffer) {}

  seal(field: PersonalField, plain: string): string {
    const iv = crypto.randomBytes(IV_BYTES)
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encryptionKey, iv)
    // The field name is authenticated data: a phone ciphertext pasted into the ID column fails to open.
    cipher.setAAD(Buffer.from(field))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
  }

  open(field: PersonalField, sealed: string): string {
    const [version, payload] = sealed.split('.')
    if (version !== VERSION || !payload) throw new Error(`unknown ciphertext version for ${field}`)
    const bytes = Buffer.from(payload, 'base64url')
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encryptionKey, bytes.subarray(0, IV_BYTES))
    decipher.setAAD(Buffer.from(field))
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
  }

  sealOrNull(field: PersonalField, plain: string | null | undefined): string | null {
    return plain ? this.seal(field, plain) : null
  }

  openOrNull(field: PersonalField, sealed: string | null): string | null {
    return sealed ? this.open(field, sealed) : null
  }

  lookupHash(field: PersonalField | 'smsCode', value: string): string {
    return crypto.createHmac('sha256', this.lookupKey).update(`${field}:${value}`).digest('hex')
  }
}
