import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

const root = new URL('../../../../', import.meta.url);
const read = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, root), 'utf8')) as Record<string, unknown>;

/** Lock paths of packages that are prebuilt native binaries or install one (ADR015). */
export const prebuiltEntries = (lock: { packages?: Record<string, unknown> }): string[] =>
  Object.keys(lock.packages ?? {}).filter((path) =>
    /(^|\/)(@msgpackr-extract\/|msgpackr-extract$)/.test(path),
  );

describe('the render queue installs no prebuilt binary (ADR015)', () => {
  it('finds a planted msgpackr-extract entry', () => {
    expect(
      prebuiltEntries({
        packages: {
          'node_modules/msgpackr': {},
          'node_modules/msgpackr-extract': {},
          'node_modules/@msgpackr-extract/msgpackr-extract-linux-x64': {},
        },
      }),
    ).toEqual([
      'node_modules/msgpackr-extract',
      'node_modules/@msgpackr-extract/msgpackr-extract-linux-x64',
    ]);
  });

  it('keeps msgpackr-extract out of package-lock.json, and denies its install script', () => {
    const lock = read('package-lock.json') as { packages?: Record<string, unknown> };
    expect(Object.keys(lock.packages ?? {})).toContain('node_modules/msgpackr');
    expect(prebuiltEntries(lock)).toEqual([]);
    expect((read('package.json').allowScripts as Record<string, boolean>)['msgpackr-extract']).toBe(
      false,
    );
  });

  it('tells msgpackr not to look for its native extractor before bullmq loads', async () => {
    await import('./no-native-msgpackr.js');
    expect(process.env.MSGPACKR_NATIVE_ACCELERATION_DISABLED).toBe('true');
  });
});
