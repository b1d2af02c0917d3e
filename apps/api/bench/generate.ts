import type {
  AgendaItem,
  Authority,
  AuthorityId,
  Committee,
  CommitteeId,
  CouncilDataset,
  FinancialYear,
  LocalDate,
  LocalTime,
  MeasureCode,
  MeasureResult,
  MeasureUnit,
  MeetingDocument,
  MeetingId,
  Member,
  MemberId,
  Pence,
  PerformanceMeasure,
  PerformanceReport,
  PerformanceReportId,
  PeriodCode,
  Polarity,
  Portfolio,
  PortfolioAgreement,
  PortfolioCode,
  PprrKind,
  Quarter,
} from '@scrutineer/domain';

/*
 * A synthetic council for the benchmark: `years` financial years of data for `portfolios`
 * portfolios, shaped like the sample council (agreements with targets, quarterly results,
 * four PPRRs a year, committees meeting five times a year with agendas). Deterministic: the
 * same arguments give the same data set, so runs are comparable.
 */

export type BenchScale = {
  readonly portfolios: number;
  readonly years: number;
  readonly measuresPerPortfolio: number;
  /** The first financial year's starting calendar year (2016 → `2016/17`). */
  readonly firstYear: number;
};

export const DEFAULT_SCALE: BenchScale = {
  portfolios: 20,
  years: 10,
  measuresPerPortfolio: 25,
  firstYear: 2016,
};

