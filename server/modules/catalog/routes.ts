import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  DepartmentListSchema,
  GuideSchema,
  ItemCodeParamsSchema,
  ItemListQuerySchema,
  ItemListSchema,
  ItemSuggestionListSchema,
  ItemSuggestQuerySchema,
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
        description:
          'Without q (or blank q): browse, most viewed first. With q: ranked by the search index (colloquial words, ' +
          'pinyin, initials, traditional characters, one-character typos), each item with `highlights` in its ' +
          'name; filter by topic, department or hall. No match answers total 0 with `suggestions`.',
        querystring: ItemListQuerySchema,
        response: { 200: ItemListSchema, ...errorResponses(400) },
      },
    },
    (request) => catalog.searchItems(app.db, app.catalogSearch, request.query),
  )

  app.get(
    '/items/suggest',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'As-you-type completions (up to 8), with the matched parts of each name',
        querystring: ItemSuggestQuerySchema,
        response: { 200: ItemSuggestionListSchema, ...errorResponses(400) },
      },
    },
    (request) => catalog.suggestItems(app.catalogSearch, request.query.q),
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
    (request) => catalog.guide(app.db, app.catalogSearch, app.guideViews, app.clock, app.queue.states, request.params.code),
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

