import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseCouncilDataset } from '@scrutineer/domain';
import { loadDatasetFromApi } from '../src/cli/api-source.js';
import { EXIT_CODES } from '../src/cli/cli-error.js';
import { main } from '../src/cli/main.js';
import { readPdf } from '../src/testing/read-pdf.js';

jest.setTimeout(60_000);

/**
 * Answers recorded from the real scrutineer-api (seeded with the sample council; see
 * `recordedFrom`), served over real HTTP with the API's paging and bearer-token check, so the
 * CLI's API client and its mapping back to the domain are tested against the API's shapes.
 */
const recording = JSON.parse(
  readFileSync(new URL('./fixtures/api-responses.json', import.meta.url), 'utf8'),
) as { responses: Record<string, unknown> };

const TOKEN = 'recorded-clerk-token';
const STOCKPORT_NOVEMBER = 'stockport-cfsc-2021-11-24';

type Tamper = (key: string, body: unknown) => unknown;

const startApi = async (tamper: Tamper = (_, body) => body) => {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return send(401, {
        title: 'A valid bearer token is required',
        status: 401,
        detail: 'The token is not valid or has been revoked.',
      });
    }
    const portfolio = url.searchParams.get('portfolio');
    const key =
      url.pathname.replace('/api/v1/', '') + (portfolio === null ? '' : `?portfolio=${portfolio}`);
    const recorded = recording.responses[key];
    if (recorded === undefined) return send(404, { title: 'Not Found', status: 404 });
    const body = tamper(key, recorded) as { items?: unknown[] };
    if (Array.isArray(body.items)) {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return send(200, {
        items: body.items.slice(offset, offset + limit),
        total: body.items.length,
        limit,
        offset,
      });
    }
    return send(200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

const run = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => append(chunk.toString()));
    return Object.assign(stream, { isTTY: false });
  };
  const code = await main(argv, {
    stdout: capture((text) => (stdout += text)),
    stderr: capture((text) => (stderr += text)),
  });
  return { code, stdout, stderr };
};

describe('scrutineer-pack --api', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scrutineer-cli-api-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('assembles a valid data set from the API, reading every page of each list', async () => {
    const api = await startApi();
    try {
      const byPages = await loadDatasetFromApi(
        { baseUrl: api.url, token: TOKEN, pageLimit: 3 },
        { kind: 'meeting', meetingId: STOCKPORT_NOVEMBER },
      );
      const whole = await loadDatasetFromApi(
        { baseUrl: api.url, token: TOKEN },
        { kind: 'meeting', meetingId: STOCKPORT_NOVEMBER },
      );
      expect(byPages).toEqual(whole);
      const parsed = parseCouncilDataset(whole);
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      expect(whole.meetings.map((document) => document.meeting.id)).toEqual([STOCKPORT_NOVEMBER]);
      expect(whole.performanceReports.map((report) => report.id)).toEqual([
        'stockport-cfse-2021-22-mid-year',
      ]);
      expect(whole.members.length).toBeGreaterThan(3);
      expect(whole.results.length).toBeGreaterThan(3);
    } finally {
      await api.close();
    }
  });

  it('writes the confidential pack of a meeting read from the API', async () => {
    const api = await startApi();
    try {
      const out = join(folder, 'pack.pdf');
      const result = await run(
        'agenda',
        '--meeting',
        STOCKPORT_NOVEMBER,
        '--edition',
        'confidential',
        '--api',
        api.url,
        '--token',
        TOKEN,
        '--out',
        out,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(EXIT_CODES.ok);
      const pdf = await readPdf(await readFile(out), { readFonts: false });
      expect(result.stdout).toBe(`Wrote ${out} (${pdf.pageCount} pages)\n`);
      const text = pdf.pages.join('\n');
      expect(text).toContain('Children & Families Scrutiny Committee');
      expect(text).toMatch(/NOT FOR PUBLICATION/i);
    } finally {
      await api.close();
    }
  });

  it('writes a performance report and West Sussex minutes read from the API', async () => {
    const api = await startApi();
    try {
      const report = await run(
        'report',
        '--report',
        'stockport-cfse-2021-22-q3',
        '--api',
        api.url,
        '--token',
        TOKEN,
        '--out',
        join(folder, 'q3.pdf'),
      );
      expect(report.code).toBe(EXIT_CODES.ok);
      const minutes = await run(
        'minutes',
        '--meeting',
        'west-sussex-cypssc-2021-11-17',
        '--api',
        api.url,
        '--token',
        TOKEN,
        '--out',
        join(folder, 'minutes.pdf'),
      );
      expect(minutes.code).toBe(EXIT_CODES.ok);
      const pdf = await readPdf(await readFile(join(folder, 'minutes.pdf')), { readFonts: false });
      expect(pdf.pages.join(' ')).toContain('33.1');
    } finally {
      await api.close();
    }
  });

  it.each([
    [
      ['--token', 'wrong'],
      EXIT_CODES.apiError,
      'The API refused the token for GET /api/v1/meetings/stockport-cfsc-2021-11-24/document (401 Unauthorized): The token is not valid or has been revoked.',
    ],
    [
      [],
      EXIT_CODES.apiError,
      'The API needs a token for GET /api/v1/meetings/stockport-cfsc-2021-11-24/document (401 Unauthorized); pass --token or set SCRUTINEER_TOKEN',
    ],
  ])('explains a refused request (%j) and writes nothing', async (tokenArgs, code, message) => {
    const api = await startApi();
    try {
      const result = await run(
        'agenda',
        '--meeting',
        STOCKPORT_NOVEMBER,
        '--api',
        api.url,
        ...tokenArgs,
        '--out',
        join(folder, 'pack.pdf'),
      );
      expect(result.code).toBe(code);
      expect(result.stderr).toContain(message);
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('says when the API has no such meeting or report', async () => {
    const api = await startApi();
    try {
      const meeting = await run(
        'agenda',
        '--meeting',
        'nope',
        '--api',
        api.url,
        '--token',
        TOKEN,
        '--out',
        join(folder, 'pack.pdf'),
      );
      expect(meeting).toMatchObject({
        code: EXIT_CODES.notFound,
        stderr: `scrutineer-pack: No meeting "nope" at ${api.url}.\n`,
      });
      const report = await run(
        'report',
        '--report',
        'nope',
        '--api',
        api.url,
        '--token',
        TOKEN,
        '--out',
        join(folder, 'r.pdf'),
      );
      expect(report).toMatchObject({
        code: EXIT_CODES.notFound,
        stderr: `scrutineer-pack: No performance report "nope" at ${api.url}.\n`,
      });
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('lists the problems, with JSON paths, when the API sends data that is not valid', async () => {
    const api = await startApi((key, body) =>
      key === `meetings/${STOCKPORT_NOVEMBER}/document`
        ? {
            ...(body as object),
            meeting: { ...(body as { meeting: object }).meeting, date: 'next Tuesday' },
          }
        : body,
    );
    try {
      const result = await run(
        'agenda',
        '--meeting',
        STOCKPORT_NOVEMBER,
        '--api',
        api.url,
        '--token',
        TOKEN,
        '--out',
        join(folder, 'pack.pdf'),
      );
      expect(result.code).toBe(EXIT_CODES.apiError);
      expect(result.stderr).toContain(
        `The data read from ${api.url} is not a valid council data set`,
      );
      expect(result.stderr).toContain('$.meetings[0].meeting.date');
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
