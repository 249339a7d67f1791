export default definePageConfig({ navigationBarTitleText: '附近大厅', enablePullDownRefresh: true })
