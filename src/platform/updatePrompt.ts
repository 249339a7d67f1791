import Taro from '@tarojs/taro'
import { t } from '@/i18n'
import '@/i18n/general'

/** Asks before a new version reloads the page; loaded only when an update is actually waiting. */
export function askToApplyUpdate(apply: () => void): void {
  Taro.showModal({
    title: t('general.updateTitle'),
    content: t('general.updateText'),
    confirmText: t('general.updateNow'),
    cancelText: t('general.updateLater'),
  })
    .then((result) => {
      if (result.confirm) apply()
    })
    .catch(() => undefined)
}
