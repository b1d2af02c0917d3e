import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONNECTIONS_CHECKING_INTERVAL_MS } from '../src/app.factory.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const HEADERS_MS = 1500;
const REQUEST_MS = 3000;
const KEEP_ALIVE_MS = 800;
/** How late after its timeout a connection may still be cut (Node checks once a second), plus scheduling slack. */
const LATE_MS = CONNECTIONS_CHECKING_INTERVAL_MS + 700;

type Outcome = { readonly text: string; readonly closedAfterMs: number };

/**
 * Opens a raw socket, sends `first`, then `each` every `everyMs` until the server closes the
 * connection; resolves with what the server sent and when it closed (from the first byte sent).
 */
const trickle = (port: number, first: string, each: (i: number) => string, everyMs: number) =>
  new Promise<Outcome>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error('the server never closed the connection'));
    }, 20_000);
    socket.on('connect', () => {
      started = Date.now();
      socket.write(first);
      let i = 0;
      timer = setInterval(() => {
        if (socket.writable) socket.write(each((i += 1)));
      }, everyMs);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(guard);
      resolve({
        text: Buffer.concat(chunks).toString('utf8'),
        closedAfterMs: Date.now() - started,
      });
    });
  });

const problemOf = (text: string): Record<string, unknown> =>
  JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;

describe('slow clients are cut off (issue 11)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      config: {
        timeouts: { headersMs: HEADERS_MS, requestMs: REQUEST_MS, keepAliveMs: KEEP_ALIVE_MS },
      },
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => t?.close());

  it('closes a connection sending one header line a second at headersTimeout, with a 408 problem', async () => {
    const outcome = await trickle(
      port,
      'GET /api/v1/committees HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      (i) => `X-Slow-${i}: ${i}\r\n`,
      1000,
    );
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_MS - 100);
    expect(outcome.closedAfterMs).toBeLessThan(HEADERS_MS + LATE_MS);
    expect(outcome.text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(outcome.text).toContain('Content-Type: application/problem+json');
    expect(problemOf(outcome.text)).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT' });
    process.stdout.write(`slow headers cut off after ${outcome.closedAfterMs} ms\n`);
  });

  it('closes a connection trickling its body at requestTimeout', async () => {
    const outcome = await trickle(
      port,
      'POST /api/v1/committees HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      () => ' ',
      200,
    );
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_MS - 100);
    expect(outcome.closedAfterMs).toBeLessThan(REQUEST_MS + LATE_MS);
    expect(outcome.text).toMatch(/^HTTP\/1\.1 408 /);
    process.stdout.write(`slow body cut off after ${outcome.closedAfterMs} ms\n`);
  });

  it('closes an idle keep-alive connection after keepAliveTimeout', async () => {
    const outcome = await trickle(
      port,
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      () => '',
      10_000,
    );
    expect(outcome.text).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(KEEP_ALIVE_MS - 100);
    expect(outcome.closedAfterMs).toBeLessThan(KEEP_ALIVE_MS + LATE_MS);
  });

  it('still serves a client that sends its request promptly', async () => {
    expect((await t.http().get('/api/v1/committees')).status).toBe(200);
  });
});
