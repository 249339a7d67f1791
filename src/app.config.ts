export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/search/index',
    'pages/guide/index',
    'pages/browse/index',
    'pages/items/index',
    'pages/me/index',
    'pages/login/index',
    'pages/progress/index',
    'pages/halls/index',
    'pages/hall/index',
    'pages/ticket/index',
  ],
  // Staff pages stay out of the main package that every citizen downloads.
  subPackages: [
    { root: 'packages/staff', pages: ['login/index', 'index/index', 'queue/index', 'applications/index'] },
    // Applying online and following one's own applications: only those who apply download it.
    { root: 'packages/apply', pages: ['form/index', 'mine/index', 'detail/index'] },
    // Grid workers' round and door applications: only grid workers download it.
    { root: 'packages/grid', pages: ['home/index', 'resident/index', 'apply/index', 'outbox/index'] },
    // Booking, its confirmation with the QR code, and 我的预约: only those who book download it.
    { root: 'packages/booking', pages: ['book/index', 'detail/index', 'mine/index'] },
  ],
  // Staff reach their sign-in from 我的: fetch that package while they are there.
  preloadRule: { 'pages/me/index': { network: 'all', packages: ['packages/staff'] } },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1559b7',
    navigationBarTitleText: '办事通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
})
