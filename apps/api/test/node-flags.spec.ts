import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/*
 * The API's V8 flags (bin/node-flags.mjs) are the ones every way of starting it uses, and they
 * take effect: the soak measured the memory of a process started with them (docs/benchmarks.md).
 */
const api = join(dirname(fileURLToPath(import.meta.url)), '..');
type NodeFlags = {
  readonly API_HEAP_MIB: number;
  readonly apiNodeFlags: (env?: Record<string, string | undefined>) => string[];
};
const load = async (): Promise<NodeFlags> =>
  (await import(join(api, 'bin/node-flags.mjs'))) as NodeFlags;

describe("the API process's V8 flags", () => {
  it('cap the old generation, unless NODE_OPTIONS already sets its size', async () => {
    const { API_HEAP_MIB, apiNodeFlags } = await load();
    expect(apiNodeFlags({})).toEqual([`--max-old-space-size=${API_HEAP_MIB}`]);
    expect(apiNodeFlags({ NODE_OPTIONS: '--max-old-space-size=1024' })).toEqual([]);
  });

  it('are the ones `npm start -w @scrutineer/api`, `npm start` and the soak start it with', async () => {
    const { apiNodeFlags } = await load();
    const pkg = JSON.parse(readFileSync(join(api, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe(`node ${apiNodeFlags({}).join(' ')} dist/main.js`);
    for (const starter of ['../../scripts/start.mjs', 'bench/soak.mjs']) {
      const source = readFileSync(join(api, starter), 'utf8');
      expect(source).toMatch(/\.\.\.apiNodeFlags\(\)/);
    }
  });

  it('take effect: a process started with them has a heap limit of that size', async () => {
    const { API_HEAP_MIB, apiNodeFlags } = await load();
    const limitMiB = (flags: string[]): number =>
      Number(
        spawnSync(
          process.execPath,
          [...flags, '-e', 'console.log(require("v8").getHeapStatistics().heap_size_limit)'],
          { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
        ).stdout,
      ) /
      2 ** 20;
    const capped = limitMiB(apiNodeFlags({}));
    // The limit is the old generation plus the young one (a few tens of MiB).
    expect(capped).toBeGreaterThanOrEqual(API_HEAP_MIB);
    expect(capped).toBeLessThan(API_HEAP_MIB + 100);
    expect(limitMiB([])).toBeGreaterThan(capped);
  });
});
