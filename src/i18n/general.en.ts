import type { generalZh } from './general.zh'

// English for app-wide sentences outside any one page.
export const generalEn: Record<keyof typeof generalZh, string> = {
  'general.callPhone': 'Call {phone}',
  'general.updateTitle': 'A new version of Banshi is ready',
  'general.updateText': 'Reload to use it. Please submit anything you are filling in first.',
  'general.updateNow': 'Reload',
  'general.updateLater': 'Later',
  'general.photoLost': 'A photo can no longer be found on the phone. Please take it again, then submit.',
  'general.connectionLost': 'The connection was lost',
}
