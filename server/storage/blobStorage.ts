import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Where uploaded bytes live. Keys are opaque to callers; the disk store below is the default, and an S3-compatible
 * store (PUT/GET of an object by key) implements the same two calls.
 */
export interface BlobStorage {
  put(key: string, bytes: Buffer): Promise<void>
  /** null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>
}

const KEY_PATTERN = /^[0-9a-zA-Z][0-9a-zA-Z/_-]{0,199}$/

function checkedKey(key: string): string {
  // Keys become file names: no "..", no leading slash, no other characters that could leave the directory.
  if (!KEY_PATTERN.test(key) || key.includes('//')) throw new Error(`invalid blob key: ${key}`)
  return key
}

/** Files under one directory (./data/uploads by default). Written to a temporary name and renamed: never half a file. */
export class DiskBlobStorage implements BlobStorage {
  constructor(private readonly dir: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = path.join(this.dir, checkedKey(key))
    await mkdir(path.dirname(file), { recursive: true })
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(temporary, bytes, { mode: 0o600 })
    await rename(temporary, file)
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(path.join(this.dir, checkedKey(key)))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }
}
