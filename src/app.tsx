import './platform/a11yRuntime'
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { startOfflineSupport } from './platform/serviceWorker'
import { canSignInWithWechat } from './platform/wechatLogin'
import { useSessionStore } from './stores/session'
import { useDisplayModeStore } from './stores/displayMode'
import { useLanguageStore } from './stores/language'
import { startReminders } from './stores/notifications'
import { readSystemLocale } from './platform/systemLocale'
import { readSystemTextSize } from './platform/systemTextSize'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    startOfflineSupport()
    useLanguageStore.getState().followSystemLocale(readSystemLocale())
    useDisplayModeStore.getState().followSystemTextSize(readSystemTextSize())
    startReminders()
    // In the mini-program a citizen is signed in without asking (wx.login); a failure stays silent here and
    // 我的 offers to try again or to use the phone instead.
    if (canSignInWithWechat && !useSessionStore.getState().user) void useSessionStore.getState().signInWithWechat()
  })
  return children
}

export default App
