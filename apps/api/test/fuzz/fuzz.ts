/**
 * The fuzzer: reads the OpenAPI document the app serves, makes requests for every operation from
 * fast-check arbitraries (arbitraries.ts) with a fixed seed, sends them to a real HTTP server and
 * reports every answer that breaks the rules: a 5xx, an error that is not a problem document
 * (application/problem+json with type, title and status), a stack trace or SQL text in a body.
 */
import fc from 'fast-check';
import {
  deepJson,
  resolver,
  valueFor,
  type Context,
  type Document,
  type Json,
} from './arbitraries.js';

export type FuzzRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
};
export type Violation = {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly why: string;
  readonly body: string;
};
export type FuzzReport = {
  readonly requests: number;
  readonly byStatus: Record<number, number>;
  readonly violations: readonly Violation[];
  readonly milliseconds: number;
};
export type FuzzOptions = {
  readonly baseUrl: string;
  /** Bearer tokens to send (the run also sends none, and a bogus one). */
  readonly tokens: readonly string[];
  readonly requests: number;
  readonly seed: number;
  readonly concurrency?: number;
};

const STACK = /\n\s+at \S+ \(|\bat (?:async )?\S+ \(?(?:file:\/\/|\/)\S+:\d+:\d+|node_modules\//;
const SQL =
  /\b(?:SELECT\s+\S[\s\S]*\bFROM\b|INSERT INTO|UPDATE\s+"?\w+"?\s+SET|DELETE FROM|QueryFailedError|SQLITE_[A-Z]|syntax error at or near|violates (?:unique|foreign key) constraint|duplicate key value)/;

/** What is wrong with one answer, or null. */
export const violationOf = (status: number, contentType: string, body: string): string | null => {
  if (status >= 500) return `status ${status}`;
  const text = /json|text|html|xml/.test(contentType);
  if (text && STACK.test(body)) return 'a stack trace in the body';
  if (text && SQL.test(body)) return 'SQL text in the body';
  if (status >= 400) {
    if (!contentType.startsWith('application/problem+json'))
      return `error as ${contentType || 'no content type'}`;
    let problem: Json;
    try {
      problem = JSON.parse(body) as Json;
    } catch {
      return 'error body is not JSON';
    }
    if (typeof problem['type'] !== 'string' || typeof problem['title'] !== 'string') {
      return 'problem without type/title';
    }
    if (problem['status'] !== status)
      return `problem status ${String(problem['status'])} ≠ ${status}`;
  }
  return null;
};

/** `encodeURIComponent`, except that a lone surrogate is sent as its (invalid) UTF-8 bytes. */
const encodeSegment = (value: string): string =>
  Array.from(value)
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      }
      return encodeURIComponent(char);
    })
    .join('');

type Operation = { method: string; path: string; spec: Json };

const operationsOf = (document: Document): Operation[] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, spec]) => ({ method: method.toUpperCase(), path, spec })),
  );

