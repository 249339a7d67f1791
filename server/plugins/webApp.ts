import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const HASHED_ASSET = /\.[0-9a-f]{8,}\.(js|css|png|jpg|svg|woff2?)$/

/** Hashed assets never change under their name; index.html must always be revalidated to pick up new builds. */
export function cacheControlFor(filePath: string): string {
  // Pre-compressed copies (app.1a2b3c4d.js.br) are cached like the file they stand for.
  const name = path.basename(filePath).replace(/\.(br|gz)$/, '')
  if (name === 'index.html' || name === 'sw.js' || name.endsWith('.webmanifest')) return 'no-cache'
  if (HASHED_ASSET.test(name)) return IMMUTABLE
  return 'public, max-age=3600'
}

export function webAppAvailable(h5Dir: string): boolean {
  return fs.existsSync(path.join(h5Dir, 'index.html'))
}

/** Serves the built H5 app at /. Returns a function that sends the app shell for client-side routes. */
export async function registerWebApp(app: FastifyInstance, h5Dir: string): Promise<(reply: FastifyReply) => FastifyReply> {
  await app.register(fastifyStatic, {
    root: h5Dir,
    prefix: '/',
    cacheControl: false,
    preCompressed: true,
    // A path climbing out of the build ("/js/..%2f..%2fpackage.json") is a page that does not exist; without this
    // the static server answers 403, which the error hook could only call a validation failure.
    allowedPath: (pathname) => !pathname.split(/[\\/]/).includes('..'),
    setHeaders: (res, filePath) => res.setHeader('Cache-Control', cacheControlFor(filePath)),
  })
  return (reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html')
}
