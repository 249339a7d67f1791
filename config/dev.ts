import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // `npm run dev:h5` talks to a server started with `npm run dev:server` (or msw, see mock/).
      proxy: { '/api': { target: process.env.BANSHI_DEV_PROXY ?? 'http://127.0.0.1:8080', changeOrigin: true } },
    },
  },
} satisfies UserConfigExport<'webpack5'>
