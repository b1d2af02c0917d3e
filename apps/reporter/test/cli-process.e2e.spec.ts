import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENDA_PACK_PRESET, buildSyntheticCouncil } from '@scrutineer/sample-council/synthetic';
import { EXIT_CODES } from '../src/cli/cli-error.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(packageRoot, 'bin', 'scrutineer-pack.js');

/**
 * The bin runs the compiled CLI. turbo builds the package before its tests
 * (`test` depends on `build`); run `npm run build -w @scrutineer/reporter` first when
 * calling jest by hand.
 */
beforeAll(() => {
  expect(existsSync(join(packageRoot, 'dist', 'cli', 'main.js'))).toBe(true);
});

describe('scrutineer-pack (the installed command)', () => {
  let folder: string;
  let councilPath: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scrutineer-bin-'));
    councilPath = join(folder, 'council.json');
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const runBin = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints its help and exits 0', () => {
    const result = runBin('--help');
    expect(result.status).toBe(EXIT_CODES.ok);
    expect(result.stdout).toContain('Usage: scrutineer-pack');
    expect(result.stdout).toContain('Exit codes:');
  });

  // mkdir(…, { recursive: true }) spun for ever here (Node 20); a child process with a time limit,
  // because a spin inside the test's own process would defeat jest's timeout.
  it('fails at once, with the documented code, for an output folder under /proc', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [bin, 'sample', '--out-dir', '/proc/nope/out'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect({ status: result.status, signal: result.signal }).toEqual({
      status: EXIT_CODES.unwritable,
      signal: null,
    });
    expect(result.stderr).toContain('Cannot create /proc/nope/out:');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('exits with the documented code for an unknown meeting, and writes nothing', async () => {
    await writeFile(
      councilPath,
      JSON.stringify(
        buildSyntheticCouncil({ ...AGENDA_PACK_PRESET, portfolios: 1, measuresPerPortfolio: 4 })
          .dataset,
      ),
    );
    const result = runBin(
      'agenda',
      '--meeting',
      'nope',
      '--input',
      councilPath,
      '--out',
      join(folder, 'pack.pdf'),
    );
    expect(result.status).toBe(EXIT_CODES.notFound);
    expect(result.stderr).toContain('No meeting "nope"');
    expect(await readdir(folder)).toEqual(['council.json']);
  });

  it.each([
    ['Ctrl-C', 'SIGINT'],
    ['kill', 'SIGTERM'],
    ['the terminal closing', 'SIGHUP'],
  ] as const)(
    'leaves no partial file when stopped by %s (%s) in the middle of a long pack',
    async (_, signal) => {
      // The reporter bench's ~300-page pack: long enough to interrupt while it is written.
      const { dataset, meetingId } = buildSyntheticCouncil(AGENDA_PACK_PRESET);
      await writeFile(councilPath, JSON.stringify(dataset));
      const child = spawn(process.execPath, [
        bin,
        'agenda',
        '--meeting',
        meetingId,
        '--input',
        councilPath,
        '--out',
        join(folder, 'pack.pdf'),
      ]);
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_, signal) => resolve(signal)),
      );
      let hasExited = false;
      void exited.then(() => (hasExited = true));
      try {
        // Wait until the temporary file exists and has content: the pack is being written. By a
        // deadline, not a count of polls: on a loaded machine the child takes tens of seconds to
        // get there.
        const partialFile = async (): Promise<boolean> => {
          for (const name of await readdir(folder)) {
            if (!name.endsWith('.tmp')) continue;
            const size = await stat(join(folder, name)).then(
              (file) => file.size,
              () => 0,
            );
            if (size > 0) return true;
          }
          return false;
        };
        let sawPartialFile = false;
        for (const deadline = Date.now() + 90_000; Date.now() < deadline && !hasExited;) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          sawPartialFile = await partialFile();
          if (sawPartialFile) break;
        }
        expect(sawPartialFile).toBe(true);
        child.kill(signal);
        expect(await exited).toBe(signal);
        expect(await readdir(folder)).toEqual(['council.json']);
      } finally {
        if (!hasExited) child.kill('SIGKILL');
      }
    },
    150_000,
  );
});
