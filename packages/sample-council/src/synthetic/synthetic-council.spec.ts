import { parseCouncilDataset, type CouncilDataset } from '@scrutineer/domain';
import { buildSyntheticCouncil } from './synthetic-council.js';
import {
  AGENDA_PACK_PRESET,
  API_BENCH_PRESET,
  type SyntheticCouncilOptions,
} from './synthetic-options.js';

const problemsOf = (dataset: CouncilDataset) => {
  const parsed = parseCouncilDataset(dataset);
  return parsed.ok ? [] : parsed.problems;
};

/** A small council that still has several of everything. */
const SMALL: SyntheticCouncilOptions = {
  firstYear: 2020,
  years: 2,
  portfolios: 5,
  committees: 2,
  meetingsPerYear: 5,
  reportsPerYear: 3,
  measuresPerPortfolio: 7,
  prioritiesPerPortfolio: 3,
  paragraphsPerReport: 6,
  moneyLinesPerTable: 2,
};

describe(buildSyntheticCouncil.name, () => {
  describe('the API bench preset', () => {
    const { dataset } = buildSyntheticCouncil(API_BENCH_PRESET);

    it('passes the domain’s parseCouncilDataset', () => {
      expect(problemsOf(dataset)).toEqual([]);
    });

    it('has the counts docs/benchmarks.md states for the API bench', () => {
      expect({
        members: dataset.members.length,
        committees: dataset.committees.length,
        portfolios: dataset.portfolios.length,
        measures: dataset.measures.length,
        agreements: dataset.agreements.length,
        results: dataset.results.length,
        performanceReports: dataset.performanceReports.length,
        meetings: dataset.meetings.length,
        agendaItems: dataset.meetings.reduce((n, m) => n + m.agendaItems.length, 0),
      }).toEqual({
        members: 60,
        committees: 4,
        portfolios: 20,
        measures: 500,
        agreements: 200,
        results: 20_000,
        performanceReports: 800,
        meetings: 200,
        agendaItems: 1_800,
      });
    });
  });

  describe('the agenda pack preset', () => {
    const { dataset, meetingId } = buildSyntheticCouncil(AGENDA_PACK_PRESET);

    it('passes the domain’s parseCouncilDataset', () => {
      expect(problemsOf(dataset)).toEqual([]);
    });

    it('is one published agenda of 20 mid-year reports with 80 measures each', () => {
      expect(dataset.meetings.map((document) => document.meeting)).toEqual([
        expect.objectContaining({ id: meetingId, date: '2021-11-15', status: 'agenda-published' }),
      ]);
      const documents = dataset.meetings[0]?.agendaItems.flatMap((item) => item.documents) ?? [];
      const reportIds = documents.map((document) =>
        document.content.kind === 'performance-report'
          ? document.content.performanceReportId
          : null,
      );
      const reports = dataset.performanceReports.filter((report) => reportIds.includes(report.id));
      expect(reports).toHaveLength(20);
      expect(new Set(reports.map((report) => `${report.kind} ${report.year}`))).toEqual(
        new Set(['mid-year 2021/22']),
      );
      for (const report of reports) {
        expect(report.partOne.flatMap((update) => update.measureCodes)).toHaveLength(80);
      }
    });
  });

  it('gives deep-equal data for the same options, and different data for different ones', () => {
    expect(buildSyntheticCouncil(SMALL)).toEqual(buildSyntheticCouncil({ ...SMALL }));
    expect(buildSyntheticCouncil({ ...SMALL, firstYear: 2021 })).not.toEqual(
      buildSyntheticCouncil(SMALL),
    );
  });

  it.each<[string, SyntheticCouncilOptions]>([
    ['small', SMALL],
    [
      'one of everything',
      {
        ...SMALL,
        years: 1,
        portfolios: 1,
        committees: 1,
        meetingsPerYear: 1,
        reportsPerYear: 1,
        measuresPerPortfolio: 1,
        prioritiesPerPortfolio: 1,
        paragraphsPerReport: 1,
        moneyLinesPerTable: 0,
      },
    ],
    [
      'uneven committees',
      { ...SMALL, portfolios: 7, committees: 3, reportsPerYear: 4, meetingsPerYear: 2 },
    ],
  ])('scales as the options say (%s) and passes parseCouncilDataset', (_, options) => {
    const { dataset, meetingId } = buildSyntheticCouncil(options);
    expect(problemsOf(dataset)).toEqual([]);
    const { portfolios, years, reportsPerYear, measuresPerPortfolio: measures } = options;
    expect(dataset.portfolios).toHaveLength(portfolios);
    expect(new Set(dataset.portfolios.map((portfolio) => portfolio.code)).size).toBe(portfolios);
    expect(dataset.measures).toHaveLength(portfolios * measures);
    expect(dataset.agreements).toHaveLength(portfolios * years);
    expect(dataset.results).toHaveLength(portfolios * measures * years * reportsPerYear);
    expect(dataset.performanceReports).toHaveLength(portfolios * years * reportsPerYear);
    expect(dataset.committees).toHaveLength(options.committees);
    expect(dataset.meetings).toHaveLength(options.committees * years * options.meetingsPerYear);
    // Every portfolio is on exactly one committee, and each meeting takes one report for each.
    expect(dataset.committees.flatMap((committee) => committee.portfolioCodes).sort()).toEqual(
      dataset.portfolios.map((portfolio) => portfolio.code).sort(),
    );
    for (const document of dataset.meetings) {
      const committee = dataset.committees.find((c) => c.id === document.meeting.committeeId);
      const reportItems = document.agendaItems.filter((item) => item.kind === 'report');
      expect(reportItems).toHaveLength(committee?.portfolioCodes.length ?? -1);
    }
    for (const report of dataset.performanceReports) {
      expect(report.sections.flatMap((section) => section.paragraphs)).toHaveLength(
        options.paragraphsPerReport,
      );
      expect(report.partOne).toHaveLength(options.prioritiesPerPortfolio);
      expect(report.partOne.flatMap((update) => update.measureCodes)).toHaveLength(measures);
      const { revenue, reserves, savings, capital } = report.partTwo;
      expect([revenue, reserves, savings, capital].map((lines) => lines.length)).toEqual(
        Array(4).fill(options.moneyLinesPerTable),
      );
    }
    const latest = dataset.meetings.find((document) => document.meeting.id === meetingId);
    expect(latest?.meeting).toMatchObject({
      committeeId: dataset.committees[0]?.id,
      status: 'agenda-published',
    });
  });

  it.each<[Partial<SyntheticCouncilOptions>, RegExp]>([
    [{ portfolios: 0 }, /portfolios must be a whole number from 1/],
    [{ measuresPerPortfolio: 2.5 }, /measuresPerPortfolio must be a whole number/],
    [{ meetingsPerYear: 6 }, /meetingsPerYear must be a whole number from 1 to 5, got 6/],
    [{ reportsPerYear: 5 }, /reportsPerYear must be a whole number from 1 to 4, got 5/],
    [{ committees: 6 }, /committees \(6\) must not exceed portfolios \(5\)/],
  ])('refuses %j', (change, message) => {
    expect(() => buildSyntheticCouncil({ ...SMALL, ...change })).toThrow(message);
  });
});
