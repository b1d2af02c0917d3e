/**
 * A converted Word report (`ConvertedBlock`s, stored by the API beside the file) as the
 * reporter's own blocks, so it is drawn exactly like a report Scrutineer writes: the same type,
 * colours, tags (H1–H6, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure, Note) and page flow.
 */
import type {
  ConvertedBlock,
  ConvertedListItem,
  ConvertedRun,
  ListStyle,
} from '@scrutineer/domain';
import { CONTENT_WIDTH, PAGE } from '../layout/geometry.js';
import type { Block, FontStyle, HeadingLevel, ListItem, Run, TableCell } from './document-model.js';
import { printedListLabel } from './domain-rules.js';

export type ConvertedReportOptions = {
  /** The level the report's own top headings take in the document (2 under an item's H1, say). */
  readonly headingLevel: HeadingLevel;
  /** Makes the notes' IDs unique in the document when it holds several converted reports. */
  readonly idPrefix: string;
};

/** The Figure's Alt for an image the author gave no alt text (the clerk is warned). */
export const UNDESCRIBED_IMAGE = 'An image the Word document gives no alt text for';

/** The tallest an image prints, so a tall one leaves room for a line of text on its page. */
const MAX_IMAGE_HEIGHT_PT = (PAGE.bottom - PAGE.top) * 0.75;

/** Links print in the same blue as the reporter's other links (contacts' email addresses). */
const LINK_COLOUR = '#1D4F91';

/** Numbered lists nest 1. → a) → (i) → 1. …; bulleted ones • → – → • …. */
const ORDERED_STYLES: readonly ListStyle[] = ['numbered', 'lettered', 'roman'];
const BULLETS = ['•', '–'] as const;

/**
 * The style a run prints in. Arimo is registered in regular, bold and italic only: a bold italic
 * run prints bold.
 */
const fontStyle = (run: ConvertedRun): FontStyle | undefined =>
  run.bold ? 'bold' : run.italic ? 'italic' : undefined;

/** The reporter's runs; a note's mark links to the note (`prefix` + its id), a web link to its page. */
const runsOf = (runs: readonly ConvertedRun[], prefix = ''): Run[] =>
  runs.map((run): Run => {
    const style = fontStyle(run);
    const link: Run['link'] = run.note
      ? {
          kind: 'dest',
          name: `${prefix}${run.note}`,
          description: `${run.note.startsWith('endnote-') ? 'Endnote' : 'Footnote'} ${run.text.replace(/^\[|\]$/g, '')}`,
        }
      : run.href
        ? { kind: 'url', url: run.href }
        : undefined;
    return {
      text: run.text,
      ...(style ? { style } : {}),
      ...(link ? { colour: LINK_COLOUR, link } : {}),
    };
  });

const plainText = (runs: readonly ConvertedRun[]): string => runs.map((run) => run.text).join('');

/** The flat items (each with its depth) as a tree of the reporter's list items, labelled. */
const nestItems = (
  items: readonly ConvertedListItem[],
  toRuns: (runs: readonly ConvertedRun[]) => Run[],
): ListItem[] => {
  type Draft = { label: string; runs: Run[]; children: Draft[] };
  const roots: Draft[] = [];
  // The open item at each depth; an item deeper than the one before nests under it.
  const open: Draft[] = [];
  const counters: number[] = [];
  for (const item of items) {
    const depth = Math.min(item.depth, open.length);
    open.length = depth;
    counters.length = depth + 1;
    const position = (counters[depth] ?? 0) + 1;
    counters[depth] = position;
    const label = item.ordered
      ? printedListLabel(ORDERED_STYLES[depth % ORDERED_STYLES.length] ?? 'numbered', position)
      : (BULLETS[depth % BULLETS.length] ?? '•');
    const draft: Draft = { label, runs: toRuns(item.runs), children: [] };
    const parent = open[depth - 1];
    if (parent) parent.children.push(draft);
    else roots.push(draft);
    open[depth] = draft;
  }
  const finish = (draft: Draft): ListItem => ({
    label: draft.label,
    runs: draft.runs,
    ...(draft.children.length > 0 ? { children: draft.children.map(finish) } : {}),
  });
  return roots.map(finish);
};

