/**
 * A synthetic council for the benchmark: one meeting whose agenda carries `reportCount`
 * Portfolio Performance and Resource Reports, each with narrative sections, a Part One of
 * `measuresPerReport` measures (long tables, about 40 rows a page) and a Part Two of money
 * tables. About 15 pages a report, so 20 reports make a pack of about 300 pages.
 *
 * Deterministic: the same arguments give the same data (a fixed-seed generator, no clock).
 */
import type {
  Authority,
  AuthorityId,
  Committee,
  CommitteeId,
  CouncilDataset,
  FinancialYear,
  Instant,
  LocalDate,
  LocalTime,
  MeasureCode,
  MeasureResult,
  MeasureTarget,
  MeetingDocument,
  MeetingId,
  Member,
  MemberId,
  Pence,
  PerformanceMeasure,
  PerformanceReport,
  PerformanceReportId,
  Portfolio,
  PortfolioAgreement,
  PortfolioCode,
  ReportingPeriod,
} from '@scrutineer/domain';

export type SyntheticOptions = {
  readonly reportCount: number;
  /** Measures in each report's Part One table; default 80 (two pages of 40 rows). */
  readonly measuresPerReport?: number;
  /** Narrative paragraphs in each report's sections; default 20. */
  readonly paragraphsPerReport?: number;
};

export type SyntheticCouncil = {
  readonly dataset: CouncilDataset;
  readonly meetingId: string;
};

export const SYNTHETIC_MEETING_ID = 'bench-meeting';

const WORDS = (
  'the council committee portfolio performance budget forecast outturn variance reserves savings ' +
  'capital programme children families education schools attainment placements social care ' +
  'assessment review target tolerance quarter improvement services delivery demand pressure ' +
  'members officers scrutiny recommendations priority outcome partnership funding grant ' +
  'allocation monitoring report residents community health wellbeing housing transport ' +
  'strategy resources workforce recruitment retention agency spend transformation digital ' +
  'commissioning contract market providers inspection Ofsted quality assurance early help ' +
  'prevention youth apprenticeships employment skills learning special educational needs'
).split(' ');

/** A small linear congruential generator: reproducible text without a dependency. */
const generator = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};

const brand = <T>(value: unknown): T => value as T;

