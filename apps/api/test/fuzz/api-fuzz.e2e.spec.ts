import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SAMPLE } from '../support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from '../support/test-app.js';
import { fuzz, type FuzzReport } from './fuzz.js';

/** Requests per database: a bounded run here; `npm run fuzz -- --requests 30000` sets more. */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const summary = (report: FuzzReport): string =>
  `${report.requests} requests in ${(report.milliseconds / 1000).toFixed(1)} s, statuses ${JSON.stringify(report.byStatus)}`;

describeEachDatabase('fuzz: no input reaches a 500, every error is a problem document', (kind) => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it(
    `answers ${REQUESTS} generated requests (seed ${SEED}) with no 5xx, no stack, no SQL`,
    async () => {
      const report = await fuzz({
        baseUrl,
        tokens: [t.tokens.admin, t.tokens.clerk, t.tokens.member, t.tokens.officer],
        requests: REQUESTS,
        seed: SEED,
      });
      process.stdout.write(`fuzz [${kind}]: ${summary(report)}\n`);
      expect(report.violations.slice(0, 5)).toEqual([]);
      // The run reached the handlers: writes succeeded and rows were found, not only refusals.
      expect(Object.keys(report.byStatus).some((s) => Number(s) < 300)).toBe(true);
      expect(report.byStatus[400] ?? 0).toBeGreaterThan(0);
    },
    REQUESTS * 200,
  );

  it('50 simultaneous creates with one id: one 201, the rest 409 problem documents', async () => {
    const body = { id: 'cfsc-2032-03-04', committeeId: SAMPLE.committee, date: '2032-03-04' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${baseUrl}/api/v1/meetings`, {
          method: 'POST',
          headers: { ...bearer(t.tokens.clerk), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await answer.json()) as { code: string }).code).toBe('RESOURCE.ALREADY_EXISTS');
    }
  });
});
