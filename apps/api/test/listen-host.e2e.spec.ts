import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from '@jest/globals';
import { listen } from '../src/app.factory.js';
import { loadConfig } from '../src/config/config.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(3000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** This machine's first non-loopback IPv4 address, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address;
const itWithOutsideAddress = outsideAddress === undefined ? it.skip : it;

describe('the address the API listens on (issue 11)', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is 127.0.0.1 when HOST is unset, and says how to reach it', async () => {
    t = await createTestApp('sqlite');
    const config = { ...loadConfig({}), port: 0 };
    const url = await listen(t.app, config);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(url).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    if (outsideAddress !== undefined) expect(await accepts(outsideAddress, port)).toBe(false);
  });

  itWithOutsideAddress('is every interface with HOST=0.0.0.0 (containers)', async () => {
    t = await createTestApp('sqlite');
    const url = await listen(t.app, { ...loadConfig({ HOST: '0.0.0.0' }), port: 0 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(url).port);
    expect(await accepts(outsideAddress ?? '', port)).toBe(true);
    expect(await accepts('127.0.0.1', port)).toBe(true);
  });
});
