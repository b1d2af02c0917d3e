import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiRoot, fetchDataset, type DatasetScope } from './api-source.js';
import { EXIT_CODES } from './cli-error.js';

/**
 * What a running API cannot easily be made to do (answer a proxy's HTML page, a 500, nothing at
 * all), over real HTTP. The CLI against the real API is tested in apps/api/test/reporter-cli.e2e.spec.ts.
 */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const PUBLIC: DatasetScope = { kind: 'meeting', meetingId: 'm1', edition: 'public' };
const CONFIDENTIAL: DatasetScope = { kind: 'meeting', meetingId: 'm1', edition: 'confidential' };
const REPORT: DatasetScope = { kind: 'report', reportId: 'r 1' };

describe(fetchDataset.name, () => {
  let server: Server;
  let baseUrl: string;
  let handler: Handler;
  const seen: { url: string | undefined; authorization: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization });
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const answer =
    (status: number, body: string, type = 'application/json'): Handler =>
    (_, response) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };

  it('GETs the dataset route under /api/v1 with the bearer token and parses the JSON', async () => {
    handler = answer(200, '{"schemaVersion":1}');
    await expect(fetchDataset({ baseUrl, token: 'secret' }, CONFIDENTIAL)).resolves.toEqual({
      schemaVersion: 1,
    });
    expect(seen).toEqual([
      { url: '/api/v1/meetings/m1/dataset?edition=confidential', authorization: 'Bearer secret' },
    ]);
  });

  it('asks for the public edition and a report with no token, sending no authorization header', async () => {
    handler = answer(200, '{}');
    await fetchDataset({ baseUrl: `${baseUrl}/api/v1/`, token: null }, PUBLIC);
    await fetchDataset({ baseUrl, token: null }, REPORT);
    expect(seen).toEqual([
      { url: '/api/v1/meetings/m1/dataset?edition=public', authorization: undefined },
      { url: '/api/v1/reports/r%201/dataset', authorization: undefined },
    ]);
  });

  it('refuses the confidential edition without a token before asking the API', async () => {
    await expect(fetchDataset({ baseUrl, token: null }, CONFIDENTIAL)).rejects.toMatchObject({
      exitCode: EXIT_CODES.usage,
      message:
        'The confidential edition holds exempt information: pass a clerk or member token with --token or SCRUTINEER_TOKEN (the public edition needs none).',
    });
    expect(seen).toEqual([]);
  });

  it.each([
    [
      401,
      'bad',
      'The API refused the token for GET /api/v1/meetings/m1/dataset (401 Unauthorized): Token revoked.',
    ],
    [
      403,
      'officer',
      'The token may not read GET /api/v1/meetings/m1/dataset (403 Forbidden): Token revoked.',
    ],
    [
      500,
      'x',
      'The API answered GET /api/v1/meetings/m1/dataset with 500 Internal Server Error: Token revoked.',
    ],
  ])('explains a %i answer with the problem detail', async (status, token, message) => {
    handler = answer(
      status,
      JSON.stringify({ title: 'Problem', detail: 'Token revoked.' }),
      'application/problem+json',
    );
    await expect(fetchDataset({ baseUrl, token }, CONFIDENTIAL)).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message,
    });
  });

  it('says what a 403 without a problem body means', async () => {
    handler = answer(403, '', 'text/plain');
    await expect(fetchDataset({ baseUrl, token: 'x' }, CONFIDENTIAL)).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message:
        'The token may not read GET /api/v1/meetings/m1/dataset (403 Forbidden); the confidential edition needs a clerk or member token.',
    });
  });

  it('says when the API is too old to have the dataset route', async () => {
    handler = answer(404, JSON.stringify({ status: 404, code: 'ROUTE.NOT_FOUND' }));
    await expect(fetchDataset({ baseUrl, token: null }, PUBLIC)).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message: `The API at ${baseUrl} has no GET /api/v1/meetings/m1/dataset (404 Not Found): it is older than this scrutineer-pack, which reads the dataset routes.`,
    });
  });

  it('says when the answer is not JSON', async () => {
    handler = answer(200, '<html>proxy login</html>', 'text/html');
    await expect(fetchDataset({ baseUrl, token: null }, PUBLIC)).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message:
        'The API answered GET /api/v1/meetings/m1/dataset with something that is not JSON (text/html).',
    });
  });

  it('says when nothing answers at that address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      fetchDataset({ baseUrl: `http://127.0.0.1:${port}`, token: null }, PUBLIC),
    ).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message: `Cannot reach the API at http://127.0.0.1:${port}: ECONNREFUSED.`,
    });
  });

  it('gives up on an API that does not answer in time', async () => {
    handler = () => undefined; // never answers
    await expect(
      fetchDataset({ baseUrl, token: null, timeoutMs: 100 }, PUBLIC),
    ).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message: `Cannot reach the API at ${baseUrl}: no answer within the time limit.`,
    });
  });
});

describe(apiRoot.name, () => {
  it.each([
    'http://host:3000',
    'http://host:3000/',
    'http://host:3000/api/v1',
    'http://host:3000/api/v1/',
  ])('reads %s as the API at http://host:3000/api/v1/', (url) =>
    expect(apiRoot(url).href).toBe('http://host:3000/api/v1/'),
  );

  it('keeps a path prefix in front of /api/v1', () => {
    expect(apiRoot('https://council.example/scrutineer').href).toBe(
      'https://council.example/scrutineer/api/v1/',
    );
  });

  it.each(['not a url', 'ftp://host/'])('rejects %s as a usage error', (url) => {
    expect(() => apiRoot(url)).toThrow(expect.objectContaining({ exitCode: EXIT_CODES.usage }));
  });
});
