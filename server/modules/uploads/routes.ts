import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import { RecordIdParamsSchema, UploadSchema } from '../../../src/domain/contract'
import { UPLOAD_MAX_BYTES } from '../../../src/domain/limits'
import { errorResponses } from '../../http/schemas'
import { principalOf } from '../../http/access'
import { AppError, validationFailed } from '../../errors'
import type { BlobStorage } from '../../storage/blobStorage'
import { readUpload, storeUpload } from './service'

// Citizens upload for themselves; grid workers photograph residents' materials at the door (issue 8).
export const UPLOADERS = ['citizen', 'grid_worker'] as const

/** Reads the one file part; a file over the cap stops streaming at the cap and answers 413. */
async function fileBytes(request: FastifyRequest): Promise<Buffer> {
  try {
    const part = await request.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 4, parts: 5 } })
    if (!part) throw validationFailed([{ field: 'body.file', issue: 'send one image as a multipart file part' }])
    return await part.toBuffer()
  } catch (error) {
    throw multipartError(error)
  }
}

/** @fastify/multipart's own errors → the contract's codes. */
function multipartError(error: unknown): unknown {
  const code = (error as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'UPLOAD_TOO_LARGE', { maxBytes: UPLOAD_MAX_BYTES })
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE')
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return validationFailed([{ field: 'body', issue: 'send exactly one image' }])
  }
  return error
}

export function uploadRoutes(blobs: BlobStorage): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } })
    const deps = { db: app.db, clock: app.clock, auth: app.auth, blobs }

    app.post(
      '/uploads',
      {
        config: { access: UPLOADERS },
        schema: {
          tags: ['applications'],
          summary: 'One photo of a material (JPEG, PNG, WebP or HEIC, read from the bytes); location and camera data removed',
          consumes: ['multipart/form-data'],
          response: { 201: UploadSchema, ...errorResponses(400, 401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const upload = await storeUpload(deps, principalOf(request), await fileBytes(request))
        return reply.code(201).send(upload)
      },
    )

    app.get(
      '/uploads/:id',
      {
        config: { access: 'signedIn' },
        schema: {
          tags: ['applications'],
          summary: "An upload's bytes: its uploader, the applicant, and staff of the handling hall only",
          params: RecordIdParamsSchema,
          response: { 200: Type.Any({ description: 'The image' }), ...errorResponses(401, 404) },
        },
      },
      async (request, reply) => {
        const { mime, bytes } = await readUpload(deps, principalOf(request), request.params.id, request.ip)
        return reply
          .header('Content-Type', mime)
          .header('Cache-Control', 'private, no-store')
          .header('Content-Disposition', 'inline')
          .send(bytes)
      },
    )
  }
}
