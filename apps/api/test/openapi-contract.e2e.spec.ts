/**
 * Every route of the app carries an `@Operation` contract (issue 8, items 1–2): its params,
 * query and body are validated against the domain's schemas and it appears in the OpenAPI
 * document. A route without one is listed by its controller and handler.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { undocumentedRoutes } from '../src/contract/openapi-document.js';
import { buildOpenApiDocument } from '../src/openapi.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the API contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has an @Operation on every route', () => {
    const missing = undocumentedRoutes(t.app);
    expect(
      missing.length === 0
        ? 'none'
        : `${missing.length} routes without @Operation:\n  ${missing.join('\n  ')}`,
    ).toBe('none');
  });

  it('gives every operation a summary and exactly one tag', () => {
    const document = buildOpenApiDocument(t.app) as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    };
    const wanting = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, o]) => !o.summary || o.tags?.length !== 1)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(wanting).toEqual([]);
  });
});
