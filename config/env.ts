// Where the built client finds the API. H5 is served by the API server itself, so same-origin paths work;
// the mini-program needs an absolute URL, set at build time with BANSHI_API_BASE.
export function apiBaseForTarget(target: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = (env.BANSHI_API_BASE ?? '').trim().replace(/\/+$/, '')
  if (configured) return configured
  return target === 'h5' ? '' : 'http://127.0.0.1:8080'
}
