export default definePageConfig({
  navigationBarTitleText: '办事指南',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
