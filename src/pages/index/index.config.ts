export default definePageConfig({
  navigationBarTitleText: '办事通',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
