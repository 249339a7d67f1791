import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import { startOfflineSupport } from './platform/serviceWorker'
import './app.scss'

dayjs.locale('zh-cn')

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    startOfflineSupport()
  })
  return children
}

export default App
