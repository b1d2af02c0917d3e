/**
 * The OpenAPI contract as an integrator meets it (issue 8, item 2): the checks of
 * ../shared/checks/openapi-clients.sh, run in the suite with the API's devDependencies. The
 * document is the one the running app serves at /api/docs-json. Redocly and Spectral find 0
 * errors, the three generators write clients with 0 properties typed `unknown` (orval with 0
 * schema-validation errors), and a program calling every operation through each client compiles
 * with `tsc --strict`. A copy of the document with one planted fault of each kind proves that
 * each check fails when it should (a check that cannot fail proves nothing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildOpenApiDocument } from '../src/openapi.js';
import { checkClients, summary, type ClientsReport } from './support/openapi-clients.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// The generators and tsc run as child processes (in parallel): slow on a loaded 2-core machine.
const SLOW = 180_000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The document with one fault of each kind: an operation whose error responses are gone, a
 * property with no type, and a response object with a field OpenAPI does not define.
 */
const withPlantedFaults = (document: Json): Json => {
  const planted = structuredClone(document);
  const operations = Object.values(planted.paths as Json).flatMap((path) =>
    Object.values(path as Json),
  );
  const victim = (operations.find((o) => o.responses?.['204']) ?? operations[0]) as Json;
  victim.responses = Object.fromEntries(
    Object.entries(victim.responses as Json).filter(([status]) => status.startsWith('2')),
  );
  const shape = Object.entries(planted.components.schemas as Json).find(
    ([name, schema]) => name !== 'Problem' && schema.properties,
  )![1];
  shape.properties.plantedUntyped = { description: 'A property with no type.' };
  const ok = Object.values(operations[0].responses as Json)[0] as Json;
  ok.plantedField = 1;
  return planted;
};

describe('the OpenAPI document, as an integrator generates clients from it', () => {
  let t: TestApp;
  let work: string;
  let report: ClientsReport;
  let planted: ClientsReport;
  let operations: number;

  beforeAll(async () => {
    // The document does not depend on the database: one run, on SQLite.
    t = await createTestApp('sqlite');
    const served = (await t.http().get('/api/docs-json').expect(200)).body as Record<
      string,
      unknown
    >;
    expect(served).toEqual(buildOpenApiDocument(t.app));
    operations = Object.values(served['paths'] as Record<string, object>).reduce(
      (n, path) => n + Object.keys(path).length,
      0,
    );
    work = mkdtempSync(join(tmpdir(), 'scrutineer-openapi-clients-'));
    [report, planted] = await Promise.all([
      checkClients(served, join(work, 'served')),
      checkClients(withPlantedFaults(served), join(work, 'planted')),
    ]);
  }, SLOW);
  afterAll(async () => {
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('documents at least one operation', () => {
    expect(operations).toBeGreaterThan(0);
  });

  it('passes Redocly lint (recommended rules) with 0 errors', () => {
    expect(summary('Redocly lint errors', report.redoclyErrors)).toBe('Redocly lint errors: none');
  });

  it("passes Spectral's oas3-schema rule with 0 errors", () => {
    expect(summary('Spectral oas3-schema errors', report.spectralErrors)).toBe(
      'Spectral oas3-schema errors: none',
    );
  });

  it('documents a typed error response (a Problem) on every operation', () => {
    expect(summary('operations without a typed error response', report.untypedErrors)).toBe(
      'operations without a typed error response: none',
    );
  });

  it('generates with openapi-typescript, @hey-api/openapi-ts and orval', () => {
    expect(summary('generators that failed', report.generatorFailures, 3)).toBe(
      'generators that failed: none',
    );
  });

  it('gives orval 0 schema-validation errors', () => {
    expect(summary('orval schema-validation errors', report.orvalErrors)).toBe(
      'orval schema-validation errors: none',
    );
  });

  it.each([
    'openapi-typescript gen/ot/schema.d.ts',
    '@hey-api/openapi-ts gen/hey/types.gen.ts',
    'orval gen/orval/api.ts',
  ])('types no property unknown in %s', (file) => {
    expect(report.unknowns[file]).toBeDefined();
    expect(summary(`properties typed unknown in ${file}`, report.unknowns[file] ?? [])).toBe(
      `properties typed unknown in ${file}: none`,
    );
  });

  it('compiles a program calling every operation through each client with tsc --strict', () => {
    expect(summary('tsc --strict errors', report.tscErrors)).toBe('tsc --strict errors: none');
  });

  it('fails each check on a copy of the document with planted faults', () => {
    const caught = {
      redocly: planted.redoclyErrors.some((e) => e.includes('plantedField')),
      spectral: planted.spectralErrors.length > 0,
      untypedErrors: planted.untypedErrors.length === 1,
      orval: planted.orvalErrors.length > 0,
      unknowns: Object.values(planted.unknowns).map((found) =>
        found.some((p) => p.endsWith('.plantedUntyped')),
      ),
      tsc: planted.tscErrors.some((e) => /does not exist on type/.test(e)),
    };
    expect(caught).toEqual({
      redocly: true,
      spectral: true,
      untypedErrors: true,
      orval: true,
      unknowns: [true, true, true],
      tsc: true,
    });
  });
});
