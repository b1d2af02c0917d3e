import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_CSP, DOCS_CSP, HSTS } from '../src/security/headers.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

const policy = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');

/** The headers every response carries, whatever it is. */
const expectCommonHeaders = (headers: Record<string, string | undefined>): void => {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-powered-by']).toBeUndefined();
};

describeEachDatabase('security headers (issue 11)', (kind) => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    proxied = await createTestApp(kind, { config: { trustProxy: 1 } });
  });
  afterAll(async () => {
    await t?.close();
    await proxied?.close();
  });

  it('sends a strict CSP, nosniff, DENY and no-referrer on API answers, problems included', async () => {
    const answers = [
      await t.http().get('/api/v1/committees'),
      await t.http().get('/api/v1/committees').set(bearer(t.tokens.clerk)),
      await t.http().get('/api/v1/no-such-route'),
      await t.http().post('/api/v1/committees').send({}),
      await t.http().get('/api/v1/committees').set(bearer('not-a-token')),
      await t.http().get('/api/docs-json'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 401, 401, 200]);
    for (const answer of answers) {
      expectCommonHeaders(answer.headers);
      expect(answer.headers['content-security-policy']).toBe(policy(API_CSP));
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS only over TLS, which behind a proxy it knows only with TRUST_PROXY', async () => {
    const viaTls = { 'X-Forwarded-Proto': 'https' };
    expect(
      (await t.http().get('/api/v1/committees').set(viaTls)).headers['strict-transport-security'],
    ).toBeUndefined();
    const trusted = await proxied.http().get('/api/v1/committees').set(viaTls);
    expect(trusted.headers['strict-transport-security']).toBe(HSTS);
    const plain = await proxied
      .http()
      .get('/api/v1/committees')
      .set({ 'X-Forwarded-Proto': 'http' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves Swagger UI under its own CSP, with every script and stylesheet it names, and no inline script', async () => {
    const page = await t.http().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expectCommonHeaders(page.headers);
    expect(page.headers['content-security-policy']).toBe(policy(DOCS_CSP));
    const html = page.text;
    // script-src 'self' runs no inline script: every <script> must load a file.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    const assets = [
      ...scripts.map(([, attributes = '']) => /src="([^"]+)"/.exec(attributes)?.[1]),
      ...[...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
    ];
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      const url = new URL(asset ?? '', 'http://x/api/docs').pathname;
      const answer = await t.http().get(url);
      expect([url, answer.status]).toEqual([url, 200]);
      expect(answer.headers['content-type']).toMatch(
        url.endsWith('.css') ? /text\/css/ : /javascript/,
      );
      expect(String(answer.text ?? answer.body).length).toBeGreaterThan(100);
    }
  });
});

const CHROMIUM = '/usr/bin/chromium';
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

/** Loads a page in headless Chromium: the rendered DOM and the CSP violations it logged. */
const render = async (url: string): Promise<{ dom: string; violations: string[] }> => {
  const { stdout, stderr } = await promisify(execFile)(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-logging=stderr',
      '--v=0',
      '--virtual-time-budget=15000',
      '--dump-dom',
      url,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 100_000_000 },
  );
  return {
    dom: stdout,
    violations: stderr
      .split('\n')
      .filter((line) => /CONSOLE/.test(line) && /Content Security Policy/.test(line)),
  };
};

/**
 * A proxy in front of the app that swaps the CSP for another: the planted violation that shows
 * the browser check sees a policy that breaks the page.
 */
const cspSwappingProxy = async (target: number, csp: string): Promise<Server> => {
  const server = createServer((incoming, outgoing) => {
    const forward = httpRequest(
      {
        host: '127.0.0.1',
        port: target,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, {
          ...answer.headers,
          'content-security-policy': csp,
        });
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
};

describeWithBrowser('Swagger UI in a browser under its CSP (Chromium)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => t?.close());

  it('renders every operation with no CSP violation', async () => {
    const { dom, violations } = await render(`http://127.0.0.1:${port}/api/docs`);
    expect(violations).toEqual([]);
    const operations = (dom.match(/class="opblock-summary /g) ?? []).length;
    const documented = Object.values(
      (await t.http().get('/api/docs-json')).body.paths as Record<string, object>,
    ).reduce((sum, operationsOfPath) => sum + Object.keys(operationsOfPath).length, 0);
    expect(operations).toBe(documented);
  }, 120_000);

  it('sees the violations of a policy that breaks the page (planted)', async () => {
    const strict = policy({ ...DOCS_CSP, 'script-src': ["'none'"] });
    const proxy = await cspSwappingProxy(port, strict);
    try {
      const { port: proxyPort } = proxy.address() as AddressInfo;
      const { dom, violations } = await render(`http://127.0.0.1:${proxyPort}/api/docs`);
      expect(violations.length).toBeGreaterThan(0);
      expect(dom).not.toMatch(/class="opblock-summary /);
    } finally {
      await new Promise((done) => proxy.close(done));
    }
  }, 120_000);
});
