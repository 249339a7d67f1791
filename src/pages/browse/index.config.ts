export default definePageConfig({ navigationBarTitleText: '分类查找', enablePullDownRefresh: true })
