import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compilation, Compiler } from 'webpack'

/** Every page's own JS and CSS files (its chunk group), keyed by the page's path in the browser router. */
export function pageFiles(compilation: Compilation): Record<string, string[]> {
  const pages: Record<string, string[]> = {}
  for (const group of compilation.chunkGroups) {
    for (const origin of group.origins) {
      // Taro's router loads each page with import('./pages/guide/index') and friends.
      const page = /^\.\/((?:pages|packages)\/[\w/-]+)$/.exec(origin.request ?? '')?.[1]
      if (!page) continue
      pages[`/${page}`] = group.getFiles().filter((file) => /\.(js|css)$/.test(file))
    }
  }
  return pages
}

/**
 * The inline script that starts fetching the opened page's chunks while the app's main scripts download. Without
 * it they are requested only once the main scripts have run and the router asks for the page: one more round trip
 * (150 ms and more on a phone network) before anything of the page can be drawn.
 */
export function preloadScript(pages: Record<string, string[]>, publicPath: string, homePath: string): string {
  const files = [...new Set(Object.values(pages).flat())]
  const routes = Object.fromEntries(Object.entries(pages).map(([page, own]) => [page, own.map((file) => files.indexOf(file))]))
  return [
    '(function () {',
    `  var files = ${JSON.stringify(files)}, routes = ${JSON.stringify(routes)}`,
    `  var path = location.pathname.replace(/\\/+$/, '') || ${JSON.stringify(homePath)}`,
    '  var own = routes[path] || []',
    '  for (var i = 0; i < own.length; i++) {',
    "    var link = document.createElement('link'), file = files[own[i]]",
    "    link.rel = 'preload'",
    "    link.as = /\\.css$/.test(file) ? 'style' : 'script'",
    `    link.href = ${JSON.stringify(publicPath)} + file`,
    '    document.head.appendChild(link)',
    '  }',
    '})()',
  ].join('\n')
}

/** Puts preloadScript into index.html, right after <title> so it runs before the parser reaches the app's scripts. */
export class RoutePreloadPlugin {
  constructor(private readonly options: { publicPath: string; homePath: string }) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('RoutePreloadPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('RoutePreloadPlugin', (data) => {
        const script = preloadScript(pageFiles(compilation), this.options.publicPath, this.options.homePath)
        data.html = data.html.replace('</title>', `</title><script>${script}</script>`)
        return data
      })
    })
  }
}