/** A small deterministic generator (mulberry32) so figures vary without Math.random. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const letters = (n: number): string =>
  String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + Math.floor(n / 26));
const fy = (start: number): FinancialYear => `${start}/${pad((start + 1) % 100)}` as FinancialYear;
const penceOf = (pounds: number): Pence => (Math.round(pounds) * 100) as Pence;
const day = (year: number, month: number, dayOfMonth: number): LocalDate =>
  `${year}-${pad(month)}-${pad(dayOfMonth)}` as LocalDate;

const UNITS: readonly { unit: MeasureUnit; base: number; decimals: number }[] = [
  { unit: 'percent', base: 75, decimals: 1 },
  { unit: 'count', base: 400, decimals: 0 },
  { unit: 'rate-per-10000', base: 60, decimals: 1 },
  { unit: 'days', base: 30, decimals: 0 },
];

const KINDS: readonly { kind: PprrKind; quarter: Quarter; month: number }[] = [
  { kind: 'first-update', quarter: 1, month: 9 },
  { kind: 'mid-year', quarter: 2, month: 11 },
  { kind: 'third-quarter-update', quarter: 3, month: 3 },
  { kind: 'annual', quarter: 4, month: 6 },
];

export const generateCouncil = (scale: BenchScale = DEFAULT_SCALE): CouncilDataset => {
  const next = random(20211115);
  const authorityId = 'bench-council' as AuthorityId;
  const authority: Authority = {
    id: authorityId,
    name: 'Benchmark Metropolitan Borough Council',
    shortName: 'Benchmark',
    region: 'england',
    style: {
      primaryColour: '#005EA5',
      logo: null,
      minutePrefix: '',
      municipalYearStart: { month: 5, day: 1 },
    },
    closureDays: [],
    website: null,
  };
  const members: Member[] = Array.from({ length: 60 }, (_, i) => ({
    id: `bench-member-${i + 1}` as MemberId,
    name: `Councillor Bench ${letters(i)}`,
    party: ['Labour', 'Conservative', 'Liberal Democrat', 'Green'][i % 4] ?? null,
    ward: `Ward ${(i % 21) + 1}`,
  }));
  const memberRef = (i: number) => {
    const member = members[i % members.length] as Member;
    return { name: member.name, memberId: member.id };
  };

  const portfolios: Portfolio[] = [];
  const measures: PerformanceMeasure[] = [];
  const agreements: PortfolioAgreement[] = [];
  const results: MeasureResult[] = [];
  const performanceReports: PerformanceReport[] = [];

  for (let p = 0; p < scale.portfolios; p++) {
    const code = `P${letters(p)}` as PortfolioCode;
    portfolios.push({
      code,
      authorityId,
      name: `Benchmark Portfolio ${letters(p)}`,
      cabinetMember: memberRef(p),
      directors: [`Director of Service ${letters(p)}`],
    });
    const portfolioMeasures: { measure: PerformanceMeasure; base: number }[] = [];
    for (let m = 0; m < scale.measuresPerPortfolio; m++) {
      const shape = UNITS[m % UNITS.length] as (typeof UNITS)[number];
      const polarity: Polarity = m % 3 === 0 ? 'lower-is-better' : 'higher-is-better';
      const measure: PerformanceMeasure = {
        code: `${code}.${m + 1}` as MeasureCode,
        portfolioCode: code,
        title: `Benchmark measure ${m + 1} of portfolio ${letters(p)}`,
        unit: shape.unit,
        polarity,
        frequency: 'quarterly',
        source: 'Benchmark generator',
        priorityNumber: (m % 5) + 1,
        decimals: shape.decimals,
      };
      measures.push(measure);
      portfolioMeasures.push({ measure, base: shape.base * (0.8 + next() * 0.4) });
    }

    for (let y = 0; y < scale.years; y++) {
      const startYear = scale.firstYear + y;
      const year = fy(startYear);
      agreements.push({
        portfolioCode: code,
        year,
        status: 'approved',
        considered: null,
        approved: { body: 'Cabinet', date: day(startYear, 6, 29) },
        priorities: [1, 2, 3, 4, 5].map((number) => ({
          number,
          title: `Priority ${number} of portfolio ${letters(p)}`,
          outcomes: [`Outcome ${number}.1`, `Outcome ${number}.2`],
        })),
        targets: portfolioMeasures.map(({ measure, base }, m) => ({
          measureCode: measure.code,
          unit: measure.unit,
          target:
            m % 11 === 10
              ? { kind: 'unknown', reason: 'No target set: baseline year' }
              : round(base, measure.decimals),
          tolerance:
            m % 2 === 0
              ? { kind: 'absolute', amount: round(base * 0.03, 1) }
              : { kind: 'relative', percent: 5 },
          toleranceRationale: 'Normal variation between quarters',
        })),
        revenueBudget: Array.from({ length: 6 }, (_, i) => ({
          service: `Service ${i + 1}`,
          budget: penceOf(2_000_000 + next() * 20_000_000),
        })),
        reserves: Array.from({ length: 3 }, (_, i) => ({
          name: `Reserve ${i + 1}`,
          balance: penceOf(100_000 + next() * 2_000_000),
          plannedUse: penceOf(next() * 100_000),
          purpose: 'Smoothing demand',
        })),
        savings: Array.from({ length: 4 }, (_, i) => ({
          reference: `${code}-S${i + 1}`,
          title: `Saving ${i + 1}`,
          target: penceOf(50_000 + next() * 500_000),
        })),
        capital: Array.from({ length: 3 }, (_, i) => ({
          scheme: `Scheme ${i + 1}`,
          budget: penceOf(250_000 + next() * 5_000_000),
          fundingSource: 'Prudential borrowing',
        })),
      });
      for (const { measure, base } of portfolioMeasures) {
        for (const quarter of [1, 2, 3, 4] as const) {
          const missing = next() < 0.03;
          results.push({
            measureCode: measure.code,
            period: { kind: 'quarter', year, quarter },
            value: missing
              ? { kind: 'unknown', reason: 'Data not yet available' }
              : round(base * (0.85 + next() * 0.3), measure.decimals),
            status: 'actual',
            comparators: [
              {
                kind: 'england-average',
                label: 'England average',
                value: round(base, measure.decimals),
              },
            ],
            commentary: quarter === 2 ? 'Performance reviewed at the mid-year point.' : null,
          });
        }
      }
      for (const { kind, quarter, month } of KINDS) {
        const reportYear = month < 4 ? startYear + 1 : startYear;
        performanceReports.push({
          id: `${code}-${startYear}-${kind}` as PerformanceReportId,
          portfolioCode: code,
          year,
          kind,
          period: { kind: 'quarter', year, quarter },
          reportTo: 'Benchmark Scrutiny Committee',
          date: day(reportYear, month, 15),
          reportOf: [`Director of Service ${letters(p)}`],
          title: `Portfolio ${letters(p)} ${kind} report ${year}`,
          sections: [
            {
              heading: 'Introduction and Background',
              paragraphs: ['This report sets out progress.'],
            },
          ],
          recommendations: {
            lead: 'The Scrutiny Committee is asked to:',
            style: 'lettered',
            items: ['note the report'],
          },
          partOne: [1, 2, 3, 4, 5].map((number) => ({
            priorityNumber: number,
            title: `Priority ${number}`,
            highlights: ['A highlight'],
            exceptions: [],
            measureCodes: portfolioMeasures
              .filter(({ measure }) => measure.priorityNumber === number)
              .map(({ measure }) => measure.code),
          })),
          partTwo: {
            revenue: [
              { service: 'Service 1', budget: penceOf(5_000_000), forecast: penceOf(5_120_000) },
            ],
            reserves: [
              { name: 'Reserve 1', balance: penceOf(800_000), forecastUse: penceOf(120_000) },
            ],
            savings: [
              {
                title: 'Saving 1',
                target: penceOf(200_000),
                forecast: penceOf(150_000),
                commentary: null,
              },
            ],
            capital: [
              {
                scheme: 'Scheme 1',
                budget: penceOf(1_000_000),
                forecast: penceOf(990_000),
                commentary: null,
              },
            ],
            commentary: ['The forecast is within the cash limit.'],
          },
          furtherInformation: [],
          contacts: [
            {
              name: `Officer ${letters(p)}`,
              role: 'Performance Lead',
              email: null,
              phone: '0161 000 0000',
            },
          ],
        });
      }
    }
  }

  // One scrutiny committee for every five portfolios; each meets five times a year.
  const committees: Committee[] = [];
  const meetings: MeetingDocument[] = [];
  for (let c = 0; c * 5 < scale.portfolios; c++) {
    const committeeId = `bench-committee-${c + 1}` as CommitteeId;
    const covered = portfolios.slice(c * 5, c * 5 + 5);
    committees.push({
      id: committeeId,
      authorityId,
      name: `Benchmark Scrutiny Committee ${c + 1}`,
      memberships: Array.from({ length: 9 }, (_, i) => ({
        member: memberRef(c * 9 + i),
        role: i === 0 ? 'chair' : i === 1 ? 'vice-chair' : 'member',
      })),
      clerk: { name: 'Clerk Bench', role: 'Democratic Services Officer', email: null, phone: null },
      portfolioCodes: covered.map((portfolio) => portfolio.code),
    });
    for (let y = 0; y < scale.years; y++) {
      const startYear = scale.firstYear + y;
      for (const [m, month] of [6, 9, 11, 1, 3].entries()) {
        const calendarYear = month < 4 ? startYear + 1 : startYear;
        const date = day(calendarYear, month, 10 + c);
        const reportItems: AgendaItem[] = covered.map((portfolio, i) => ({
          number: String(5 + i),
          order: 5 + i,
          kind: 'report',
          title: `${portfolio.name}: performance and resources`,
          summary: 'To consider a report of the Director.',
          recommendations: {
            lead: 'The Committee is asked to:',
            style: 'lettered',
            items: ['note the report'],
          },
          reportOf: [`Director of Service ${portfolio.code}`],
          contacts: [{ name: 'Officer Bench', role: 'Performance Lead', email: null, phone: null }],
          exemption: null,
          documents: [
            {
              title: 'Report',
              role: 'report',
              exemption: null,
              content: {
                kind: 'performance-report',
                performanceReportId:
                  `${portfolio.code}-${startYear}-${KINDS[m % 4]?.kind ?? 'annual'}` as PerformanceReportId,
              },
            },
          ],
        }));
        const fixed = (number: number, kind: AgendaItem['kind'], title: string): AgendaItem => ({
          number: String(number),
          order: number,
          kind,
          title,
          summary: null,
          recommendations: null,
          reportOf: [],
          contacts: [],
          exemption: null,
          documents: [],
        });
        meetings.push({
          schemaVersion: 1,
          meeting: {
            id: `bench-${c + 1}-${date}` as MeetingId,
            committeeId,
            date,
            startTime: '18:00' as LocalTime,
            venue: 'Committee Room 2, Town Hall',
            status: 'held',
            agendaPublishedAt: null,
          },
          attendance: { kind: 'not-recorded', reason: 'Generated for the benchmark' },
          agendaItems: [
            fixed(1, 'apologies', 'Apologies'),
            fixed(2, 'minutes', 'Minutes'),
            fixed(3, 'declarations', 'Declarations of Interest'),
            fixed(4, 'call-in', 'Call-In'),
            ...reportItems,
          ],
          declarations: { kind: 'none-made' },
          minutes: null,
        });
      }
    }
  }

  return {
    schemaVersion: 1,
    authorities: [authority],
    members,
    committees,
    portfolios,
    measures,
    agreements,
    results,
    performanceReports,
    meetings,
  };
};

/** Periods the bench writes new results for: a year after the generated ones, so creates never collide. */
export const benchPeriodCode = (scale: BenchScale, quarter: Quarter): PeriodCode =>
  `${fy(scale.firstYear + scale.years)}-Q${quarter}` as PeriodCode;
