// The share menu (转发) tells family when and where: it opens the item's guide, never the appointment itself.
export default definePageConfig({ navigationBarTitleText: '预约详情', enablePullDownRefresh: true, enableShareAppMessage: true })
