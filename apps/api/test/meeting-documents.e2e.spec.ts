import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { CouncilDataset } from '@scrutineer/domain';
import { exemptPassages, loadSampleCouncil } from '@scrutineer/sample-council';
import type { Response } from 'supertest';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const binary = (
  response: Response,
  callback: (error: Error | null, body: Buffer) => void,
): void => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** The PDF's text as poppler reads it, with whitespace collapsed (passages wrap across lines). */
const textOf = (pdf: Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'scrutineer-pdf-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
};

describeEachDatabase('agenda packs and minutes as PDFs', (kind) => {
  let t: TestApp;
  let dataset: CouncilDataset;
  beforeAll(async () => {
    t = await createTestApp(kind);
    dataset = loadSampleCouncil();
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, token?: string) => {
    const request = t
      .http()
      .get(path)
      .buffer(true)
      .parse(binary as never);
    return token === undefined ? request : request.set(bearer(token));
  };

  it('streams the public agenda pack to anyone, with no exempt passage in it', async () => {
    const response = await get(
      `/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-pack.pdf`,
    ).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(pdf);
    expect(text).toContain('Award of Contract');
    const passages = exemptPassages(dataset).map((p) => p.replace(/\s+/g, ' '));
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.filter((p) => text.includes(p.slice(0, 60)))).toEqual([]);
  }, 60_000);

  it('gives the confidential edition to members and clerks only', async () => {
    await get(
      `/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-pack.pdf?edition=confidential`,
    ).expect(401);
    await get(
      `/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-pack.pdf?edition=confidential`,
      t.tokens.officer,
    ).expect(403);
    const response = await get(
      `/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-pack.pdf?edition=confidential`,
      t.tokens.member,
    ).expect(200);
    const text = textOf(response.body as Buffer);
    expect(text).toContain('Northvale Care Partnership');
    await get(
      `/api/v1/meetings/${SAMPLE.stockportMarch2022}/agenda-pack.pdf?edition=secret`,
      t.tokens.member,
    ).expect(400);
  }, 60_000);

  it('streams the minutes, and answers 404 for a meeting the caller may not see or that has no minutes', async () => {
    const response = await get(
      `/api/v1/meetings/${SAMPLE.westSussexNovember2021}/minutes.pdf`,
    ).expect(200);
    expect(textOf(response.body as Buffer)).toContain('RESOLVED');
    await get('/api/v1/meetings/no-such-meeting/minutes.pdf').expect(404);
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ id: 'pdf-unpublished', committeeId: SAMPLE.committee, date: '2030-01-15' })
      .expect(201);
    await get('/api/v1/meetings/pdf-unpublished/agenda-pack.pdf').expect(404);
    await get('/api/v1/meetings/pdf-unpublished/minutes.pdf', t.tokens.clerk).expect(404);
  }, 60_000);

  it('streams a performance report on its own, and 404 for one that does not exist', async () => {
    const [report] = dataset.performanceReports;
    const response = await get(`/api/v1/reports/${report?.id ?? ''}.pdf`).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(textOf(response.body as Buffer)).toContain(report?.title.slice(0, 30) ?? '');
    await get('/api/v1/reports/no-such-report.pdf').expect(404);
  }, 60_000);
});
