/* Banshi's Web Push handling, loaded into the Workbox service worker with importScripts (config/pwa.ts).
 * Plain JS without a build step: importScripts takes a classic script, so h5UrlOfPagePath is a copy of the one in
 * src/domain/pushPayload.ts; tests/unit/domain/pushPayload.test.ts runs this file against that function.
 * Every word shown comes from the push payload, which the server wrote in the person's language. */
/* eslint-env serviceworker */
;(function () {
  var APP_PAGE = /^\/?((?:pages|packages)\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)(\?[^#\s]*)?$/
  var ICON = '/pwa/icon-192.png'

  function h5UrlOfPagePath(path) {
    if (typeof path !== 'string') return '/'
    var match = APP_PAGE.exec(path.trim())
    return match ? '/' + match[1] + (match[2] || '') : '/'
  }

  function payloadOf(event) {
    if (!event.data) return {}
    try {
      var parsed = event.data.json()
      return parsed && typeof parsed === 'object' ? parsed : {}
    } catch (error) {
      return { body: event.data.text() }
    }
  }

  self.addEventListener('push', function (event) {
    var payload = payloadOf(event)
    var options = {
      body: typeof payload.body === 'string' ? payload.body : '',
      icon: ICON,
      badge: ICON,
      data: { url: h5UrlOfPagePath(payload.path) },
    }
    if (typeof payload.tag === 'string' && payload.tag) options.tag = payload.tag
    if (typeof payload.lang === 'string') options.lang = payload.lang
    // userVisibleOnly: every push must show something, or the browser shows its own generic notice.
    var title = typeof payload.title === 'string' && payload.title ? payload.title : self.location.hostname
    event.waitUntil(self.registration.showNotification(title, options))
  })

  self.addEventListener('notificationclick', function (event) {
    event.notification.close()
    var target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin).href
    event.waitUntil(
      self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
        var open = windows.filter(function (client) {
          return new URL(client.url).origin === self.location.origin
        })[0]
        var openNew = function () {
          return self.clients.openWindow(target)
        }
        if (!open) return openNew()
        // navigate() works only on a tab this worker controls; any other tab is left alone and a new one opened.
        return open
          .focus()
          .then(function (focused) {
            return (focused || open).navigate(target)
          })
          .then(function (navigated) {
            return navigated || openNew()
          }, openNew)
      }),
    )
  })
})()
