import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiRoot, getJson } from './api-source.js';
import { EXIT_CODES } from './cli-error.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

describe(getJson.name, () => {
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

  it('GETs under /api/v1 with the bearer token and parses the JSON', async () => {
    handler = answer(200, '{"id":"m1"}');
    await expect(getJson({ baseUrl, token: 'secret' }, 'meetings/m1/document')).resolves.toEqual({
      id: 'm1',
    });
    expect(seen).toEqual([{ url: '/api/v1/meetings/m1/document', authorization: 'Bearer secret' }]);
  });

  it('sends no authorization header without a token', async () => {
    handler = answer(200, '[]');
    await getJson({ baseUrl: `${baseUrl}/api/v1/`, token: null }, 'meetings');
    expect(seen).toEqual([{ url: '/api/v1/meetings', authorization: undefined }]);
  });

  it('returns null for 404 so the caller can say what was not found', async () => {
    handler = answer(404, '{"title":"Not Found"}', 'application/problem+json');
    await expect(getJson({ baseUrl, token: null }, 'meetings/x/document')).resolves.toBeNull();
  });

  it.each([
    [
      401,
      null,
      'The API needs a token for GET /api/v1/meetings (401 Unauthorized); pass --token or set SCRUTINEER_TOKEN: Token required.',
    ],
    [
      401,
      'bad',
      'The API refused the token for GET /api/v1/meetings (401 Unauthorized): Token required.',
    ],
    [
      403,
      'reader',
      'The token may not read GET /api/v1/meetings (403 Forbidden); the confidential edition needs a clerk or member token: Token required.',
    ],
    [
      500,
      'x',
      'The API answered GET /api/v1/meetings with 500 Internal Server Error: Token required.',
    ],
  ])('explains a %i answer with the problem detail', async (status, token, message) => {
    handler = answer(
      status,
      JSON.stringify({ title: 'Problem', detail: 'Token required' }),
      'application/problem+json',
    );
    await expect(getJson({ baseUrl, token }, 'meetings')).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message,
    });
  });

  it('says when the answer is not JSON', async () => {
    handler = answer(200, '<html>proxy login</html>', 'text/html');
    await expect(getJson({ baseUrl, token: null }, 'meetings')).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message: 'The API answered GET /api/v1/meetings with something that is not JSON.',
    });
  });

  it('says when nothing answers at that address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      getJson({ baseUrl: `http://127.0.0.1:${port}`, token: null }, 'meetings'),
    ).rejects.toMatchObject({
      exitCode: EXIT_CODES.apiError,
      message: `Cannot reach the API at http://127.0.0.1:${port}: ECONNREFUSED.`,
    });
  });

  it('gives up on an API that does not answer in time', async () => {
    handler = () => undefined; // never answers
    await expect(
      getJson({ baseUrl, token: null, timeoutMs: 100 }, 'meetings'),
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
