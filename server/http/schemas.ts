import { ErrorBodySchema } from '../../src/domain/contract'

/** Declares the error body for the given statuses, so OpenAPI documents them and serialization never leaks. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema]))
}

/**
 * The schema with `$id` kept only at the top: a contract schema that embeds another one twice (StaffQueue holds
 * Tickets in two places) would otherwise name two schemas "Ticket", which the response serializer refuses.
 */
export function withInnerIdsRemoved<T extends object>(schema: T): T {
  const strip = (node: unknown, top: boolean): unknown => {
    if (Array.isArray(node)) return node.map((child) => strip(child, false))
    if (typeof node !== 'object' || node === null) return node
    const copy: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) {
      if (key === '$id' && !top) continue
      copy[key] = strip(value, false)
    }
    return copy
  }
  return strip(schema, true) as T
}
