import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'
import { apiBaseForTarget } from './env'
import { StatsFilePlugin } from './statsFile'
import { RoutePreloadPlugin } from './routePreloads'
import { GenerateSW, pwaCopyPatterns, serviceWorkerOptions } from './pwa'

const target = process.env.TARO_ENV ?? 'h5'
const apiBase = apiBaseForTarget(target)
// `BANSHI_MOCK=1 npm run dev:h5`: the H5 app answers itself with the msw handlers in mock/ (no server needed).
const mockApi = target === 'h5' && process.env.BANSHI_MOCK === '1'
// The service worker belongs to production H5 builds; in mock mode msw's own worker owns the page.
const withServiceWorker = target === 'h5' && process.env.NODE_ENV === 'production' && !mockApi

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'banshi',
    date: '2026-11-25',
    // NutUI is drawn at 375 wide; our own styles at 750.
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file ?? '' : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: target === 'weapp' ? [path.resolve(__dirname, 'weappAriaPlugin.js')] : [],
    defineConstants: {
      BANSHI_API_BASE: JSON.stringify(apiBase),
      BANSHI_MOCK: JSON.stringify(mockApi),
      BANSHI_SERVICE_WORKER: JSON.stringify(withServiceWorker),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: {
      patterns: [
        ...(target === 'h5' ? pwaCopyPatterns : []),
        ...(mockApi ? [{ from: 'node_modules/msw/lib/mockServiceWorker.js', to: `dist/${target}/mockServiceWorker.js` }] : []),
      ],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    // Taro's H5 defaults quote every property key (for browsers older than our ES2015 baseline): bigger files,
    // and invalid output for classes with private fields (#x becomes #"x"). Modern output instead.
    terser: {
      enable: true,
      config: { keep_fnames: false, output: { comments: false, quote_keys: false, keep_quoted_props: false } },
    },
    // Webpack's disk cache turns a 20 s H5 rebuild into a few seconds; TARO_CACHE=0 turns it off.
    cache: { enable: process.env.TARO_CACHE !== '0' },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      // BANSHI_SOURCEMAP=1 (with TARO_CACHE=0: the disk cache does not know this switch) for profiling with sources.
      ...(process.env.BANSHI_SOURCEMAP ? { enableSourceMap: true, sourceMapType: 'source-map' } : {}),
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // mock/ lives outside src/ but is compiled into the app in BANSHI_MOCK development builds.
      compile: { include: [path.resolve(__dirname, '..', 'mock')] },
      // Taro's React components render as plain HTML elements instead of web components: ~20 KB less JS.
      useHtmlComponents: true,
      // Read by src/index.html (the guide data it fetches early goes to the same API as the app's requests).
      htmlPluginOption: { banshiApiBase: apiBase },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Taro.request ships polyfills for fetch and AbortController and a JSONP client in every H5 first load (about
        // 47 KB before minifying). The browsers the build targets have fetch and AbortController, and no request
        // uses JSONP.
        const shims = path.resolve(__dirname, 'h5Shims')
        chain.resolve.alias
          .set('whatwg-fetch$', path.join(shims, 'nothing.js'))
          .set('abortcontroller-polyfill/dist/abortcontroller-polyfill-only$', path.join(shims, 'nothing.js'))
          .set('jsonp-retry$', path.join(shims, 'jsonpUnsupported.js'))
        const axiosAdapters = path.resolve(__dirname, '..', 'node_modules/axios/lib/adapters')
        for (const transport of ['xhr.js', 'fetch.js']) {
          chain.resolve.alias.set(path.join(axiosAdapters, transport), path.join(shims, 'axiosAdapterUnavailable.js'))
        }
        // Taro splits only initial chunks, so every lazily loaded page carried its own copy of axios, zustand
        // and our components; share them between pages instead.
        chain.optimization.splitChunks({
          chunks: 'all',
          minSize: 0,
          // Opening a page fetched ~25 tiny shared chunks (JS and CSS); over HTTP/1.1 a browser fetches 6 at a
          // time, so they came in three waves of round trips on a slow network. At most 4 chunks per page load
          // (the smallest shared ones go back into the pages) makes that one wave.
          maxAsyncRequests: 4,
          cacheGroups: {
            default: false,
            defaultVendors: false,
            taro: { test: /[\\/]node_modules[\\/]@tarojs[\\/]/, priority: 100, reuseExistingChunk: true },
            vendors: { test: /[\\/]node_modules[\\/]/, minChunks: 2, priority: 10, reuseExistingChunk: true },
            common: { minChunks: 2, priority: 1, reuseExistingChunk: true },
          },
        })
        chain.plugin('route-preloads').use(RoutePreloadPlugin, [{ publicPath: '/', homePath: '/pages/index/index' }])
        if (process.env.BANSHI_STATS) chain.plugin('stats-file').use(StatsFilePlugin, [process.env.BANSHI_STATS])
        if (withServiceWorker) chain.plugin('service-worker').use(GenerateSW, [serviceWorkerOptions()])
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
