import type { Caller } from '../auth/caller.js';
import { ApiError } from '../common/problem.js';

/**
 * Officers write measures, results, reports and money only for the portfolios their token
 * names; admins write any. Other roles never reach here (the route's `@Roles` stops them).
 */
export const assertCanWritePortfolio = (caller: Caller, portfolioCode: string): void => {
  if (caller.role === 'admin') return;
  if (caller.role === 'officer' && caller.portfolioCodes.includes(portfolioCode)) return;
  throw new ApiError(
    'AUTH.FORBIDDEN',
    caller.role === 'officer'
      ? `This officer token may write only for the portfolios ${caller.portfolioCodes.join(', ') || '(none)'}, not ${portfolioCode}.`
      : `A ${caller.role} token may not write the performance data of portfolio ${portfolioCode}.`,
    [],
    { portfolioCode },
  );
};
