import { describe, expect, it } from '@jest/globals';
import { ReadinessChecks, withTimeout } from './readiness.js';

describe(ReadinessChecks.name, () => {
  it('refuses a name registered twice, and a name outside a-z0-9-', () => {
    const checks = new ReadinessChecks();
    checks.register('database', async () => undefined);
    expect(() => checks.register('database', async () => undefined)).toThrow(/registered twice/);
    expect(() => checks.register('Render Queue', async () => undefined)).toThrow(/not a-z0-9-/);
    expect(checks.names()).toEqual(['database']);
  });

  it('reports each check up or down with a one-line reason, and never rejects', async () => {
    const checks = new ReadinessChecks();
    checks.setTimeout(50);
    checks.register('up', async () => 'fine');
    checks.register('fails', async () => {
      throw new Error('refused\n    at somewhere (/x.js:1:1)');
    });
    checks.register('throws-sync', () => {
      throw new Error('not even a promise');
    });
    checks.register('hangs', () => new Promise(() => undefined));
    const results = await checks.run();
    expect(results.map((r) => [r.name, r.status, r.detail])).toEqual([
      ['up', 'up', null],
      ['fails', 'down', 'refused'],
      ['throws-sync', 'down', 'not even a promise'],
      ['hangs', 'down', 'did not answer within 50 ms'],
    ]);
    expect(results.every((r) => Number.isInteger(r.durationMs) && r.durationMs >= 0)).toBe(true);
  });

  it('marks each check fatal unless registered with fatal: false', async () => {
    const checks = new ReadinessChecks();
    checks.register('needed', async () => undefined);
    checks.register(
      'optional',
      async () => {
        throw new Error('away');
      },
      { fatal: false },
    );
    expect((await checks.run()).map((r) => [r.name, r.status, r.fatal])).toEqual([
      ['needed', 'up', true],
      ['optional', 'down', false],
    ]);
  });

  it('withTimeout passes a quick answer through', async () => {
    await expect(withTimeout(async () => 42, 1000)).resolves.toBe(42);
  });
});