/** Ids the seeded data really has (every `id`/`code`/`number` a list returns), so paths reach rows. */
const knownIds = async (
  baseUrl: string,
  token: string,
  operations: Operation[],
): Promise<string[]> => {
  const ids = new Set<string>(['x', '0', 'does-not-exist']);
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (
          ['id', 'code', 'number', 'meetingId', 'memberId'].includes(key) &&
          (typeof item === 'string' || typeof item === 'number')
        ) {
          ids.add(String(item));
        } else collect(item);
      }
    }
  };
  for (const op of operations) {
    if (op.method !== 'GET' || op.path.includes('{')) continue;
    const response = await fetch(`${baseUrl}${op.path}?limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if ((response.headers.get('content-type') ?? '').includes('json'))
      collect(await response.json());
  }
  return [...ids];
};

const requestFor = (
  context: Context,
  op: Operation,
  tokens: readonly string[],
): fc.Arbitrary<FuzzRequest> => {
  const { document, hostile, ids } = context;
  const resolve = resolver(document);
  const parameters = ((op.spec['parameters'] ?? []) as Json[]).map(resolve);
  const pathParameters = parameters.filter((p) => p['in'] === 'path');
  const queryParameters = parameters.filter((p) => p['in'] === 'query');
  const segment = (schema: unknown) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ids) },
      {
        weight: 2,
        arbitrary: valueFor(context, schema).map((v) =>
          typeof v === 'string' ? v : (JSON.stringify(v) ?? 'x'),
        ),
      },
      {
        weight: hostile ? 2 : 0,
        arbitrary: fc.constantFrom('%', '..', 'a/b', ' ', '\u0000', '\ud800', 'x'.repeat(5000)),
      },
    );
  const path = fc
    .tuple(...pathParameters.map((p) => segment(p['schema'])))
    .map((values) =>
      pathParameters.reduce(
        (built, p, i) =>
          built.replace(
            `{${String(p['name'])}}`,
            values[i] === '%' ? '%' : encodeSegment(values[i] as string),
          ),
        op.path,
      ),
    );
  const query = fc
    .tuple(...queryParameters.map((p) => fc.option(valueFor(context, p['schema']), { freq: 2 })))
    .map((values) => {
      const search = new URLSearchParams();
      queryParameters.forEach((p, i) => {
        const value = values[i];
        if (value !== null && value !== undefined) {
          search.append(
            String(p['name']),
            typeof value === 'string' ? value : JSON.stringify(value),
          );
        }
      });
      return search.toString();
    });
  const content = ((op.spec['requestBody'] as Json | undefined)?.['content'] ?? {}) as Json;
  const schema = (content['application/json'] as Json | undefined)?.['schema'];
  const form = (content['multipart/form-data'] as Json | undefined)?.['schema'] as Json | undefined;
  const body: fc.Arbitrary<{ body?: string; type?: string }> =
    form !== undefined
      ? multipartBody(context, form, hostile)
      : schema === undefined
        ? fc.constant({})
        : fc.oneof(
            {
              weight: hostile ? 6 : 1,
              arbitrary: valueFor(context, schema).map((v) => ({
                body: JSON.stringify(v),
                type: 'application/json',
              })),
            },
            {
              weight: hostile ? 1 : 0,
              arbitrary: fc.constantFrom(70, 20_000).chain((d) =>
                fc.constantFrom('array', 'object').map((k) => ({
                  body: deepJson(d, k as 'array'),
                  type: 'application/json',
                })),
              ),
            },
            {
              weight: hostile ? 1 : 0,
              arbitrary: fc
                .constantFrom('{"a":', '[1,', 'nul', '{"a":1}}', '\u0000')
                .map((b) => ({ body: b, type: 'application/json' })),
            },
            {
              weight: hostile ? 1 : 0,
              arbitrary: fc
                .constantFrom(
                  'text/plain',
                  'application/x-www-form-urlencoded',
                  'application/xml',
                  'multipart/form-data; boundary=x',
                )
                .map((type) => ({ body: 'a=1&b=2', type })),
            },
            { weight: hostile ? 1 : 0, arbitrary: fc.constant({}) },
          );
  // Valid requests come from the first token (an admin's) mostly; hostile ones from anyone.
  const auth = fc.oneof(
    { weight: hostile ? 0 : 6, arbitrary: fc.constant(`Bearer ${tokens[0] ?? ''}`) },
    { weight: 4, arbitrary: fc.constantFrom(...tokens).map((t) => `Bearer ${t}`) },
    {
      weight: hostile ? 2 : 1,
      arbitrary: fc.constantFrom<string | null>(
        null,
        'Bearer nope',
        'Basic YTpi',
        'Bearer ' + 'x'.repeat(3000),
      ),
    },
  );
  const ifMatch = hostile
    ? fc.constantFrom<string | null>('"1"', '1', null, 'W/"1"', '*', '"99999999999"', 'garbage')
    : fc.constantFrom<string | null>('"1"', '"2"', '"1"');
  return fc
    .record({ path, query, body, auth, ifMatch })
    .map(({ path: p, query: q, body: b, auth: a, ifMatch: m }) => {
      const headers: Record<string, string> = {};
      if (a !== null) headers['authorization'] = a;
      if (m !== null && op.method !== 'GET') headers['if-match'] = m;
      if (b.type !== undefined) headers['content-type'] = b.type;
      return {
        method: op.method,
        path: q === '' ? p : `${p}?${q}`,
        headers,
        ...(b.body === undefined ? {} : { body: b.body }),
      };
    });
};

/** Files a fuzzed upload carries: none of them usable, a few nearly so. */
const FILE_SAMPLES = [
  '',
  'hello',
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
  '%PDF-',
  'PK\u0003\u0004\u0014\u0000\u0000\u0000garbage',
  'PK\u0005\u0006' + '\u0000'.repeat(18),
  '\u0089PNG\r\n\u001a\n',
  '<html><body>not a paper</body></html>',
];

/**
 * A multipart/form-data body for an operation whose OpenAPI request body is a form: each text
 * field (as its schema generates it, sent as text) present or not, and a file part or none.
 * Hostile bodies add unknown fields, a second file, a file under another name, or a body cut short.
 */
const multipartBody = (
  context: Context,
  form: Json,
  hostile: boolean,
): fc.Arbitrary<{ body?: string; type?: string }> => {
  const properties = (form['properties'] ?? {}) as Record<string, Json>;
  const fields = Object.entries(properties).filter(([, p]) => p['format'] !== 'binary');
  const files = Object.entries(properties)
    .filter(([, p]) => p['format'] === 'binary')
    .map(([name]) => name);
  const boundary = 'fuzzboundary7MA4YWxk';
  const part = (name: string, value: string, fileName?: string): string =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName === undefined ? '' : `; filename="${fileName}"`}\r\n${fileName === undefined ? '' : 'Content-Type: application/pdf\r\n'}\r\n${value}\r\n`;
  return fc
    .record({
      values: fc.tuple(
        ...fields.map(([, p]) => fc.option(valueFor(context, p), { freq: hostile ? 3 : 6 })),
      ),
      file: fc.option(fc.constantFrom(...FILE_SAMPLES), { freq: 8 }),
      extra: hostile
        ? fc.constantFrom<string | null>(null, 'unknown', 'file', 'other-file', 'cut')
        : fc.constant<string | null>(null),
    })
    .map(({ values, file, extra }) => {
      let text = fields
        .map(([name], i) => {
          const value = values[i];
          return value === null || value === undefined
            ? ''
            : part(name, typeof value === 'string' ? value : JSON.stringify(value));
        })
        .join('');
      if (file !== null) text += part(files[0] ?? 'file', file, 'paper.pdf');
      if (extra === 'unknown') text += part('colour', 'red');
      if (extra === 'file') text += part(files[0] ?? 'file', 'second', 'second.pdf');
      if (extra === 'other-file') text += part('attachment', 'x', 'x.pdf');
      text += extra === 'cut' ? `--${boundary}\r\nContent-Disp` : `--${boundary}--\r\n`;
      return { body: text, type: `multipart/form-data; boundary=${boundary}` };
    });
};

const MAX_HEADER_BYTES = 16 * 1024;
const headerBytes = (request: FuzzRequest): number =>
  request.path.length +
  Object.entries(request.headers).reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0);

