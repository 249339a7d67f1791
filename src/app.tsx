import type { PropsWithChildren } from 'react'
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import './app.scss'

dayjs.locale('zh-cn')

function App({ children }: PropsWithChildren) {
  return children
}

export default App
