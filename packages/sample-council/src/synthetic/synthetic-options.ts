/**
 * The shape of a synthetic council, and the two shapes the benchmarks use. Every count is an
 * option so a bench or a test can ask for exactly the size it needs; everything else (names,
 * text, figures) follows from a fixed seed.
 */

export type SyntheticCouncilOptions = {
  /** The first financial year's starting calendar year: 2021 gives 2021/22. */
  readonly firstYear: number;
  /** Financial years of agreements, results and reports, from `firstYear`. */
  readonly years: number;
  readonly portfolios: number;
  /**
   * Scrutiny committees. The portfolios are shared out between them in order, as evenly as
   * they go, and every meeting takes one report per portfolio its committee covers: the reports
   * per meeting are `portfolios ÷ committees`. At most `portfolios`.
   */
  readonly committees: number;
  /** Meetings of each committee in each financial year, 1 to 5 (mid-year first, see the calendar). */
  readonly meetingsPerYear: number;
  /**
   * PPRRs of each portfolio in each financial year, 1 to 4: the first update (Q1), mid-year (Q2),
   * third quarter update (Q3) and annual (Q4) reports, in that order. Results are generated for
   * the same quarters.
   */
  readonly reportsPerYear: number;
  /** Measures of each portfolio: the rows of its reports' Part One tables. */
  readonly measuresPerPortfolio: number;
  /** Priorities of each portfolio: Part One's sections, each with its own measure table. */
  readonly prioritiesPerPortfolio: number;
  /** Narrative paragraphs in each report, shared between up to four sections. */
  readonly paragraphsPerReport: number;
  /** Lines in each of Part Two's four tables (revenue, reserves, savings, capital). */
  readonly moneyLinesPerTable: number;
};

/**
 * What the API load benchmark loads (apps/api/bench): 10 financial years × 20 portfolios of 25
 * measures, 4 committees of 5 portfolios meeting 5 times a year, 4 short PPRRs a year. 500
 * measures, 200 agreements, 20,000 results, 800 reports, 200 meetings of 9 agenda items.
 */
export const API_BENCH_PRESET: SyntheticCouncilOptions = {
  firstYear: 2016,
  years: 10,
  portfolios: 20,
  committees: 4,
  meetingsPerYear: 5,
  reportsPerYear: 4,
  measuresPerPortfolio: 25,
  prioritiesPerPortfolio: 5,
  paragraphsPerReport: 1,
  moneyLinesPerTable: 1,
};

/**
 * What the reporter benchmark prints (apps/reporter/bench): one committee's one meeting, the
 * mid-year meeting of 2021/22, with a long PPRR for each of its 20 portfolios (narrative
 * sections, 80 measures in Part One, 40 Part Two lines). About 15 pages a report, so the pack
 * runs to about 300 pages; change `portfolios` for other sizes.
 */
export const AGENDA_PACK_PRESET: SyntheticCouncilOptions = {
  firstYear: 2021,
  years: 1,
  portfolios: 20,
  committees: 1,
  meetingsPerYear: 1,
  // Q1 as well as Q2, so the mid-year report's measures have a trend.
  reportsPerYear: 2,
  measuresPerPortfolio: 80,
  prioritiesPerPortfolio: 4,
  paragraphsPerReport: 20,
  moneyLinesPerTable: 10,
};

const LIMITS: Readonly<Record<keyof SyntheticCouncilOptions, readonly [number, number]>> = {
  // Financial years are written `2021/22`; four digits keep every date valid.
  firstYear: [1000, 9000],
  years: [1, 100],
  // Portfolio codes are three letters (26³ of them).
  portfolios: [1, 26 ** 3],
  committees: [1, 26 ** 3],
  meetingsPerYear: [1, 5],
  reportsPerYear: [1, 4],
  measuresPerPortfolio: [1, 10_000],
  prioritiesPerPortfolio: [1, 100],
  paragraphsPerReport: [1, 10_000],
  moneyLinesPerTable: [0, 10_000],
};

/** Throws a RangeError naming the first option that is not a whole number in its range. */
export const checkSyntheticOptions = (options: SyntheticCouncilOptions): void => {
  for (const [name, [min, max]] of Object.entries(LIMITS)) {
    const value = options[name as keyof SyntheticCouncilOptions];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(
        `Synthetic council option ${name} must be a whole number from ${min} to ${max}, got ${String(value)}`,
      );
    }
  }
  if (options.committees > options.portfolios) {
    throw new RangeError(
      `Synthetic council option committees (${options.committees}) must not exceed portfolios (${options.portfolios}): every committee covers at least one`,
    );
  }
};
