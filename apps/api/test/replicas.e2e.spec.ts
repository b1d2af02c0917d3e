// Two API processes and two render workers on one PostgreSQL and one Redis behave as one: a write
// through one API is read through the other, 20 packs asked for at once through both all arrive,
// each the bytes the embedded renderer draws from the same slice, while a worker is killed mid-job.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CouncilDataset } from '@scrutineer/domain';
import { packAttachedFiles } from '@scrutineer/reporter';
import { renderJob } from '@scrutineer/reporter/jobs';
import { SAMPLE } from './support/documents.js';
import { reportItem } from './support/meetings.js';
import {
  freshQueuePrefix,
  startWorkerProcess,
  testRedisUrl,
  type WorkerProcess,
} from './support/render-workers.js';
import { freshDatabase } from './support/test-app.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/scrutineer-api.js', import.meta.url));
const redisUrl = testRedisUrl();
const runs = redisUrl !== undefined && Boolean(process.env.TEST_DATABASE_URL);

type Api = { readonly base: string; readonly child: ChildProcess };

const startApi = async (env: Record<string, string>): Promise<Api> => {
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the API on ${base} did not start`);
};

(runs ? describe : describe.skip)(
  `two API processes and two render workers [postgres]${runs ? '' : ' SKIPPED: set TEST_DATABASE_URL and TEST_REDIS_URL to run it'}`,
  () => {
    let drop: () => Promise<void>;
    const apis: Api[] = [];
    const workers: WorkerProcess[] = [];
    let clerk: string;

    beforeAll(async () => {
      const database = await freshDatabase('postgres');
      drop = database.drop;
      const env = {
        DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '',
        REDIS_URL: redisUrl as string,
        RENDER_QUEUE_PREFIX: freshQueuePrefix(),
        RENDER_WAIT_MS: '60000',
        RENDER_ATTEMPTS: '3',
      };
      // One after the other: the first migrates and seeds the new database.
      apis.push(await startApi(env));
      apis.push(await startApi(env));
      for (let index = 0; index < 2; index += 1) {
        workers.push(
          await startWorkerProcess(env.REDIS_URL, env.RENDER_QUEUE_PREFIX, {
            RENDER_LOCK_MS: '1500',
          }),
        );
      }
      const made = spawnSync(
        process.execPath,
        [CLI, 'create-token', '--role', 'clerk', '--name', 'replicas'],
        {
          env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
          encoding: 'utf8',
        },
      );
      clerk = made.stdout.trim();
      expect(clerk).not.toBe('');
    }, 120_000);

    afterAll(async () => {
      for (const api of apis) api.child.kill('SIGTERM');
      for (const worker of workers) await worker.stop();
      await drop?.();
    });

    const auth = (): Record<string, string> => ({ Authorization: `Bearer ${clerk}` });

    /**
     * The files `edition` of the meeting's pack prints (the seed attaches the sample's papers), as
     * base64 by SHA-256, read through the API's own file route: the embedded renderer is given
     * their bytes and converts the Word documents itself, where the workers draw the conversions
     * the API stored at upload.
     */
    const attachedFiles = async (
      api: Api,
      dataset: CouncilDataset,
      meetingId: string,
      edition: 'public' | 'confidential',
    ): Promise<{ attachedFiles?: Record<string, string> }> => {
      const { pdfs, docx } = packAttachedFiles(dataset, meetingId, edition);
      const wanted = new Set([...pdfs, ...docx]);
      if (wanted.size === 0) return {};
      const page = (await (
        await fetch(`${api.base}/api/v1/meetings/${meetingId}/agenda-items?limit=100`, {
          headers: auth(),
        })
      ).json()) as {
        items: {
          id: string;
          documents: { id: string; content?: { kind: string; file?: { sha256: string } } }[];
        }[];
      };
      const files: Record<string, string> = {};
      for (const item of page.items)
        for (const document of item.documents) {
          const sha = document.content?.file?.sha256;
          if (sha === undefined || !wanted.has(sha) || sha in files) continue;
          const file = await fetch(
            `${api.base}/api/v1/agenda-items/${item.id}/documents/${document.id}/file`,
            { headers: auth() },
          );
          expect(file.status).toBe(200);
          files[sha] = Buffer.from(await file.arrayBuffer()).toString('base64');
        }
      expect(Object.keys(files).sort()).toEqual([...wanted].sort());
      return { attachedFiles: files };
    };

    it('reads through one API what was written through the other, pack included', async () => {
      const [a, b] = apis as [Api, Api];
      const id = 'cfsc-2031-01-15';
      const created = await fetch(`${a.base}/api/v1/meetings`, {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id,
          date: '2031-01-15',
          committeeId: SAMPLE.committee,
          startTime: '18:00',
          venue: 'Room 2',
        }),
      });
      expect(created.status).toBe(201);
      const item = await fetch(`${a.base}/api/v1/meetings/${id}/agenda-items`, {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: JSON.stringify(reportItem({ number: '1', order: 1, title: 'Heron wharf moorings' })),
      });
      expect(item.status).toBe(201);
      const read = await fetch(`${b.base}/api/v1/meetings/${id}/agenda-items`, { headers: auth() });
      expect(JSON.stringify(await read.json())).toContain('Heron wharf moorings');
      const pack = await fetch(`${b.base}/api/v1/meetings/${id}/agenda-pack.pdf`, {
        headers: auth(),
      });
      expect(pack.status).toBe(200);
      const dataset = (await (
        await fetch(`${b.base}/api/v1/meetings/${id}/dataset`, { headers: auth() })
      ).json()) as CouncilDataset;
      const expected = await renderJob({
        kind: 'agenda-pack',
        meetingId: id,
        edition: 'public',
        dataset,
      });
      expect(Buffer.from(await pack.arrayBuffer()).equals(expected)).toBe(true);
    });

    it('delivers 20 packs asked for at once through both APIs, correct, while a worker is killed mid-job', async () => {
      const meetings = [
        SAMPLE.stockportJune2021,
        SAMPLE.stockportNovember2021,
        SAMPLE.stockportMarch2022,
        SAMPLE.westSussexNovember2021,
        SAMPLE.flintshireJanuary2022,
      ];
      const asks = Array.from({ length: 20 }, (_, index) => ({
        api: apis[index % 2] as Api,
        meetingId: meetings[index % meetings.length] as string,
        edition: index % 4 < 2 ? 'public' : 'confidential',
      }));
      const responses = asks.map(async (ask) => {
        const response = await fetch(
          `${ask.api.base}/api/v1/meetings/${ask.meetingId}/agenda-pack.pdf?edition=${ask.edition}`,
          { headers: auth() },
        );
        return {
          ...ask,
          status: response.status,
          bytes: Buffer.from(await response.arrayBuffer()),
        };
      });
      const first = await Promise.race(
        workers.map((worker) => worker.waitFor(/^render [0-9a-f]{64} /).then(() => worker)),
      );
      first.child.kill('SIGKILL');
      const answered = await Promise.all(responses);
      expect(answered.map((answer) => answer.status)).toEqual(asks.map(() => 200));
      for (const answer of answered) {
        const dataset = (await (
          await fetch(
            `${answer.api.base}/api/v1/meetings/${answer.meetingId}/dataset?edition=${answer.edition}`,
            {
              headers: auth(),
            },
          )
        ).json()) as CouncilDataset;
        const edition = answer.edition as 'public' | 'confidential';
        const expected = await renderJob({
          kind: 'agenda-pack',
          meetingId: answer.meetingId,
          edition,
          dataset,
          ...(await attachedFiles(answer.api, dataset, answer.meetingId, edition)),
        });
        expect({
          ask: `${answer.meetingId} ${answer.edition}`,
          same: answer.bytes.equals(expected),
        }).toEqual({
          ask: `${answer.meetingId} ${answer.edition}`,
          same: true,
        });
      }
      const survivor = workers.find((worker) => worker !== first) as WorkerProcess;
      // The packs come back through Redis and can beat the survivor's log line through its pipe.
      await survivor.waitFor(/^rendered /);
    }, 120_000);
  },
);
