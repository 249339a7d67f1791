// App-wide sentences outside any one page (phone links, the update prompt, background sending), in Simplified
// Chinese; merged into zh.ts. Same keys in general.en.ts.
export const generalZh = {
  'general.callPhone': '拨打电话 {phone}',
  'general.updateTitle': '办事通有新版本',
  'general.updateText': '新版本已准备好。刷新后即可使用;正在填写的内容请先提交。',
  'general.updateNow': '刷新',
  'general.updateLater': '稍后',
  'general.photoLost': '有照片在手机上找不到了,请重新拍摄后再提交',
  'general.connectionLost': '网络中断',
} as const
