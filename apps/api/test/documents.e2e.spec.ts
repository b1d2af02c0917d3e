import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CouncilDataset } from '@scrutineer/domain';
import type { ParsedPdf } from '@scrutineer/reporter/testing';
import { exemptPassages, loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import type { Response } from 'supertest';
import { SAMPLE } from './support/documents.js';
import { collapse, everythingIn, fetchPdf as fetchPdfFrom, isIn, parsePdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const agendaPath = (id: string, edition?: string): string =>
  `/api/v1/meetings/${id}/agenda-pack.pdf${edition === undefined ? '' : `?edition=${edition}`}`;

describeEachDatabase('PDF documents over HTTP', (kind) => {
  let t: TestApp;
  let dataset: CouncilDataset;
  let passages: string[];

  const fetchPdf = (path: string, token?: string) => fetchPdfFrom(t, path, token);

  const expectProblem = async (
    path: string,
    status: number,
    code: string,
    token?: string,
  ): Promise<void> => {
    const request = t.http().get(path);
    const response = await (token === undefined ? request : request.set(bearer(token)));
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body).toMatchObject({ status, code, instance: path });
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    dataset = loadSampleCouncil();
    passages = exemptPassages(dataset);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('agenda pack of the meeting with the exempt item (Stockport, 9 March 2022)', () => {
    let publicPack: Buffer;
    let confidentialPack: Buffer;
    let publicPdf: ParsedPdf;
    let confidentialPdf: ParsedPdf;

    beforeAll(async () => {
      const anonymous = await fetchPdf(agendaPath(SAMPLE.stockportMarch2022)).expect(200);
      expect(anonymous.headers['content-type']).toBe('application/pdf');
      expect(anonymous.headers['content-disposition']).toBe(
        `inline; filename="${SAMPLE.stockportMarch2022}-agenda-public.pdf"`,
      );
      publicPack = anonymous.body as Buffer;
      expect(publicPack.subarray(0, 5).toString()).toBe('%PDF-');
      confidentialPack = (
        await fetchPdf(
          agendaPath(SAMPLE.stockportMarch2022, 'confidential'),
          t.tokens.clerk,
        ).expect(200)
      ).body as Buffer;
      publicPdf = await parsePdf(publicPack);
      confidentialPdf = await parsePdf(confidentialPack);
    }, 60_000);

    it('serves the public edition to anyone: a Public Document Pack naming the exempt item by title only', () => {
      const text = everythingIn(publicPdf);
      expect(text).toContain('Public Document Pack');
      expect(text).toContain('Award of Contract');
      expect(text).not.toMatch(/NOT FOR PUBLICATION/);
      expect(publicPdf.metadata.isTagged).toBe(true);
      expect(publicPdf.metadata.lang).toBe('en-GB');
    });

    it('holds no exempt passage of the sample in its text, bookmarks or metadata', () => {
      // The confidential edition prints the exempt item, so the search below cannot pass vacuously.
      const printedInConfidential = passages.filter((p) => isIn(everythingIn(confidentialPdf), p));
      expect(printedInConfidential.length).toBeGreaterThanOrEqual(5);
      const text = everythingIn(publicPdf);
      expect(passages.filter((p) => isIn(text, p))).toEqual([]);
    });

    it('gives clerks and members the confidential edition, marked NOT FOR PUBLICATION', async () => {
      const text = everythingIn(confidentialPdf);
      expect(text).toContain('NOT FOR PUBLICATION');
      expect(text).toContain('Northvale Care Partnership Limited');
      expect(confidentialPdf.pageCount).toBeGreaterThan(publicPdf.pageCount);
      const asMember = await fetchPdf(
        agendaPath(SAMPLE.stockportMarch2022, 'confidential'),
        t.tokens.member,
      ).expect(200);
      expect(Buffer.compare(asMember.body as Buffer, confidentialPack)).toBe(0);
    });

    it('answers the same bytes for the same pack fetched twice, in both editions', async () => {
      const again = await fetchPdf(agendaPath(SAMPLE.stockportMarch2022, 'public')).expect(200);
      expect(Buffer.compare(again.body as Buffer, publicPack)).toBe(0);
      const confidentialAgain = await fetchPdf(
        agendaPath(SAMPLE.stockportMarch2022, 'confidential'),
        t.tokens.clerk,
      ).expect(200);
      expect(Buffer.compare(confidentialAgain.body as Buffer, confidentialPack)).toBe(0);
    });

    it('refuses the confidential edition: 401 without a token, 403 to an officer, 400 for an unknown edition', async () => {
      const path = agendaPath(SAMPLE.stockportMarch2022, 'confidential');
      await expectProblem(path, 401, 'AUTH.UNAUTHENTICATED');
      await expectProblem(path, 403, 'AUTH.FORBIDDEN', t.tokens.officer);
      // An unknown edition is refused before the caller's role is weighed, with or without a token.
      await expectProblem(agendaPath(SAMPLE.stockportMarch2022, 'secret'), 400, 'REQUEST.INVALID');
      await expectProblem(
        agendaPath(SAMPLE.stockportMarch2022, 'secret'),
        400,
        'REQUEST.INVALID',
        t.tokens.member,
      );
    });
  });

  it('prints a notice in place of an exempt appendix in the public pack, and the appendix in the confidential one', async () => {
    const november = dataset.meetings.find((m) => m.meeting.id === SAMPLE.stockportNovember2021);
    const appendixTexts = (november?.agendaItems ?? [])
      .flatMap((item) => item.documents)
      .filter((doc) => doc.exemption !== null)
      .flatMap((doc) =>
        doc.content.kind === 'sections'
          ? doc.content.sections.flatMap((s) => s.paragraphs)
          : doc.content.kind === 'table'
            ? [doc.content.caption]
            : [],
      )
      .filter((text) => text.length >= 40);
    expect(appendixTexts.length).toBeGreaterThan(0);
    const publicText = everythingIn(
      await parsePdf(
        (await fetchPdf(agendaPath(SAMPLE.stockportNovember2021)).expect(200)).body as Buffer,
      ),
    );
    const confidentialText = everythingIn(
      await parsePdf(
        (
          await fetchPdf(
            agendaPath(SAMPLE.stockportNovember2021, 'confidential'),
            t.tokens.member,
          ).expect(200)
        ).body as Buffer,
      ),
    );
    expect(publicText).toMatch(/not for publication/i);
    expect(appendixTexts.filter((p) => isIn(publicText, p))).toEqual([]);
    expect(appendixTexts.filter((p) => !isIn(confidentialText, p))).toEqual([]);
  }, 60_000);

  it('hides an unpublished meeting from anonymous callers (404) and serves its pack to a clerk', async () => {
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ id: 'documents-unpublished', committeeId: SAMPLE.committee, date: '2031-02-11' })
      .expect(201);
    await expectProblem(agendaPath('documents-unpublished'), 404, 'RESOURCE.NOT_FOUND');
    const pack = await fetchPdf(agendaPath('documents-unpublished'), t.tokens.clerk).expect(200);
    const text = everythingIn(await parsePdf(pack.body as Buffer));
    expect(text).toContain('Public Document Pack');
    expect(text).toContain('11 February 2031');
    await expectProblem(
      '/api/v1/meetings/documents-unpublished/minutes.pdf',
      404,
      'RESOURCE.NOT_FOUND',
      t.tokens.clerk,
    );
  }, 60_000);

  it('answers 404 problem+json for a meeting or report that does not exist', async () => {
    await expectProblem(agendaPath('no-such-meeting'), 404, 'RESOURCE.NOT_FOUND');
    await expectProblem(agendaPath('no-such-meeting'), 404, 'RESOURCE.NOT_FOUND', t.tokens.clerk);
    await expectProblem('/api/v1/meetings/no-such-meeting/minutes.pdf', 404, 'RESOURCE.NOT_FOUND');
    await expectProblem('/api/v1/reports/no-such-report.pdf', 404, 'RESOURCE.NOT_FOUND');
  });

  it('prints West Sussex minute 33 with paragraphs 33.1 to 33.6 and its resolution, for anyone', async () => {
    const response = await fetchPdf(
      `/api/v1/meetings/${SAMPLE.westSussexNovember2021}/minutes.pdf`,
    ).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await parsePdf(response.body as Buffer);
    const text = pdf.pages.join('\n');
    for (const ref of ['33.1', '33.2', '33.3', '33.4', '33.5', '33.6']) {
      expect(text).toMatch(new RegExp(`(^|\\s)${ref.replace('.', '\\.')}\\s`, 'm'));
    }
    // West Sussex's own lead (its authority style), never Stockport's casing.
    expect(text).toContain('33.6 Resolved – That the Committee:');
    expect(text).not.toContain('RESOLVED');
    // In reading order: 33.1 comes before 33.6.
    expect(text.indexOf('33.1')).toBeLessThan(text.indexOf('33.6'));
  }, 60_000);

  it('leaves the exempt minute out of the minutes PDF, even for a clerk', async () => {
    const march = dataset.meetings.find((m) => m.meeting.id === SAMPLE.stockportMarch2022);
    const exemptMinute = march?.minutes?.minutes.find((m) => m.exemption !== null);
    expect(exemptMinute).toBeDefined();
    const minutePassages = (exemptMinute?.blocks ?? [])
      .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
      .filter((text) => text.length >= 40);
    expect(minutePassages.length).toBeGreaterThan(0);
    for (const token of [undefined, t.tokens.clerk]) {
      const response = await fetchPdf(
        `/api/v1/meetings/${SAMPLE.stockportMarch2022}/minutes.pdf`,
        token,
      ).expect(200);
      const text = everythingIn(await parsePdf(response.body as Buffer));
      expect(text).toContain('considered in private');
      expect(passages.filter((p) => isIn(text, p))).toEqual([]);
    }
  }, 60_000);

  it('streams a performance report with its title, the same bytes each time', async () => {
    const report = dataset.performanceReports.find((r) => r.id === sampleIds.cfseQ3Update2021);
    expect(report).toBeDefined();
    const path = `/api/v1/reports/${sampleIds.cfseQ3Update2021}.pdf`;
    const first = await fetchPdf(path).expect(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(
      `inline; filename="${sampleIds.cfseQ3Update2021}.pdf"`,
    );
    const pdf = await parsePdf(first.body as Buffer);
    // The standalone PPRR's title names its portfolio (issue 9), then the report's stored title.
    const portfolio = dataset.portfolios.find((p) => p.code === report?.portfolioCode);
    expect(pdf.metadata.title).toBe(`${portfolio?.name}: ${report?.title}`);
    expect(collapse(pdf.pages.join('\n'))).toContain(collapse(report?.title ?? '-').slice(0, 50));
    const second = await fetchPdf(path).expect(200);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
  }, 60_000);

  it('keeps serving when a client hangs up in the middle of a pack', async () => {
    // The client reads the first chunk and destroys its socket; the renderer must run out, not stall.
    const firstChunk = await new Promise<number>((resolve) => {
      void t
        .http()
        .get(agendaPath(SAMPLE.stockportMarch2022, 'confidential'))
        .set(bearer(t.tokens.clerk))
        .buffer(true)
        .parse(((response: Response, callback: (error: Error | null, body: unknown) => void) => {
          response.once('data', (chunk: Buffer) => {
            resolve(chunk.length);
            (response as unknown as { destroy: () => void }).destroy();
            callback(null, null);
          });
        }) as never)
        .then(
          () => undefined,
          () => undefined,
        );
    });
    expect(firstChunk).toBeGreaterThan(0);
    const after = await fetchPdf(agendaPath(SAMPLE.stockportMarch2022)).expect(200);
    expect((after.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
