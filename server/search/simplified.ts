// Traditional → simplified characters for queries (居住証 → 居住证, 養老保險 → 养老保险). opencc's t2cn data is
// ~100 KB, so it runs here on the server only; the apps send the query as typed.
import { Converter } from 'opencc-js/t2cn'

const traditionalToSimplified = Converter({ from: 't', to: 'cn' })

export function toSimplified(text: string): string {
  return traditionalToSimplified(text)
}
