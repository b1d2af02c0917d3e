import type {
  AssessedResult,
  CouncilDataset,
  Maybe,
  MeasureTarget,
  Pence,
  PerformanceMeasure,
  PerformanceReport,
  PriorityUpdate,
} from '@scrutineer/domain';
import { isUnknown } from '@scrutineer/domain';
import { ReporterError } from '../errors.js';
import type { Block, DocumentModel, Run, TableCell } from './document-model.js';
import {
  assessDataset,
  assessMissingResult,
  formatDate,
  formatComparators,
  formatMeasureValue,
  formatMoneyFigure,
  isReportedMeasure,
  isSamePeriod,
  periodLabel,
  reportedPeriod,
  reportedResult,
  sumPence,
  targetsByMeasure,
  targetYear,
  variance,
} from './domain-rules.js';
import { findAuthority } from './lookup.js';
import { contactBlocks, numberedSections, recommendationBlocks } from './report-blocks.js';

/** RAG fills with the words printed on them (colour is never the only signal). */
export const RAG_STYLE = {
  green: { fill: '#00703C', words: 'Green' },
  amber: { fill: '#FFBF47', words: 'Amber' },
  red: { fill: '#D4351C', words: 'Red' },
  'no-target': { fill: '#F3F2F1', words: 'No target' },
  'no-data': { fill: '#F3F2F1', words: 'No data' },
} as const;

const TREND_WORDS = {
  improving: 'Improving',
  'no-change': 'No change',
  worsening: 'Worsening',
  'not-comparable': 'Not comparable',
} as const;

const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({
  runs: [{ text }],
  ...extra,
});
// The column header says "£" ("Budget £"), so a cell holds the figure alone; a negative has a
// real minus (the domain's `formatMoneyFigure` says why); an unknown amount says so in words.
const money = (amount: Maybe<Pence>): string =>
  isUnknown(amount) ? 'Not known' : formatMoneyFigure(amount);
const moneyCell = (amount: Maybe<Pence>): TableCell => cell(money(amount), { align: 'right' });

type DatasetIndex = {
  readonly measures: ReadonlyMap<string, PerformanceMeasure>;
  /** Each measure's results with their RAG and trend, as stored (or assessed once on loading). */
  readonly results: ReadonlyMap<string, readonly AssessedResult[]>;
  /** Targets by measure code, then by year. */
  readonly targets: ReadonlyMap<string, ReadonlyMap<string, MeasureTarget>>;
};

const indexes = new WeakMap<CouncilDataset, DatasetIndex>();

/**
 * Measures and results by measure code, made once per data set: looking them up by scanning
 * made a 3,000-page pack quadratic (16,000 measure rows × 32,000 results). Results from the API
 * carry the RAG and trend it stored; a data set read from a file is assessed here, once, by the
 * domain's `assessDataset` (the rule the API stores), so a row never assesses anything itself.
 */
const indexOf = (dataset: CouncilDataset): DatasetIndex => {
  let index = indexes.get(dataset);
  if (!index) {
    const results = new Map<string, AssessedResult[]>();
    for (const result of assessDataset(dataset)) {
      const list = results.get(result.measureCode);
      if (list) list.push(result);
      else results.set(result.measureCode, [result]);
    }
    index = {
      measures: new Map(dataset.measures.map((measure) => [measure.code, measure])),
      results,
      targets: targetsByMeasure(dataset),
    };
    indexes.set(dataset, index);
  }
  return index;
};

const measureRow = (
  dataset: CouncilDataset,
  report: PerformanceReport,
  measure: PerformanceMeasure,
): TableCell[] => {
  const index = indexOf(dataset);
  // The domain says which period's result the report shows (an academic year in a mid-year report).
  const period = reportedPeriod(measure, report.period);
  const target = index.targets.get(measure.code)?.get(targetYear(period)) ?? null;
  const result = reportedResult(measure, report.period, index.results.get(measure.code) ?? []);
  const { rag, trend } = result ?? assessMissingResult(measure, target);
  const style = RAG_STYLE[rag.status];
  // A missing value is an empty cell, everywhere in the table: the RAG column beside it says why
  // in words ("No target", "No data"), so the reason is printed once and a screen reader hears
  // "blank" under the column's header, never a bare dash or the same words twice in a row.
  const actual =
    result && !isUnknown(result.value) ? formatMeasureValue(measure, result.value) : '';
  const status = actual !== '' && result && result.status !== 'actual' ? ` (${result.status})` : '';
  // The period shown when it is not the report's own (an academic year), with or without a figure.
  const when = isSamePeriod(period, report.period) ? '' : periodLabel(period);
  return [
    cell(measure.code),
    cell(measure.title),
    cell(target && !isUnknown(target.target) ? formatMeasureValue(measure, target.target) : ''),
    cell([`${actual}${status}`, when].filter((part) => part !== '').join('\n')),
    { runs: [{ text: style.words, style: 'bold' }], fill: style.fill },
    cell(`${trend.arrow}\u00a0${TREND_WORDS[trend.direction]}`),
    cell(formatComparators(measure, result?.comparators ?? [])),
    cell(result?.commentary ?? ''),
  ];
};

