import vm from 'node:vm'
import { preloadScript } from '../../../config/routePreloads'

const pages = {
  '/pages/index/index': ['js/855.a.js', 'css/614.b.css', 'js/614.b.js'],
  '/pages/guide/index': ['js/855.a.js', 'css/530.c.css', 'js/530.c.js'],
}

/** Runs the inline script as a browser would at `pathname`, and returns the preload links it added to <head>. */
function preloadsAt(pathname: string): Array<{ rel: string; as: string; href: string }> {
  const head: Array<{ rel: string; as: string; href: string }> = []
  const document = {
    createElement: () => ({ rel: '', as: '', href: '' }),
    head: { appendChild: (link: { rel: string; as: string; href: string }) => head.push(link) },
  }
  vm.runInNewContext(preloadScript(pages, '/', '/pages/index/index'), { document, location: { pathname } })
  return head
}

describe('route preloads in index.html', () => {
  it('starts fetching the opened page’s own scripts and styles', () => {
    expect(preloadsAt('/pages/guide/index')).toEqual([
      { rel: 'preload', as: 'script', href: '/js/855.a.js' },
      { rel: 'preload', as: 'style', href: '/css/530.c.css' },
      { rel: 'preload', as: 'script', href: '/js/530.c.js' },
    ])
  })

  it('treats / as the home page and ignores a trailing slash', () => {
    expect(preloadsAt('/').map((link) => link.href)).toEqual(['/js/855.a.js', '/css/614.b.css', '/js/614.b.js'])
    expect(preloadsAt('/pages/guide/index/').map((link) => link.href)).toContain('/js/530.c.js')
  })

  it('fetches nothing extra for a path that is no page (the app shows its not-found page)', () => {
    expect(preloadsAt('/no/such/page')).toEqual([])
  })
})
