import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  DepartmentListSchema,
  GuideSchema,
  ItemCodeParamsSchema,
  ItemListQuerySchema,
  ItemListSchema,
  TopicListSchema,
} from '../../../src/domain/contract'
import { errorResponses } from '../../http/schemas'
import * as catalog from './service'

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/items',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Search and browse service items',
        description: 'Best match first when q is given; filter by topic, department or hall.',
        querystring: ItemListQuerySchema,
        response: { 200: ItemListSchema, ...errorResponses(400) },
      },
    },
    (request) => catalog.searchItems(app.db, request.query),
  )

  app.get(
    '/items/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'The full guide (办事指南) of one item, with the halls that handle it',
        params: ItemCodeParamsSchema,
        response: { 200: GuideSchema, ...errorResponses(400, 404) },
      },
    },
    (request) => catalog.guide(app.db, app.clock, request.params.code),
  )

  app.get(
    '/topics',
    {
      config: { access: 'public' },
      schema: { tags: ['catalog'], summary: 'Topics (主题) with item counts', response: { 200: TopicListSchema } },
    },
    () => catalog.topics(app.db),
  )

  app.get(
    '/departments',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Departments with item counts',
        response: { 200: DepartmentListSchema },
      },
    },
    () => catalog.departments(app.db),
  )
}

