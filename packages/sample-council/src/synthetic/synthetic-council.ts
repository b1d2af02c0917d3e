/**
 * A synthetic council of any size, for benchmarks and tests that need more data than the
 * sample: `portfolios` portfolios of `measuresPerPortfolio` measures, each with an approved
 * agreement, quarterly results and `reportsPerYear` PPRRs a year for `years` years, shared
 * between `committees` scrutiny committees that meet `meetingsPerYear` times a year, every
 * meeting taking one report per portfolio. API_BENCH_PRESET and AGENDA_PACK_PRESET are the two
 * shapes the benchmarks use.
 *
 * Deterministic: the same options give the same data set (one seeded stream, no clock).
 */
import type {
  CouncilDataset,
  MeasureResult,
  MeetingId,
  PerformanceReport,
  PortfolioAgreement,
} from '@scrutineer/domain';
import { buildMeetings, reportDate } from './meetings.generator.js';
import {
  buildAuthority,
  buildCommittee,
  buildMembers,
  committeeName,
  shareOut,
} from './people.generator.js';
import { buildAgreement, buildPortfolio, buildResults } from './performance.generator.js';
import { randomText } from './random-text.js';
import { buildReport, reportId } from './reports.generator.js';
import { checkSyntheticOptions, type SyntheticCouncilOptions } from './synthetic-options.js';

export type SyntheticCouncil = {
  readonly dataset: CouncilDataset;
  /** The latest meeting of the first committee: the agenda whose pack the reporter bench prints. */
  readonly meetingId: MeetingId;
};

/** The seed of every synthetic council: 15 November 2021, the mid-year meeting. */
const SEED = 20_211_115;

export const buildSyntheticCouncil = (options: SyntheticCouncilOptions): SyntheticCouncil => {
  checkSyntheticOptions(options);
  const text = randomText(SEED);
  const members = buildMembers();
  const plans = Array.from({ length: options.portfolios }, (_, index) =>
    buildPortfolio(
      text,
      index,
      members,
      options.measuresPerPortfolio,
      options.prioritiesPerPortfolio,
    ),
  );
  const groups = shareOut(plans, options.committees);

  const agreements: PortfolioAgreement[] = [];
  const results: MeasureResult[] = [];
  const reports = new Map<string, PerformanceReport>();
  groups.forEach((group, committeeIndex) => {
    for (const plan of group) {
      for (let y = 0; y < options.years; y += 1) {
        const startYear = options.firstYear + y;
        agreements.push(buildAgreement(text, plan, startYear, options.prioritiesPerPortfolio));
        // One push at a time: spreading tens of thousands of results would overflow the stack.
        for (const result of buildResults(text, plan, startYear, options.reportsPerYear)) {
          results.push(result);
        }
        for (let quarter = 1; quarter <= options.reportsPerYear; quarter += 1) {
          const report = buildReport(text, plan, {
            startYear,
            quarter,
            reportTo: committeeName(committeeIndex),
            date: reportDate(committeeIndex, startYear, quarter),
            priorityCount: options.prioritiesPerPortfolio,
            paragraphs: options.paragraphsPerReport,
            moneyLines: options.moneyLinesPerTable,
          });
          reports.set(report.id, report);
        }
      }
    }
  });

  const byCode = new Map(plans.map((plan) => [plan.portfolio.code as string, plan]));
  const committees = groups.map((group, index) =>
    buildCommittee(
      index,
      members,
      group.map((plan) => plan.portfolio.code),
    ),
  );
  const meetings = committees.flatMap((committee, index) =>
    buildMeetings(committee, index, options, (code, startYear, quarter) => {
      const plan = byCode.get(code);
      const report = plan && reports.get(reportId(plan, startYear, quarter));
      if (report === undefined) {
        throw new Error(`No synthetic report of ${code} for ${startYear} quarter ${quarter}`);
      }
      return report;
    }),
  );
  const firstCommitteeMeetings = meetings.filter(
    (document) => document.meeting.committeeId === committees[0]?.id,
  );

  return {
    dataset: {
      schemaVersion: 1,
      authorities: [buildAuthority()],
      members,
      committees,
      portfolios: plans.map((plan) => plan.portfolio),
      measures: plans.flatMap((plan) => plan.measures.map(({ measure }) => measure)),
      agreements,
      results,
      performanceReports: [...reports.values()],
      meetings,
    },
    meetingId: (firstCommitteeMeetings.at(-1) as (typeof meetings)[number]).meeting.id,
  };
};
