/** The synthetic council's Portfolio Performance and Resource Reports (PPRRs). */
import {
  financialYearStarting,
  quarterPeriod,
  type Pence,
  type PerformanceReport,
  type PerformanceReportId,
  type PprrKind,
} from '@scrutineer/domain';
import { shareOut } from './people.generator.js';
import { thousandsOfPounds, type PortfolioPlan } from './performance.generator.js';
import type { RandomText } from './random-text.js';

/** The report of each quarter, as the title names it. */
const KINDS: readonly { kind: PprrKind; title: string }[] = [
  { kind: 'first-update', title: 'First Update' },
  { kind: 'mid-year', title: 'Mid-Year' },
  { kind: 'third-quarter-update', title: 'Third Quarter Update' },
  { kind: 'annual', title: 'Annual Report' },
];

/** Narrative sections at most; the paragraphs are shared between them. */
const MAX_SECTIONS = 4;

export const reportId = (plan: PortfolioPlan, startYear: number, quarter: number) =>
  `${plan.portfolio.code}-${startYear}-${(KINDS[quarter - 1] as (typeof KINDS)[number]).kind}` as PerformanceReportId;

export const buildReport = (
  text: RandomText,
  plan: PortfolioPlan,
  report: {
    readonly startYear: number;
    readonly quarter: number;
    readonly reportTo: string;
    readonly date: PerformanceReport['date'];
    readonly priorityCount: number;
    readonly paragraphs: number;
    readonly moneyLines: number;
  },
): PerformanceReport => {
  const year = financialYearStarting(report.startYear);
  const kind = KINDS[report.quarter - 1] as (typeof KINDS)[number];
  const lines = <T>(make: () => T): T[] => Array.from({ length: report.moneyLines }, make);
  // A forecast within £20,000 either side of the budget.
  const forecastNear = (budget: Pence): Pence =>
    (budget + thousandsOfPounds(text, 40) - 2_000_000) as Pence;
  const sectionCount = Math.min(MAX_SECTIONS, report.paragraphs);
  const paragraphs = Array.from({ length: report.paragraphs }, (_, i) => i);
  return {
    id: reportId(plan, report.startYear, report.quarter),
    portfolioCode: plan.portfolio.code,
    year,
    kind: kind.kind,
    period: quarterPeriod(year, report.quarter),
    reportTo: report.reportTo,
    date: report.date,
    reportOf: plan.portfolio.directors,
    title: `Portfolio ${plan.index + 1} Performance and Resource Report: ${kind.title} ${year}`,
    sections: shareOut(paragraphs, sectionCount).map((inSection) => ({
      heading: text.phrase(4),
      paragraphs: inSection.map(() => text.paragraph(4)),
    })),
    recommendations: {
      lead: 'The Scrutiny Committee is asked to:',
      style: 'lettered',
      items: [text.sentence(10), text.sentence(12), text.sentence(8)],
    },
    partOne: Array.from({ length: report.priorityCount }, (_, p) => ({
      priorityNumber: p + 1,
      title: text.phrase(5),
      highlights: [text.paragraph(2), text.paragraph(2), text.paragraph(2)],
      exceptions: [text.paragraph(2)],
      measureCodes: plan.measures
        .filter(({ measure }) => measure.priorityNumber === p + 1)
        .map(({ measure }) => measure.code),
    })),
    partTwo: {
      revenue: lines(() => {
        const budget = thousandsOfPounds(text, 900);
        return { service: text.phrase(3), budget, forecast: forecastNear(budget) };
      }),
      reserves: lines(() => ({
        name: text.phrase(3),
        balance: thousandsOfPounds(text, 300),
        forecastUse: thousandsOfPounds(text, 100),
      })),
      savings: lines(() => ({
        title: text.phrase(5),
        target: thousandsOfPounds(text, 200),
        forecast: thousandsOfPounds(text, 200),
        commentary: text.next() < 0.5 ? text.sentence(9) : null,
      })),
      capital: lines(() => {
        const budget = thousandsOfPounds(text, 2_000);
        return { scheme: text.phrase(4), budget, forecast: forecastNear(budget), commentary: null };
      }),
      commentary: [text.paragraph(4), text.paragraph(4)],
    },
    furtherInformation: [text.paragraph(2)],
    contacts: [
      {
        name: 'Pat Officer',
        role: 'Performance Lead',
        email: 'pat.officer@example.gov.uk',
        phone: '0161 000 0000',
      },
    ],
  };
};
