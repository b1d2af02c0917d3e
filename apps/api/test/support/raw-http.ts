import { request as httpRequest } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';

/** A response's status, headers and body bytes exactly as they came off the wire (no decoding). */
export type RawResponse = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
};

/**
 * A GET with node:http, which (unlike fetch or supertest) never decompresses, so a test sees the
 * bytes the server sent and decodes them itself.
 */
export const rawGet = (
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

/** Listens on a free loopback port (once) and returns the base URL. */
export const listenOnLoopback = async (app: INestApplication): Promise<string> => {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
};