const priorityBlocks = (
  dataset: CouncilDataset,
  report: PerformanceReport,
  update: PriorityUpdate,
): Block[] => {
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 3,
      runs: [{ text: `Priority ${update.priorityNumber}: ${update.title}` }],
    },
  ];
  const bullets = (label: string, lines: readonly string[]): void => {
    if (lines.length === 0) return;
    blocks.push(
      {
        kind: 'paragraph',
        runs: [{ text: label, style: 'bold' }],
        keepWithNext: true,
        spaceAfter: 3,
        headingLevel: 4,
      },
      { kind: 'list', items: lines.map((text) => ({ label: '•', runs: [{ text }] })) },
    );
  };
  bullets('Highlights', update.highlights);
  bullets('Exceptions', update.exceptions);
  const measures = update.measureCodes.map((code) => {
    const measure = indexOf(dataset).measures.get(code);
    if (!measure) {
      throw new ReporterError(
        'REPORTER.INCONSISTENT_DATA',
        `Report "${report.id}" lists measure "${code}", which the data set does not hold.`,
        {
          reportId: report.id,
          measureCode: code,
        },
      );
    }
    return measure;
  });
  // The exception principle: a Q3 update leaves out measures with no new figure since mid-year.
  const index = indexOf(dataset);
  const reported = measures.filter((measure) =>
    isReportedMeasure(measure, report.period, index.results.get(measure.code) ?? []),
  );
  if (reported.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `Priority ${update.priorityNumber} measures, ${periodLabel(report.period)}`,
      columns: [
        { header: 'Code' },
        { header: 'Measure' },
        { header: 'Target', align: 'right' },
        { header: 'Actual', align: 'right' },
        { header: 'RAG' },
        { header: 'Trend' },
        { header: 'Comparator' },
        { header: 'Commentary' },
      ],
      rows: reported.map((measure) => measureRow(dataset, report, measure)),
    });
  }
  return blocks;
};

const partTwoBlocks = (report: PerformanceReport): Block[] => {
  const { partTwo } = report;
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 2,
      runs: [{ text: 'Part Two – Financial Resources and Monitoring' }],
    },
  ];
  if (partTwo.revenue.length > 0) {
    const budgets = sumPence(partTwo.revenue.map((line) => line.budget));
    const forecasts = partTwo.revenue.map((line) => line.forecast);
    const known = forecasts.filter((forecast): forecast is Pence => !isUnknown(forecast));
    const totalForecast: Maybe<Pence> =
      known.length === forecasts.length
        ? sumPence(known)
        : { kind: 'unknown', reason: 'a forecast is not known' };
    blocks.push({
      kind: 'table',
      caption: 'Revenue budget and forecast out-turn',
      columns: [
        { header: 'Service' },
        { header: 'Budget £', align: 'right' },
        { header: 'Forecast £', align: 'right' },
        { header: 'Variance £', align: 'right' },
      ],
      rows: partTwo.revenue.map((line) => [
        cell(line.service),
        moneyCell(line.budget),
        moneyCell(line.forecast),
        moneyCell(isUnknown(line.forecast) ? line.forecast : variance(line.budget, line.forecast)),
      ]),
      footerRows: [
        [
          cell('Total'),
          moneyCell(budgets),
          moneyCell(totalForecast),
          moneyCell(isUnknown(totalForecast) ? totalForecast : variance(budgets, totalForecast)),
        ],
      ],
    });
  }
  if (partTwo.reserves.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Earmarked reserves',
      columns: [
        { header: 'Reserve' },
        { header: 'Balance £', align: 'right' },
        { header: 'Forecast use £', align: 'right' },
      ],
      rows: partTwo.reserves.map((line) => [
        cell(line.name),
        moneyCell(line.balance),
        moneyCell(line.forecastUse),
      ]),
    });
  }
  if (partTwo.savings.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Savings programme',
      columns: [
        { header: 'Saving' },
        { header: 'Target £', align: 'right' },
        { header: 'Forecast £', align: 'right' },
        { header: 'Commentary' },
      ],
      rows: partTwo.savings.map((line) => [
        cell(line.title),
        moneyCell(line.target),
        moneyCell(line.forecast),
        cell(line.commentary ?? ''),
      ]),
    });
  }
  if (partTwo.capital.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Capital programme',
      columns: [
        { header: 'Scheme' },
        { header: 'Budget £', align: 'right' },
        { header: 'Forecast £', align: 'right' },
        { header: 'Commentary' },
      ],
      rows: partTwo.capital.map((line) => [
        cell(line.scheme),
        moneyCell(line.budget),
        moneyCell(line.forecast),
        cell(line.commentary ?? ''),
      ]),
    });
  }
  blocks.push(
    ...partTwo.commentary.map((text): Block => ({ kind: 'paragraph', runs: [{ text }] })),
  );
  return blocks;
};