const clip = (text: string): string =>
  text.length > 200 ? `${text.slice(0, 200)}…(${text.length})` : text;
/** A request as a report shows it: long values clipped. */
const shortened = (request: FuzzRequest): FuzzRequest => ({
  method: request.method,
  path: clip(request.path),
  headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, clip(v)])),
  ...(request.body === undefined ? {} : { body: clip(request.body) }),
});

/** Runs `requests` requests at the server and reports what it answered and what broke the rules. */
export const fuzz = async (options: FuzzOptions): Promise<FuzzReport> => {
  const started = Date.now();
  const document = (await (await fetch(`${options.baseUrl}/api/docs-json`)).json()) as Document;
  const operations = operationsOf(document);
  if (operations.length === 0) throw new Error('The OpenAPI document lists no operations');
  const ids = await knownIds(options.baseUrl, options.tokens[0] ?? '', operations);
  const arbitrary = fc.oneof(
    ...[false, true].flatMap((hostile) =>
      operations.map((op) => requestFor({ document, hostile, ids }, op, options.tokens)),
    ),
  );
  const requests = fc.sample(arbitrary, { seed: options.seed, numRuns: options.requests });
  const byStatus: Record<number, number> = {};
  const violations: Violation[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next] as FuzzRequest;
      next += 1;
      let status: number;
      let type: string;
      let text: string;
      try {
        const response = await fetch(`${options.baseUrl}${request.path}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          redirect: 'manual',
        });
        status = response.status;
        type = response.headers.get('content-type') ?? '';
        text = /pdf|octet|wordprocessingml/.test(type) ? '' : await response.text();
      } catch (error) {
        if (headerBytes(request) > MAX_HEADER_BYTES) {
          // Node refuses a request line and headers over 16 KB before the app sees them, and
          // answers with a 431 problem document (common/client-error.ts) that a client still
          // sending its oversized request may read as a reset instead.
          byStatus[431] = (byStatus[431] ?? 0) + 1;
          continue;
        }
        status = 599;
        type = '';
        text = `no answer: ${(error as Error).message} (${String((error as { cause?: unknown }).cause)})`;
      }
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const why = violationOf(status, type, text);
      if (why !== null)
        violations.push({
          request: shortened(request),
          status,
          why,
          body: text.slice(0, 300),
        });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return { requests: requests.length, byStatus, violations, milliseconds: Date.now() - started };
};