/** A table's rows with merged cells spread back over the columns they cover, every row full. */
const tableBlock = (
  block: Extract<ConvertedBlock, { kind: 'table' }>,
  toRuns: (runs: readonly ConvertedRun[]) => Run[],
): Block => {
  const spread = block.rows.map((row) =>
    row.flatMap((cell): TableCell[] => [
      { runs: toRuns(cell.runs) },
      ...Array.from({ length: (cell.colSpan ?? 1) - 1 }, () => ({ runs: [] })),
    ]),
  );
  const columns = Math.max(...spread.map((row) => row.length));
  const full = spread.map((row) => [
    ...row,
    ...Array.from({ length: columns - row.length }, () => ({ runs: [] as Run[] })),
  ]);
  const [header, ...body] = full;
  const headerTexts = (block.rows[0] ?? []).flatMap((cell) => [
    plainText(cell.runs),
    ...Array.from({ length: (cell.colSpan ?? 1) - 1 }, () => ''),
  ]);
  // One header row prints as the header (TH, Scope Column); further header rows print bold.
  const extraHeaders = Math.max(block.headerRows - 1, 0);
  return {
    kind: 'table',
    caption: null,
    columns: (header ?? []).map((_, index) => ({ header: headerTexts[index] ?? '' })),
    rows: body.map((row, index) =>
      index < extraHeaders
        ? row.map((cell) => ({
            ...cell,
            runs: cell.runs.map((run) => ({ ...run, style: 'bold' as const })),
          }))
        : row,
    ),
  };
};

const figureBlocks = (block: Extract<ConvertedBlock, { kind: 'figure' }>): Block[] => {
  const alt = block.alt.trim() === '' ? UNDESCRIBED_IMAGE : block.alt.trim();
  if (!block.image) {
    // An image the pack cannot draw: its description stands in its place, said as such.
    return [{ kind: 'paragraph', runs: [{ text: `[Image not shown: ${alt}]`, style: 'italic' }] }];
  }
  const scale = Math.min(
    1,
    CONTENT_WIDTH / block.image.width,
    MAX_IMAGE_HEIGHT_PT / block.image.height,
  );
  return [
    {
      kind: 'image',
      data: Buffer.from(block.image.data, 'base64'),
      width: block.image.width * scale,
      height: block.image.height * scale,
      alt,
    },
  ];
};

/** The converted report's blocks, its headings from `headingLevel` down and its notes at its end. */
export const convertedReportBlocks = (
  blocks: readonly ConvertedBlock[],
  options: ConvertedReportOptions,
): Block[] => {
  const toRuns = (runs: readonly ConvertedRun[]): Run[] => runsOf(runs, options.idPrefix);
  return blocks.flatMap((block): Block[] => {
    switch (block.kind) {
      case 'heading':
        return [
          {
            kind: 'heading',
            level: Math.min(options.headingLevel + block.level - 1, 6) as HeadingLevel,
            runs: toRuns(block.runs),
          },
        ];
      case 'paragraph':
        return [{ kind: 'paragraph', runs: toRuns(block.runs) }];
      case 'list':
        return [{ kind: 'list', items: nestItems(block.items, toRuns) }];
      case 'table':
        return [tableBlock(block, toRuns)];
      case 'figure':
        return figureBlocks(block);
      case 'notes':
        return [
          { kind: 'heading', level: options.headingLevel, look: 3, runs: [{ text: 'Notes' }] },
          ...block.notes.map((note): Block => ({
            kind: 'paragraph',
            label: note.label,
            runs: toRuns(note.runs),
            size: 9.5,
            note: { id: `${options.idPrefix}${note.id}` },
            dest: `${options.idPrefix}${note.id}`,
          })),
        ];
    }
  });
};
