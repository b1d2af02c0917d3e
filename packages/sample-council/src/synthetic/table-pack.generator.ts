/**
 * A pack of generic tables: the shape issue 9 measured the reporter's page count on against
 * Chromium's. One meeting of `reports` report items, each a written report of `paragraphs`
 * paragraphs with two appendices as plain tables (an item document of kind `table`): a measures
 * table of `measureRows` rows and six columns (code, a sentence-long measure, target, actual, RAG,
 * a sentence of commentary) and a money table of `moneyRows` service lines and a Total row.
 */
import type { AgendaItem, CouncilDataset, ItemDocument, MeetingId } from '@scrutineer/domain';
import { randomText, type RandomText } from './random-text.js';
import { buildSyntheticCouncil, type SyntheticCouncil } from './synthetic-council.js';
import { AGENDA_PACK_PRESET } from './synthetic-options.js';

export type TablePackOptions = {
  readonly reports: number;
  readonly paragraphs: number;
  readonly measureRows: number;
  readonly moneyRows: number;
};

/** What the reporter's page-count benchmark prints (bench/chromium-pages.ts). */
export const TABLE_PACK_PRESET: TablePackOptions = {
  reports: 20,
  paragraphs: 12,
  measureRows: 120,
  moneyRows: 30,
};

/** A seed of its own, so the pack does not change when the council generator draws more. */
const SEED = 20_261_202;
const RAGS = ['Green', 'Amber', 'Red'] as const;

const pounds = (value: number): string => {
  const text = `£${Math.abs(value).toLocaleString('en-GB')}`;
  return value < 0 ? `(${text})` : text;
};

const percent = (value: number): string => `${value.toFixed(1)}%`;

const measuresTable = (text: RandomText, report: number, rows: number): ItemDocument => ({
  title: 'Appendix 1 – Performance measures',
  role: 'appendix',
  exemption: null,
  content: {
    kind: 'table',
    caption: `Portfolio ${report + 1}: performance measures, quarter 2 2021/22`,
    header: ['Code', 'Measure', 'Target', 'Actual', 'RAG', 'Commentary'],
    rows: Array.from({ length: rows }, (_, row) => {
      const target = text.between(400, 990) / 10;
      return [
        `P${report + 1}.${row + 1}`,
        text.sentence(text.between(8, 14)),
        percent(target),
        percent(target + (text.between(0, 200) - 100) / 10),
        text.pick(RAGS),
        text.sentence(text.between(6, 16)),
      ];
    }),
  },
});

const moneyTable = (text: RandomText, report: number, rows: number): ItemDocument => {
  const lines = Array.from({ length: rows }, () => {
    const budget = text.between(50, 9_000) * 1_000;
    const forecast = budget + (text.between(0, 400) - 200) * 1_000;
    return { service: text.phrase(text.between(2, 5)), budget, forecast };
  });
  const sum = (pick: (line: (typeof lines)[number]) => number): number =>
    lines.reduce((total, line) => total + pick(line), 0);
  return {
    title: 'Appendix 2 – Revenue budget',
    role: 'appendix',
    exemption: null,
    content: {
      kind: 'table',
      caption: `Portfolio ${report + 1}: revenue budget and forecast out-turn 2021/22`,
      header: ['Service', 'Budget', 'Forecast', 'Variance'],
      rows: [
        ...lines.map((line) => [
          line.service,
          pounds(line.budget),
          pounds(line.forecast),
          pounds(line.forecast - line.budget),
        ]),
        [
          'Total',
          pounds(sum((line) => line.budget)),
          pounds(sum((line) => line.forecast)),
          pounds(sum((line) => line.forecast - line.budget)),
        ],
      ],
    },
  };
};

const reportItem = (
  text: RandomText,
  order: number,
  report: number,
  options: TablePackOptions,
): AgendaItem => {
  const perSection = Math.ceil(options.paragraphs / 3);
  const sections = Array.from({ length: Math.ceil(options.paragraphs / perSection) }, (_, s) => ({
    heading: text.phrase(4),
    paragraphs: Array.from(
      { length: Math.min(perSection, options.paragraphs - s * perSection) },
      () => text.paragraph(4),
    ),
  }));
  return {
    number: String(order),
    order,
    kind: 'report',
    title: `Portfolio ${report + 1} Performance Update`,
    summary: 'To consider a report of the Director of Resources.',
    recommendations: null,
    reportOf: ['Director of Resources'],
    contacts: [],
    exemption: null,
    documents: [
      {
        title: 'Report',
        role: 'report',
        exemption: null,
        content: { kind: 'sections', sections },
      },
      measuresTable(text, report, options.measureRows),
      moneyTable(text, report, options.moneyRows),
    ],
  };
};

/**
 * The synthetic council's mid-year meeting with its reports replaced by `options.reports` report
 * items of plain tables. Deterministic, like the council.
 */
export const buildSyntheticTablePack = (options: TablePackOptions): SyntheticCouncil => {
  const base = buildSyntheticCouncil({
    ...AGENDA_PACK_PRESET,
    portfolios: 1,
    measuresPerPortfolio: 1,
    prioritiesPerPortfolio: 1,
    paragraphsPerReport: 1,
    moneyLinesPerTable: 0,
  });
  const text = randomText(SEED);
  const meetings = base.dataset.meetings.map((document) => {
    if (document.meeting.id !== base.meetingId) return document;
    const opening = document.agendaItems.filter((item) => item.kind !== 'report');
    return {
      ...document,
      agendaItems: [
        ...opening,
        ...Array.from({ length: options.reports }, (_, report) =>
          reportItem(text, opening.length + report + 1, report, options),
        ),
      ],
    };
  });
  const dataset: CouncilDataset = { ...base.dataset, meetings };
  return { dataset, meetingId: base.meetingId as MeetingId };
};
