import Taro from '@tarojs/taro'

/** Asks before a new version reloads the page; loaded only when an update is actually waiting. */
export function askToApplyUpdate(apply: () => void): void {
  Taro.showModal({
    title: '办事通有新版本',
    content: '新版本已准备好。刷新后即可使用;正在填写的内容请先提交。',
    confirmText: '刷新',
    cancelText: '稍后',
  })
    .then((result) => {
      if (result.confirm) apply()
    })
    .catch(() => undefined)
}
