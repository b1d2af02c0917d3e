import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  type CouncilDataset,
  parseCouncilDataset,
  periodCode,
  reportedPeriod,
} from '@scrutineer/domain';
import { renderAgendaPack, renderMinutes, renderPerformanceReport } from '@scrutineer/reporter';
import { exemptPassages, loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { FILE_STORE, type FileStore } from '../src/files/file-store.js';
import { SAMPLE } from './support/documents.js';
import { fetchPdf } from './support/pdf.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const datasetPath = (id: string, edition?: string): string =>
  `/api/v1/meetings/${id}/dataset${edition === undefined ? '' : `?edition=${edition}`}`;

/** What the reporter draws from a data set, as bytes (the same data gives the same bytes). */
const draw = async (render: (out: NodeJS.WritableStream) => Promise<unknown>): Promise<Buffer> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await render(out);
  return Buffer.concat(chunks);
};

const MARCH = SAMPLE.stockportMarch2022;

describeEachDatabase('the dataset routes', (kind) => {
  let t: TestApp;
  let passages: string[];

  const getDataset = async (path: string, token?: string): Promise<CouncilDataset> => {
    const request = t.http().get(path);
    const response = await (token === undefined ? request : request.set(bearer(token)));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const parsed = parseCouncilDataset(response.body);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    return response.body as CouncilDataset;
  };

  const expectProblem = async (
    path: string,
    status: number,
    code: string,
    token?: string,
  ): Promise<void> => {
    const request = t.http().get(path);
    const response = await (token === undefined ? request : request.set(bearer(token)));
    expect({ path, status: response.status, code: response.body.code }).toEqual({
      path,
      status,
      code,
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  /** The attached files (the sample's papers), as the API's own renders read them. */
  const attachedFiles = {
    load: async (sha256: string): Promise<Uint8Array> => {
      const bytes = await t.app.get<FileStore>(FILE_STORE).get(t.dataSource.manager, sha256);
      if (bytes === null) throw new Error(`No file ${sha256}`);
      return bytes;
    },
  };
  const pdf = async (path: string, token?: string): Promise<Buffer> =>
    (await fetchPdf(t, path, token).expect(200)).body as Buffer;

  beforeAll(async () => {
    t = await createTestApp(kind);
    passages = exemptPassages(loadSampleCouncil());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves anyone the public edition of a meeting: the slice its agenda pack is drawn from', async () => {
    const dataset = await getDataset(datasetPath(MARCH));
    expect(dataset.meetings.map((document) => document.meeting.id)).toEqual([MARCH]);
    expect(dataset.committees.map((committee) => committee.id)).toEqual([SAMPLE.committee]);
    expect(dataset.authorities.map((authority) => authority.id)).toEqual(['stockport']);
    expect(dataset.members.length).toBeGreaterThan(3);
    // `?edition=public` is the default.
    expect(await getDataset(datasetPath(MARCH, 'public'))).toEqual(dataset);
  });

  it('withholds exempt content exactly as the public PDF does: drawn again, it gives the same bytes', async () => {
    const publicDataset = await getDataset(datasetPath(MARCH, 'public'));
    const text = JSON.stringify(publicDataset);
    expect(passages.filter((passage) => text.includes(passage))).toEqual([]);
    const exemptItem = publicDataset.meetings[0]?.agendaItems.find((i) => i.exemption !== null);
    expect(exemptItem).toMatchObject({ summary: null, documents: [], reportOf: [] });
    expect(
      await draw((out) => renderAgendaPack(publicDataset, MARCH, 'public', out, { attachedFiles })),
    ).toEqual(await pdf(`/api/v1/meetings/${MARCH}/agenda-pack.pdf`));
    expect(await draw((out) => renderMinutes(publicDataset, MARCH, out))).toEqual(
      await pdf(`/api/v1/meetings/${MARCH}/minutes.pdf`),
    );
  }, 60_000);

  it('gives clerks and members the confidential edition, with the exempt content the confidential PDF prints', async () => {
    const confidential = await getDataset(datasetPath(MARCH, 'confidential'), t.tokens.clerk);
    const text = JSON.stringify(confidential);
    expect(passages.filter((passage) => text.includes(passage)).length).toBeGreaterThanOrEqual(5);
    expect(await getDataset(datasetPath(MARCH, 'confidential'), t.tokens.member)).toEqual(
      confidential,
    );
    expect(
      await draw((out) =>
        renderAgendaPack(confidential, MARCH, 'confidential', out, { attachedFiles }),
      ),
    ).toEqual(
      await pdf(`/api/v1/meetings/${MARCH}/agenda-pack.pdf?edition=confidential`, t.tokens.clerk),
    );
  }, 60_000);

  it('carries the performance reports an agenda refers to, with what their PPRR needs', async () => {
    const dataset = await getDataset(datasetPath(SAMPLE.stockportNovember2021));
    expect(dataset.performanceReports.map((report) => report.id)).toEqual([
      sampleIds.cfseMidYear2021,
    ]);
    expect(dataset.portfolios.map((portfolio) => portfolio.code)).toContain('CFSE');
    expect(dataset.measures.length).toBeGreaterThan(3);
    expect(dataset.results.length).toBeGreaterThan(3);
    expect(dataset.agreements.length).toBeGreaterThan(0);
  });

  it('serves a whole, valid data set for every sample meeting in both editions and every sample report', async () => {
    const sample = loadSampleCouncil();
    for (const document of sample.meetings) {
      const id = document.meeting.id;
      await getDataset(datasetPath(id));
      const confidential = await getDataset(datasetPath(id, 'confidential'), t.tokens.clerk);
      expect(confidential.meetings).toHaveLength(1);
    }
    for (const report of sample.performanceReports) {
      await getDataset(`/api/v1/reports/${report.id}/dataset`);
    }
  });

  it('refuses the confidential edition: 401 without a token, 403 to an officer; 400 for an unknown edition', async () => {
    await expectProblem(datasetPath(MARCH, 'confidential'), 401, 'AUTH.UNAUTHENTICATED');
    await expectProblem(
      datasetPath(MARCH, 'confidential'),
      403,
      'AUTH.FORBIDDEN',
      t.tokens.officer,
    );
    for (const token of [undefined, t.tokens.clerk]) {
      await expectProblem(datasetPath(MARCH, 'secret'), 400, 'REQUEST.INVALID', token);
      await expectProblem(datasetPath(MARCH, ''), 400, 'REQUEST.INVALID', token);
    }
    const response = await t.http().get(datasetPath(MARCH, 'secret')).expect(400);
    expect(JSON.stringify(response.body)).toContain('edition');
  });

  it('answers 404 for an unknown meeting, and for an unpublished one to the public', async () => {
    await expectProblem(datasetPath('no-such-meeting'), 404, 'RESOURCE.NOT_FOUND');
    await expectProblem(
      datasetPath('no-such-meeting', 'confidential'),
      404,
      'RESOURCE.NOT_FOUND',
      t.tokens.clerk,
    );
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ id: 'dataset-unpublished', committeeId: SAMPLE.committee, date: '2031-02-11' })
      .expect(201);
    await expectProblem(datasetPath('dataset-unpublished'), 404, 'RESOURCE.NOT_FOUND');
    const clerkView = await getDataset(datasetPath('dataset-unpublished'), t.tokens.clerk);
    expect(clerkView.meetings[0]?.meeting.date).toBe('2031-02-11');
  });

  it('serves anyone the slice a performance report is drawn from; the PPRR drawn from it is the PDF', async () => {
    const id = sampleIds.cfseQ3Update2021;
    const dataset = await getDataset(`/api/v1/reports/${id}/dataset`);
    expect(dataset.performanceReports.map((report) => report.id)).toEqual([id]);
    expect(dataset.meetings).toEqual([]);
    expect(await draw((out) => renderPerformanceReport(dataset, id, out))).toEqual(
      await pdf(`/api/v1/reports/${id}.pdf`),
    );
    await expectProblem('/api/v1/reports/no-such-report/dataset', 404, 'RESOURCE.NOT_FOUND');
  }, 60_000);

  it('holds only the results its reports show, however many other periods are recorded (issue 11 item 6)', async () => {
    const path = datasetPath(SAMPLE.stockportNovember2021);
    const before = await getDataset(path);
    const shown = new Set(
      before.performanceReports.flatMap((report) =>
        before.measures
          .filter((m) => report.partOne.some((u) => u.measureCodes.includes(m.code)))
          .map((m) => `${m.code} ${periodCode(reportedPeriod(m, report.period))}`),
      ),
    );
    expect(before.results.length).toBeGreaterThan(3);
    for (const result of before.results)
      expect(shown).toContain(`${result.measureCode} ${periodCode(result.period)}`);
    // Twelve more quarters of a reported measure, none of them a period a report shows.
    const measureCode = before.results[0]?.measureCode ?? '';
    for (let i = 0; i < 12; i += 1) {
      await t
        .http()
        .post('/api/v1/results')
        .set(bearer(t.tokens.admin))
        .send({
          measureCode,
          period: {
            kind: 'quarter',
            year: `${2040 + Math.floor(i / 4)}/${41 + Math.floor(i / 4)}`,
            quarter: (i % 4) + 1,
          },
          value: 50 + i,
          status: 'actual',
          comparators: [],
          commentary: null,
        })
        .expect(201);
    }
    const after = await getDataset(path);
    expect(after.results).toEqual(before.results);
  }, 60_000);
});
