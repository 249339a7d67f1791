import { ErrorBodySchema } from '../../src/domain/contract'

/** Declares the error body for the given statuses, so OpenAPI documents them and serialization never leaks. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema]))
}
