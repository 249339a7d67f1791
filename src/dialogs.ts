import Taro from '@tarojs/taro'
import { t } from '@/i18n'

/** Asks before something that cannot be undone; resolves true only on an explicit yes. */
export async function confirmAction(title: string, content: string, confirmText = t('common.ok')): Promise<boolean> {
  try {
    const result = await Taro.showModal({ title, content, confirmText, cancelText: t('common.cancel'), confirmColor: '#b3261e' })
    return result.confirm
  } catch {
    return false
  }
}

/** A short note that something worked (or did not), gone after two seconds. */
export function notify(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2000 }).catch(() => undefined)
}
