import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../src/app.factory.js';
import { buildProgram } from '../src/cli/program.js';
import { configWith } from '../src/config/config.js';

// Pins a bug: `create-token` (or `migrate`) on a brand-new database migrated it without
// seeding, and the first start then took it for an existing database and never loaded the
// sample council. Driver-independent logic, so SQLite alone covers it.
describe('first start after the CLI has touched a new database [sqlite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-first-start-'));
  const path = join(dir, 'new.sqlite');
  let app: INestApplication;

  beforeAll(async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `sqlite:${path}`;
    try {
      await buildProgram({ out: () => undefined, err: () => undefined })
        .exitOverride()
        .parseAsync([
          'node',
          'scrutineer-api',
          'create-token',
          '--role',
          'clerk',
          '--name',
          'Clerk',
        ]);
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
    app = await createApp(configWith({ database: { kind: 'sqlite', path }, logLevel: 'silent' }));
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still loads the sample council, because the database holds no data yet', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/meetings').expect(200);
    expect((response.body as { total: number }).total).toBeGreaterThanOrEqual(3);
  });
});
