import Taro from '@tarojs/taro'
import type { ScanLabels, ScanResult } from './scanTypes'

export type { ScanLabels, ScanResult } from './scanTypes'

/** WeChat always has a scanner. */
export function canScanQrCode(): boolean {
  return true
}

export async function scanQrCode(_labels: ScanLabels): Promise<ScanResult> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return { ok: true, text: result.result }
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? error)
    return { ok: false, reason: /cancel/i.test(message) ? 'cancelled' : 'unavailable' }
  }
}
