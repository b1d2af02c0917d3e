import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  DEFAULT_RESOLUTION_LEAD,
  ResolutionLead1795433100000,
} from '../src/database/migrations/1795433100000-ResolutionLead.js';
import { readPdf } from '@scrutineer/reporter/testing';
import { sampleIds } from '@scrutineer/sample-council';
import { fetchPdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

// Each council's minutes introduce resolutions in its own words (issue 9): the style setting is
// stored, validated, served and given a default for councils stored before it existed.
describeEachDatabase('the authority’s resolution lead', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves each council’s own lead, and refuses a form councils do not use', async () => {
    const westSussex = await t.http().get('/api/v1/authorities/west-sussex').expect(200);
    expect(westSussex.body.style.resolutionLead).toBe('Resolved –');
    const stockport = await t.http().get('/api/v1/authorities/stockport').expect(200);
    expect(stockport.body.style.resolutionLead).toBe('RESOLVED –');
    const { version, createdAt: _c, updatedAt: _u, ...authority } = stockport.body;
    const invalid = await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(bearer(t.tokens.admin))
      .set('If-Match', String(version))
      .send({ ...authority, style: { ...authority.style, resolutionLead: 'Resolved that' } })
      .expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toContain(
      '$.style.resolutionLead',
    );
    const changed = await t
      .http()
      .put('/api/v1/authorities/stockport')
      .set(bearer(t.tokens.admin))
      .set('If-Match', String(version))
      .send({ ...authority, style: { ...authority.style, resolutionLead: 'RESOLVED:' } })
      .expect(200);
    expect(changed.body.style.resolutionLead).toBe('RESOLVED:');
  });

  it('exports the lead with the authority, and the minutes PDF route prints it', async () => {
    const meeting = sampleIds.westSussexNovember2021;
    const dataset = await t.http().get(`/api/v1/meetings/${meeting}/dataset`).expect(200);
    expect(dataset.body.authorities[0].style.resolutionLead).toBe('Resolved –');
    const bytes = (await fetchPdf(t, `/api/v1/meetings/${meeting}/minutes.pdf`).expect(200))
      .body as Buffer;
    const text = (await readPdf(bytes, { readFonts: false })).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('33.6 Resolved – That the Committee:');
    expect(text).not.toContain('RESOLVED');
  });

  it('gives councils stored before the setting the lead their minutes printed, and a new version', async () => {
    const migration = new ResolutionLead1795433100000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const rows: { style: string | object }[] = await runner.query(
        `SELECT "style" FROM "authorities" WHERE "id" = 'west-sussex'`,
      );
      const stored = rows[0]?.style;
      const before = typeof stored === 'string' ? JSON.parse(stored) : stored;
      expect(before).toMatchObject({ primaryColour: expect.stringMatching(/^#/) });
      expect(before).not.toHaveProperty('resolutionLead');
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await t.http().get('/api/v1/authorities/west-sussex').expect(200);
    expect(after.body.style.resolutionLead).toBe(DEFAULT_RESOLUTION_LEAD);
    expect(after.body.version).toBeGreaterThan(1);
  });
});
