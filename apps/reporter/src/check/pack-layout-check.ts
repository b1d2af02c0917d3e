import {
  type CouncilDataset,
  type PublicationFinding,
  isWithheld,
  publicationFinding,
} from '@scrutineer/domain';
import PDFDocument from 'pdfkit';
import { pdfkitMetrics, registerFonts } from '../draw/fonts.js';
import { layoutSection, type LayoutContext } from '../layout/layout.js';
import type { TextMetrics } from '../layout/metrics.js';
import type { PlacedPage } from '../layout/placed.js';
import { buildAgendaPackModel, type Edition } from '../model/agenda-pack.model.js';
import type { Section } from '../model/document-model.js';
import { findMeeting } from '../model/lookup.js';

/**
 * What only the pack's layout knows, as pre-publication findings (the domain's
 * `checkPublicationReadiness` finds the rest; the API and `scrutineer-pack check` combine both):
 *
 * - a report on the agenda that has no pages in the pack, so the agenda prints no "(Pages …)";
 * - a table row that, with the header above it, is taller than a page: layout splits it
 *   between lines across pages, which no reader can follow.
 *
 * It lays the pack out exactly as rendering does (the same model, `layoutSection` and the
 * Arimo metrics), without drawing. It reads the pack in `edition`: the public edition never
 * lays out exempt content, so its findings cannot name any.
 */
export type PackLayoutCheckOptions = {
  /** Text metrics for layout; the embedded fonts' own by default (tests may pass fixed ones). */
  readonly metrics?: TextMetrics;
};

/** The metrics rendering uses: the Arimo fonts registered on a document that is never drawn. */
const fontMetrics = (): TextMetrics => {
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0 });
  registerFonts(doc);
  return pdfkitMetrics(doc);
};

type RowPlace = { readonly caption: string | null; readonly row: string; pages: number[] };

/**
 * Every table row whose content lies on more than one page of the section: the rows layout
 * had to split (a row that fits a page is moved whole to the next page, its header repeated).
 * Rows are found by their `TR` structure element, the same one drawing tags.
 */
const splitRows = (pages: readonly PlacedPage[]): RowPlace[] => {
  const rows = new Map<string, RowPlace>();
  pages.forEach((page, pageIndex) => {
    for (const op of page.ops) {
      if (!('tag' in op) || op.tag.kind !== 'struct') continue;
      const path = op.tag.path;
      const at = path.findIndex((node) => node.tag === 'TR');
      const tr = path[at];
      if (!tr) continue;
      const table = path[at - 1];
      const place = rows.get(tr.key) ?? {
        caption: table?.alt ?? null,
        row: /\/r(\d+)$/.exec(tr.key)?.[1] ?? tr.key,
        pages: [],
      };
      if (!place.pages.includes(pageIndex)) place.pages.push(pageIndex);
      rows.set(tr.key, place);
    }
  });
  return [...rows.values()].filter((place) => place.pages.length > 1);
};

const layOut = (section: Section, ctx: LayoutContext): PlacedPage[] => [
  ...layoutSection(section, ctx),
];

/** Layout findings for the agenda pack of meeting `meetingId` in `edition`, in agenda order. */
export const checkPackLayout = (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  options: PackLayoutCheckOptions = {},
): PublicationFinding[] => {
  const model = buildAgendaPackModel(dataset, meetingId, edition);
  const { document } = findMeeting(dataset, meetingId);
  const ctx: LayoutContext = {
    metrics: options.metrics ?? fontMetrics(),
    meta: model.meta,
    warn: () => undefined,
  };
  const pagesByItem = new Map(
    model.items.map((item) => [item.number, layOut(item.section, ctx)] as const),
  );
  const findings: PublicationFinding[] = [];
  const ordered = [...document.agendaItems.entries()].sort(([, a], [, b]) => a.order - b.order);
  for (const [index, item] of ordered) {
    // The public pack lists an exempt item by number and title only, by design without pages.
    if (isWithheld(item, edition === 'confidential')) continue;
    const pages = pagesByItem.get(item.number);
    if (item.kind === 'report' && (pages === undefined || pages.length === 0)) {
      findings.push(
        publicationFinding(
          'PACK.NO_PAGE_RANGE',
          `Item ${item.number} (“${item.title}”) is a report, but the pack holds no document for it, so the agenda gives it no page range: attach the report, or say on the agenda that it is to follow.`,
          { itemNumber: item.number, path: `$.agendaItems[${index}].documents` },
        ),
      );
    }
    const onlyReport = item.documents.length === 1 ? item.documents[0]?.content : undefined;
    for (const place of splitRows(pages ?? [])) {
      const first = Math.min(...place.pages) + 1;
      findings.push(
        publicationFinding(
          'PACK.TABLE_ROW_TOO_TALL',
          `Item ${item.number} (“${item.title}”): row ${place.row} of the table${place.caption ? ` “${place.caption}”` : ''} is taller than a page with its header, so it is split across ${place.pages.length} pages (from page ${first} of the item). Shorten the row’s text or split it into rows.`,
          {
            itemNumber: item.number,
            performanceReportId:
              onlyReport?.kind === 'performance-report' ? onlyReport.performanceReportId : null,
            path: `$.agendaItems[${index}].documents`,
          },
        ),
      );
    }
  }
  return findings;
};
