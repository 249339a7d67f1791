export default definePageConfig({ navigationBarTitleText: '大厅排队', enablePullDownRefresh: true })
