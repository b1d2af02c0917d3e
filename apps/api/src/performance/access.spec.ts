import { describe, expect, it } from '@jest/globals';
import type { Caller } from '../auth/caller.js';
import { ApiError } from '../common/problem.js';
import { assertCanWritePortfolio } from './access.js';

const caller = (role: Caller['role'], portfolioCodes: string[] = []): Caller => ({
  role,
  name: `a ${role}`,
  portfolioCodes,
  tokenId: 't',
  requestId: null,
});

describe(assertCanWritePortfolio.name, () => {
  it('lets an admin write any portfolio', () => {
    expect(() => assertCanWritePortfolio(caller('admin'), 'CFSE')).not.toThrow();
  });

  it('lets an officer write only the portfolios on their token', () => {
    expect(() => assertCanWritePortfolio(caller('officer', ['CFSE', 'LS']), 'LS')).not.toThrow();
    const sut = () => assertCanWritePortfolio(caller('officer', ['CFSE']), 'CYP');
    expect(sut).toThrow(ApiError);
    expect(sut).toThrow(/only for the portfolios CFSE, not CYP/);
  });

  it('refuses clerks and members the performance data, naming the role', () => {
    for (const role of ['clerk', 'member', 'anonymous'] as const) {
      let error: unknown;
      try {
        assertCanWritePortfolio(caller(role), 'CFSE');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('AUTH.FORBIDDEN');
      expect((error as ApiError).message).toContain(role);
    }
  });
});