const URL_PATTERN = /(https?:\/\/[^\s<>]+)/g;

/** Text with its web addresses as links. */
export const linkedRuns = (text: string): Run[] =>
  text
    .split(URL_PATTERN)
    .filter((piece) => piece !== '')
    .map((piece) =>
      /^https?:\/\//.test(piece)
        ? { text: piece, colour: '#1D4F91', link: { kind: 'url' as const, url: piece } }
        : { text: piece },
    );

/**
 * The blocks of a Portfolio Performance and Resource Report: header block, numbered sections,
 * lettered recommendations, Part One per priority with its measures, Part Two money tables,
 * further information and contact officers. In a pack, `reportTo` is the meeting's committee as
 * stored, so every report in the pack names it the same way; on its own the report says whom
 * it was written for.
 */
export const performanceReportBlocks = (
  dataset: CouncilDataset,
  report: PerformanceReport,
  reportTo: string = report.reportTo,
): Block[] => {
  const blocks: Block[] = [
    {
      kind: 'key-value',
      keyWidth: 120,
      rows: [
        { key: 'REPORT TO:', value: [{ text: reportTo.toUpperCase() }] },
        { key: 'DATE:', value: [{ text: formatDate(report.date).toUpperCase() }] },
        {
          key: 'REPORT OF:',
          value: [{ text: report.reportOf.join('\n').toUpperCase(), style: 'bold' }],
        },
        { key: 'REPORT TITLE:', value: [{ text: report.title.toUpperCase(), style: 'bold' }] },
      ],
    },
    ...numberedSections(report.sections),
    ...recommendationBlocks(report.recommendations, report.sections.length + 1),
  ];
  if (report.partOne.length > 0) {
    blocks.push({ kind: 'heading', level: 2, runs: [{ text: 'Part One – Portfolio Overview' }] });
    for (const update of report.partOne) blocks.push(...priorityBlocks(dataset, report, update));
  }
  blocks.push(...partTwoBlocks(report));
  if (report.furtherInformation.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, look: 3, runs: [{ text: 'Further Information' }] },
      {
        kind: 'list',
        items: report.furtherInformation.map((text) => ({ label: '•', runs: linkedRuns(text) })),
      },
    );
  }
  blocks.push(
    ...contactBlocks(
      report.contacts,
      'Contact officers for accessing background papers and discussing the report',
    ),
  );
  return blocks;
};

/**
 * The standalone report's title names its portfolio ("Children, Family Services and Education:
 * Portfolio Performance and Resources – Mid-Year Report 2021/22"), unless the stored title already does.
 */
const reportTitle = (title: string, portfolioName: string): string =>
  title.toLowerCase().includes(portfolioName.toLowerCase()) ? title : `${portfolioName}: ${title}`;

/** A performance report on its own, as a one-section document. */
export const buildPerformanceReportModel = (
  dataset: CouncilDataset,
  reportId: string,
): DocumentModel => {
  const report = dataset.performanceReports.find((candidate) => candidate.id === reportId);
  if (!report) {
    throw new ReporterError(
      'REPORTER.REPORT_NOT_FOUND',
      `No performance report with id "${reportId}" in the data set.`,
      {
        reportId,
        known: dataset.performanceReports.map((candidate) => candidate.id).slice(0, 20),
      },
    );
  }
  const portfolio = dataset.portfolios.find((candidate) => candidate.code === report.portfolioCode);
  if (!portfolio) {
    throw new ReporterError(
      'REPORTER.INCONSISTENT_DATA',
      `Report "${reportId}" is for portfolio "${report.portfolioCode}", which the data set does not hold.`,
      {
        reportId,
        portfolioCode: report.portfolioCode,
      },
    );
  }
  const authority = findAuthority(dataset, portfolio.authorityId, `portfolio "${portfolio.code}"`);
  const title = reportTitle(report.title, portfolio.name);
  return {
    meta: {
      title,
      subject: `${portfolio.name}: ${periodLabel(report.period)}`,
      author: authority.name,
      keywords: `performance, ${portfolio.code}, ${report.year}`,
      councilName: authority.name,
      colour: authority.style.primaryColour,
      headerMark: null,
    },
    sections: [
      {
        id: `report-${report.id}`,
        tag: 'Art',
        stamp: null,
        marking: null,
        blocks: [
          {
            kind: 'heading',
            level: 1,
            runs: [{ text: title }],
          },
          ...performanceReportBlocks(dataset, report),
        ],
      },
    ],
  };
};
