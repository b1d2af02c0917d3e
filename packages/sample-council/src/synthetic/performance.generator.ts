/** The synthetic council's portfolios, measures, agreements and quarterly results. */
import {
  financialYearStarting,
  quarterPeriod,
  type LocalDate,
  type MeasureCode,
  type MeasureResult,
  type MeasureUnit,
  type Member,
  type Pence,
  type PerformanceMeasure,
  type Portfolio,
  type PortfolioAgreement,
  type PortfolioCode,
} from '@scrutineer/domain';
import { memberRef, SYNTHETIC_AUTHORITY_ID } from './people.generator.js';
import type { RandomText } from './random-text.js';

/** A portfolio with its measures and each measure's typical value (what targets and results vary around). */
export type PortfolioPlan = {
  readonly index: number;
  readonly portfolio: Portfolio;
  readonly measures: readonly { readonly measure: PerformanceMeasure; readonly base: number }[];
};

/** Units in turn, with a typical value and the decimals a council prints them with. */
const UNITS: readonly { unit: MeasureUnit; base: number; decimals: number }[] = [
  { unit: 'percent', base: 75, decimals: 1 },
  { unit: 'count', base: 400, decimals: 0 },
  { unit: 'rate-per-10000', base: 60, decimals: 1 },
  { unit: 'days', base: 30, decimals: 0 },
];

/** Budget lines in each agreement: revenue, reserves, savings and capital. */
const AGREEMENT_LINES = { revenue: 6, reserves: 3, savings: 4, capital: 3 } as const;
/** Every eleventh measure has no target: a baseline year, as real agreements have. */
const NO_TARGET_EVERY = 11;
/** Share of results with no figure yet. */
const MISSING_SHARE = 0.03;
/** Share of results with an officer's comment. */
const COMMENTARY_SHARE = 0.15;

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

/** Whole thousands of pounds up to `maxThousands`, in pence. */
export const thousandsOfPounds = (text: RandomText, maxThousands: number): Pence =>
  (Math.round(text.next() * maxThousands) * 100_000) as Pence;

/** 0 → `AAA`, 1 → `AAB` …: three letters, so measure codes read `PAAB.12`. */
const letters = (index: number): string => {
  let code = '';
  let rest = index;
  for (let i = 0; i < 3; i += 1) {
    code = String.fromCharCode(65 + (rest % 26)) + code;
    rest = Math.floor(rest / 26);
  }
  return code;
};

export const buildPortfolio = (
  text: RandomText,
  index: number,
  members: readonly Member[],
  measureCount: number,
  priorityCount: number,
): PortfolioPlan => {
  const code = `P${letters(index)}` as PortfolioCode;
  const portfolio: Portfolio = {
    code,
    authorityId: SYNTHETIC_AUTHORITY_ID,
    name: `Portfolio ${index + 1}: ${text.phrase(4)}`,
    cabinetMember: memberRef(members, index),
    directors: ['Director of Children’s Services', 'Director of Education'],
  };
  const measures = Array.from({ length: measureCount }, (_, m) => {
    const shape = UNITS[m % UNITS.length] as (typeof UNITS)[number];
    const measure: PerformanceMeasure = {
      code: `${code}.${m + 1}` as MeasureCode,
      portfolioCode: code,
      // Short titles, as most councils' measure tables have, so about 40 rows fit a page.
      title: text.phrase(text.between(3, 5)),
      unit: shape.unit,
      polarity: m % 3 === 0 ? 'lower-is-better' : 'higher-is-better',
      frequency: 'quarterly',
      source: null,
      priorityNumber: (m % priorityCount) + 1,
      decimals: shape.decimals,
    };
    return { measure, base: shape.base * (0.8 + text.next() * 0.4) };
  });
  return { index, portfolio, measures };
};

export const buildAgreement = (
  text: RandomText,
  plan: PortfolioPlan,
  startYear: number,
  priorityCount: number,
): PortfolioAgreement => ({
  portfolioCode: plan.portfolio.code,
  year: financialYearStarting(startYear),
  status: 'approved',
  considered: null,
  approved: { body: 'Cabinet', date: `${startYear}-06-29` as LocalDate },
  priorities: Array.from({ length: priorityCount }, (_, p) => ({
    number: p + 1,
    title: text.phrase(5),
    outcomes: [text.sentence(8), text.sentence(8)],
  })),
  targets: plan.measures.map(({ measure, base }, m) => ({
    measureCode: measure.code,
    unit: measure.unit,
    target:
      m % NO_TARGET_EVERY === NO_TARGET_EVERY - 1
        ? { kind: 'unknown', reason: 'No target set: baseline year' }
        : round(base, measure.decimals),
    tolerance:
      m % 2 === 0
        ? { kind: 'absolute', amount: round(base * 0.03, 1) }
        : { kind: 'relative', percent: 5 },
    toleranceRationale: 'Normal variation between quarters',
  })),
  revenueBudget: Array.from({ length: AGREEMENT_LINES.revenue }, () => ({
    service: text.phrase(3),
    budget: thousandsOfPounds(text, 20_000),
  })),
  reserves: Array.from({ length: AGREEMENT_LINES.reserves }, () => ({
    name: text.phrase(3),
    balance: thousandsOfPounds(text, 2_000),
    plannedUse: thousandsOfPounds(text, 100),
    purpose: text.sentence(6),
  })),
  savings: Array.from({ length: AGREEMENT_LINES.savings }, (_, i) => ({
    reference: `${plan.portfolio.code}-S${i + 1}`,
    title: text.phrase(5),
    target: thousandsOfPounds(text, 500),
  })),
  capital: Array.from({ length: AGREEMENT_LINES.capital }, () => ({
    scheme: text.phrase(4),
    budget: thousandsOfPounds(text, 5_000),
    fundingSource: 'Prudential borrowing',
  })),
});

/**
 * Each measure's results for the first `quarters` quarters of the year: within 15% of its
 * typical value (a percentage never above 100), beside the England average.
 */
export const buildResults = (
  text: RandomText,
  plan: PortfolioPlan,
  startYear: number,
  quarters: number,
): MeasureResult[] =>
  plan.measures.flatMap(({ measure, base }) =>
    Array.from({ length: quarters }, (_, q): MeasureResult => {
      const isMissing = text.next() < MISSING_SHARE;
      const value = base * (0.85 + text.next() * 0.3);
      const hasCommentary = text.next() < COMMENTARY_SHARE;
      return {
        measureCode: measure.code,
        period: quarterPeriod(financialYearStarting(startYear), q + 1),
        value: isMissing
          ? { kind: 'unknown', reason: 'Data not yet available' }
          : round(measure.unit === 'percent' ? Math.min(value, 100) : value, measure.decimals),
        status: 'actual',
        comparators: [
          {
            kind: 'england-average',
            label: 'England average',
            value: round(base, measure.decimals),
          },
        ],
        commentary: hasCommentary ? text.sentence(5) : null,
      };
    }),
  );
