import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import { startOfflineSupport } from './platform/serviceWorker'
import './app.scss'

dayjs.locale('zh-cn')

function askToApplyUpdate(apply: () => void): void {
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

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    startOfflineSupport(askToApplyUpdate)
  })
  return children
}

export default App
