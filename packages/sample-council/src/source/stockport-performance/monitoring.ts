// Part Two of a CFSE PPRR: revenue against the agreement's budget, reserves, savings, capital.
import type { FinancialMonitoring } from '@scrutineer/domain';
import { pounds, poundsCell } from '../helpers.js';
import { revenueBudget } from './agreement.js';

export const monitoring = (
  forecasts: readonly number[],
  reserveUse: FinancialMonitoring['reserves'],
  savings: FinancialMonitoring['savings'],
  capital: FinancialMonitoring['capital'],
  extraCommentary: readonly string[],
): FinancialMonitoring => {
  const revenue = revenueBudget.map((line, i) => ({
    service: line.service,
    budget: line.budget,
    forecast: pounds(forecasts[i] ?? 0),
  }));
  const budget = revenue.reduce((sum, line) => sum + line.budget, 0);
  const forecast = revenue.reduce((sum, line) => sum + line.forecast, 0);
  return {
    revenue,
    reserves: reserveUse,
    savings,
    capital,
    commentary: [
      `The Portfolio cash limit is ${poundsCell(budget)} and the forecast out-turn is ${poundsCell(forecast)}, an overspend of ${poundsCell(forecast - budget)}.`,
      ...extraCommentary,
    ],
  };
};