export const buildSyntheticCouncil = (options: SyntheticOptions): SyntheticCouncil => {
  const random = generator(20_211_115);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (words: number): string => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number): string =>
    Array.from({ length: sentences }, () => sentence(10 + Math.floor(random() * 12))).join(' ');
  const pounds = (max: number): Pence => brand<Pence>(Math.round(random() * max) * 100_000);

  const measuresPerReport = options.measuresPerReport ?? 80;
  const paragraphsPerReport = options.paragraphsPerReport ?? 20;
  const year = brand<FinancialYear>('2021/22');
  const period: ReportingPeriod = { kind: 'quarter', year, quarter: 2 };
  const previousPeriod: ReportingPeriod = { kind: 'quarter', year, quarter: 1 };
  const meetingDate = brand<LocalDate>('2021-11-15');
  const authorityId = brand<AuthorityId>('bench-council');
  const committeeId = brand<CommitteeId>('bench-scrutiny');

  const authority: Authority = {
    id: authorityId,
    name: 'Benchmark Metropolitan Borough Council',
    shortName: 'Benchmark',
    region: 'england',
    style: {
      primaryColour: '#00594F',
      logo: null,
      minutePrefix: '',
      municipalYearStart: { month: 5, day: 1 },
    },
    closureDays: [],
    website: null,
  };
  const members: Member[] = Array.from({ length: 12 }, (_, index) => ({
    id: brand<MemberId>(`bench-member-${index + 1}`),
    name: `Councillor ${pick(['Alex', 'Sam', 'Jo', 'Chris', 'Pat'])} Member${index + 1}`,
    party: pick(['Labour', 'Conservative', 'Liberal Democrat']),
    ward: null,
  }));
  const portfolios: Portfolio[] = [];
  const measures: PerformanceMeasure[] = [];
  const agreements: PortfolioAgreement[] = [];
  const results: MeasureResult[] = [];
  const performanceReports: PerformanceReport[] = [];

  for (let reportIndex = 0; reportIndex < options.reportCount; reportIndex += 1) {
    const code = brand<PortfolioCode>(`B${letters(reportIndex)}`);
    portfolios.push({
      code,
      authorityId,
      name: `Portfolio ${reportIndex + 1}: ${sentence(4).slice(0, -1)}`,
      cabinetMember: {
        name: members[reportIndex % members.length]?.name ?? 'Councillor',
        memberId: null,
      },
      directors: ['Director of Children’s Services'],
    });
    const priorityCount = 4;
    const codes: MeasureCode[] = [];
    const targets: MeasureTarget[] = [];
    for (let m = 0; m < measuresPerReport; m += 1) {
      const measureCode = brand<MeasureCode>(`${code}.${m + 1}`);
      codes.push(measureCode);
      measures.push({
        code: measureCode,
        portfolioCode: code,
        // Short titles, as most councils' measure tables have, so about 40 rows fit a page.
        title: sentence(3 + Math.floor(random() * 3)).slice(0, -1),
        unit: 'percent',
        polarity: random() < 0.7 ? 'higher-is-better' : 'lower-is-better',
        frequency: 'quarterly',
        source: null,
        priorityNumber: (m % priorityCount) + 1,
        decimals: 1,
      });
      targets.push({
        measureCode,
        unit: 'percent',
        target: Math.round(random() * 1000) / 10,
        tolerance: { kind: 'absolute', amount: 2 },
        toleranceRationale: null,
      });
      results.push({
        measureCode,
        period: previousPeriod,
        value: Math.round(random() * 1000) / 10,
        status: 'actual',
        comparators: [],
        commentary: null,
      });
      results.push({
        measureCode,
        period,
        value: Math.round(random() * 1000) / 10,
        status: 'actual',
        comparators:
          random() < 0.5
            ? [{ kind: 'england-average', label: 'England average', value: 50.2 }]
            : [],
        commentary: random() < 0.15 ? sentence(5) : null,
      });
    }
    const revenue = Array.from({ length: 12 }, () => ({
      service: sentence(3).slice(0, -1),
      budget: pounds(900),
    }));
    agreements.push({
      portfolioCode: code,
      year,
      status: 'approved',
      considered: null,
      approved: { body: 'Cabinet', date: brand<LocalDate>('2021-06-29') },
      priorities: Array.from({ length: priorityCount }, (_, p) => ({
        number: p + 1,
        title: sentence(5).slice(0, -1),
        outcomes: [sentence(8)],
      })),
      targets,
      revenueBudget: revenue,
      reserves: [],
      savings: [],
      capital: [],
    });
    const sectionCount = 4;
    performanceReports.push({
      id: brand<PerformanceReportId>(`bench-report-${reportIndex + 1}`),
      portfolioCode: code,
      year,
      kind: 'mid-year',
      period,
      reportTo: 'Benchmark Scrutiny Committee',
      date: meetingDate,
      reportOf: ['Director of Children’s Services', 'Director of Education'],
      title: `Portfolio ${reportIndex + 1} Performance and Resource Report: Mid-Year 2021/22`,
      sections: Array.from({ length: sectionCount }, () => ({
        heading: sentence(4).slice(0, -1),
        paragraphs: Array.from({ length: Math.ceil(paragraphsPerReport / sectionCount) }, () =>
          paragraph(4),
        ),
      })),
      recommendations: {
        lead: 'The Scrutiny Committee is asked to:',
        style: 'lettered',
        items: [sentence(10), sentence(12), sentence(8)],
      },
      partOne: Array.from({ length: priorityCount }, (_, p) => ({
        priorityNumber: p + 1,
        title: sentence(5).slice(0, -1),
        highlights: [paragraph(2), paragraph(2), paragraph(2)],
        exceptions: [paragraph(2)],
        measureCodes: codes.filter((_, m) => m % priorityCount === p),
      })),
      partTwo: {
        revenue: revenue.map((line) => ({
          service: line.service,
          budget: line.budget,
          forecast: brand<Pence>(line.budget + pounds(40) - 2_000_000),
        })),
        reserves: Array.from({ length: 8 }, () => ({
          name: sentence(3).slice(0, -1),
          balance: pounds(300),
          forecastUse: pounds(100),
        })),
        savings: Array.from({ length: 10 }, () => ({
          title: sentence(5).slice(0, -1),
          target: pounds(200),
          forecast: pounds(200),
          commentary: random() < 0.5 ? sentence(9) : null,
        })),
        capital: Array.from({ length: 10 }, () => ({
          scheme: sentence(4).slice(0, -1),
          budget: pounds(2000),
          forecast: pounds(2000),
          commentary: null,
        })),
        commentary: [paragraph(4), paragraph(4)],
      },
      furtherInformation: [paragraph(2)],
      contacts: [
        {
          name: 'Pat Officer',
          role: 'Performance Lead',
          email: 'pat.officer@example.gov.uk',
          phone: '0161 000 0000',
        },
      ],
    });
  }

  const committee: Committee = {
    id: committeeId,
    authorityId,
    name: 'Benchmark Scrutiny Committee',
    memberships: members.map((member, index) => ({
      member: { name: member.name, memberId: member.id },
      role: index === 0 ? 'chair' : index === 1 ? 'vice-chair' : 'member',
    })),
    clerk: {
      name: 'Jo Clerk',
      role: 'Democratic Services Officer',
      email: 'jo.clerk@example.gov.uk',
      phone: '0161 000 0001',
    },
    portfolioCodes: portfolios.map((portfolio) => portfolio.code),
  };

  const meeting: MeetingDocument = {
    schemaVersion: 1,
    meeting: {
      id: brand<MeetingId>(SYNTHETIC_MEETING_ID),
      committeeId,
      date: meetingDate,
      startTime: brand<LocalTime>('18:00'),
      venue: 'Committee Room 2, Town Hall',
      status: 'agenda-published',
      agendaPublishedAt: brand<Instant>('2021-11-05T09:00:00Z'),
    },
    attendance: { kind: 'not-recorded', reason: 'The meeting has not been held.' },
    agendaItems: [
      fixedItem(1, 'apologies', 'Apologies'),
      fixedItem(2, 'minutes', 'Minutes'),
      fixedItem(3, 'declarations', 'Declarations of Interest'),
      ...performanceReports.map((report, index) => ({
        number: String(index + 4),
        order: index + 4,
        kind: 'report' as const,
        title: report.title,
        summary:
          'To consider a joint report of the Director of Children’s Services and Director of Education.',
        recommendations: report.recommendations,
        reportOf: report.reportOf,
        contacts: report.contacts,
        exemption: null,
        documents: [
          {
            title: report.title,
            role: 'report' as const,
            exemption: null,
            content: { kind: 'performance-report' as const, performanceReportId: report.id },
          },
        ],
      })),
    ],
    declarations: { kind: 'not-recorded' },
    minutes: null,
  };

  return {
    dataset: {
      schemaVersion: 1,
      authorities: [authority],
      members,
      committees: [committee],
      portfolios,
      measures,
      agreements,
      results,
      performanceReports,
      meetings: [meeting],
    },
    meetingId: SYNTHETIC_MEETING_ID,
  };
};

const fixedItem = (
  order: number,
  kind: 'apologies' | 'minutes' | 'declarations',
  title: string,
): MeetingDocument['agendaItems'][number] => ({
  number: String(order),
  order,
  kind,
  title,
  summary: null,
  recommendations: null,
  reportOf: [],
  contacts: [],
  exemption: null,
  documents: [],
});

/** 0 → `AAA`, 1 → `AAB` …: portfolio codes of letters, so measure codes read `BAAB.12`. */
const letters = (index: number): string => {
  let text = '';
  let rest = index;
  for (let i = 0; i < 3; i += 1) {
    text = String.fromCharCode(65 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  }
  return text;
};
