import type {
  AgendaItem,
  CouncilDataset,
  PerformanceReport,
  Recommendations,
} from '@scrutineer/domain';
import type { Block } from './document-model.js';
import { contactBlocks, recommendationBlocks } from './report-blocks.js';

/**
 * What an agenda item says about its reports (report of, recommendations, contact officers) and
 * the reports themselves, per report and per portfolio. A report written as sections prints the
 * item's words in its own header and at its end (see agenda-pack.model.ts); a PPRR prints its
 * own. What the item holds beyond what its reports print is printed once, at the head of the
 * item, so nothing stored is left out and nothing is printed twice.
 */

const same = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((text, index) => same(text, b[index] ?? ''));

const sameRecommendations = (a: Recommendations, b: Recommendations): boolean =>
  a.style === b.style && same(a.lead, b.lead) && sameList(a.items, b.items);

/** The performance reports an item's documents are, in the item's order. */
export const itemPerformanceReports = (
  dataset: CouncilDataset,
  item: AgendaItem,
): PerformanceReport[] =>
  item.documents.flatMap((document) => {
    const content = document.content;
    if (content.kind !== 'performance-report') return [];
    const report = dataset.performanceReports.find(
      (candidate) => candidate.id === content.performanceReportId,
    );
    return report ? [report] : [];
  });

/**
 * The item's report of, recommendations (in their own list style) and contacts, for an item whose
 * documents do not print them: one with no report written as sections (PPRRs, tables,
 * appendices). Each part is left out when every report of the item already prints the same, and
 * a contact when a report already names them.
 */
export const itemCoverBlocks = (dataset: CouncilDataset, item: AgendaItem): Block[] => {
  if (
    item.documents.some(
      (document) => document.role === 'report' && document.content.kind === 'sections',
    )
  ) {
    return [];
  }
  const reports = itemPerformanceReports(dataset, item);
  const everyReport = (says: (report: PerformanceReport) => boolean): boolean =>
    reports.length > 0 && reports.every(says);
  const blocks: Block[] = [];
  if (
    item.reportOf.length > 0 &&
    !everyReport((report) => sameList(report.reportOf, item.reportOf))
  ) {
    blocks.push({
      kind: 'key-value',
      keyWidth: 120,
      rows: [
        {
          key: 'REPORT OF:',
          value: [{ text: item.reportOf.join('\n').toUpperCase(), style: 'bold' }],
        },
      ],
    });
  }
  const { recommendations } = item;
  if (
    recommendations &&
    recommendations.items.length > 0 &&
    !everyReport((report) => sameRecommendations(report.recommendations, recommendations))
  ) {
    blocks.push(...recommendationBlocks(recommendations, null));
  }
  // Contacts a report already prints are not printed again; the others are, with the item.
  const contactKey = (contact: AgendaItem['contacts'][number]): string =>
    `${contact.name}|${contact.email ?? ''}`.toLowerCase();
  const printed = new Set(reports.flatMap((report) => report.contacts.map(contactKey)));
  blocks.push(
    ...contactBlocks(item.contacts.filter((contact) => !printed.has(contactKey(contact)))),
  );
  return blocks;
};

/** Whether the item carries reports of more than one portfolio (West Sussex's one PRR item). */
export const isGroupedByPortfolio = (dataset: CouncilDataset, item: AgendaItem): boolean =>
  new Set(itemPerformanceReports(dataset, item).map((report) => report.portfolioCode)).size > 1;

/**
 * A portfolio's report inside an item that carries several: under a heading naming the
 * portfolio, its own headings one level down, each printing as it did (`look`), so the outline
 * reads Item › Portfolio › the report's sections and levels never skip.
 */
export const underPortfolio = (
  dataset: CouncilDataset,
  report: PerformanceReport,
  blocks: readonly Block[],
): Block[] => {
  const portfolio = dataset.portfolios.find((candidate) => candidate.code === report.portfolioCode);
  const name = portfolio?.name ?? report.portfolioCode;
  const deeper = blocks.map((block): Block => {
    if (block.kind === 'heading') {
      const level = Math.min(block.level + 1, 6) as typeof block.level;
      return { ...block, level, look: block.look ?? (Math.min(block.level, 3) as 1 | 2 | 3) };
    }
    if (block.kind === 'paragraph' && block.headingLevel !== undefined) {
      return {
        ...block,
        headingLevel: Math.min(block.headingLevel + 1, 6) as typeof block.headingLevel,
      };
    }
    return block;
  });
  return [
    {
      kind: 'heading',
      level: 2,
      runs: [{ text: `${name} portfolio` }],
      bookmark: { title: `${name} portfolio` },
    },
    ...deeper,
  ];
};
