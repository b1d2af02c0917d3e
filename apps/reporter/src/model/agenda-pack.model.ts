import type {
  AgendaItem,
  ConvertedBlock,
  CouncilDataset,
  ItemDocument,
  LatePaper,
  MeetingDocument,
} from '@scrutineer/domain';
import { isPublishedPaper, latePapers, supplementTitle } from '@scrutineer/domain';
import { ReporterError } from '../errors.js';
import type { Block, DocumentMeta, Run, Section } from './document-model.js';
import {
  describeExemption,
  exclusionResolution,
  formatDate,
  isWithheld,
  ukDateOf,
  withholdMeetingDocument,
} from './domain-rules.js';
import { attachedFileNotice } from './attached-file.js';
import { convertedReportBlocks } from './converted-report-blocks.js';
import { isGroupedByPortfolio, itemCoverBlocks, underPortfolio } from './item-reports.js';
import { findMeeting, type MeetingContext } from './lookup.js';
import { membershipBlocks } from './membership-blocks.js';
import { performanceReportBlocks } from './performance-report.model.js';
import {
  contactBlocks,
  numberedSections,
  recommendationBlocks,
  reportHeader,
} from './report-blocks.js';
import { contactRuns, formatClockTime, imageFromDataUrl, imageSize, joinNames } from './wording.js';

export type Edition = 'public' | 'confidential';

/** First and last page of an agenda item's documents in the pack, 1-based. */
export type PageRange = { readonly first: number; readonly last: number };

export type AgendaPackItem = { readonly number: string; readonly section: Section };

/**
 * An agenda pack before layout. The front sheet and agenda need every item's page range, which
 * only layout knows: `front` makes them from ranges by section id (a placeholder before the first pass).
 */
export type AgendaPackModel = {
  readonly meta: DocumentMeta;
  readonly front: (ranges: ReadonlyMap<string, PageRange>) => Section;
  readonly items: readonly AgendaPackItem[];
};

export const itemSectionId = (item: AgendaItem): string => `item-${item.number}`;

export type AgendaPackOptions = {
  /**
   * Reserve pages for attached PDFs (a `file` document of `application/pdf` with its page count),
   * to be merged in after drawing; without it the pack prints a notice naming the file instead.
   */
  readonly mergeAttachedPdfs?: boolean;
  /**
   * Attached Word documents converted (`docxToReport`'s blocks), by SHA-256: a `file` document of
   * a DOCX found here is drawn in the pack's flow like a report written inline; one not found
   * prints the notice naming the file.
   */
  readonly convertedReports?: ReadonlyMap<string, readonly ConvertedBlock[]>;
  /**
   * Draw Supplementary Agenda No. `supplement` instead of the main pack: its own front sheet and
   * only the late papers that supplement published (each `late.supplement` as stored). A number
   * no paper carries is refused (`REPORTER.SUPPLEMENT_NOT_FOUND`).
   */
  readonly supplement?: number;
};

/** What a pack prints of one agenda item: the item whole, or (a supplement) some of its documents. */
type PrintedItem = {
  readonly item: AgendaItem;
  /** Its documents the pack prints, each with its place among the item's documents, from 0. */
  readonly documents: readonly { readonly document: ItemDocument; readonly index: number }[];
  /** The item itself is printed (its summary, cover and every document), not only late documents. */
  readonly whole: boolean;
};

/**
 * Whether the pack of `edition` prints a paper. A late paper no supplementary agenda has
 * published yet (`late.supplement` null) is not published: members see it in the confidential
 * pack, marked as waiting for its supplement; the public pack prints it once its supplement is out.
 */
const isPrinted = (paper: { readonly late?: LatePaper | null }, edition: Edition): boolean =>
  edition === 'confidential' || isPublishedPaper(paper);

/**
 * The items and documents a pack prints, from the edition's withheld view, in agenda order. The
 * main pack: every item printed in the edition with its printed documents. A supplement: each
 * late item it published, whole, and each item on the agenda with the late documents it published.
 */
const printedItems = (
  seen: MeetingDocument,
  edition: Edition,
  supplement: number | undefined,
): PrintedItem[] => {
  const ordered = [...seen.agendaItems].sort((a, b) => a.order - b.order);
  const indexed = (item: AgendaItem) =>
    item.documents.map((document, index) => ({ document, index }));
  if (supplement === undefined) {
    return ordered
      .filter((item) => isPrinted(item, edition))
      .map((item) => ({
        item,
        documents: indexed(item).filter(({ document }) => isPrinted(document, edition)),
        whole: true,
      }));
  }
  const papers = latePapers(ordered).filter(
    (paper) => (paper.late.supplement ?? null) === supplement,
  );
  return ordered.flatMap((item): PrintedItem[] => {
    const own = papers.filter((paper) => paper.itemNumber === item.number);
    if (own.length === 0) return [];
    if (own.some((paper) => paper.document === null))
      return [{ item, documents: indexed(item), whole: true }];
    return [
      {
        item,
        documents: indexed(item).filter(({ index }) =>
          own.some((paper) => paper.document === index),
        ),
        whole: false,
      },
    ];
  });
};

/** A supplement number is a positive whole number that some late paper of the meeting carries. */
const checkSupplement = (
  seen: MeetingDocument,
  supplement: number | undefined,
  meetingId: string,
): void => {
  if (supplement === undefined) return;
  if (!Number.isInteger(supplement) || supplement < 1)
    throw new ReporterError(
      'REPORTER.INVALID_OPTION',
      `A supplementary agenda is numbered 1, 2, …, not ${String(supplement)}.`,
      { supplement },
    );
  const published = latePapers(seen.agendaItems).some(
    (paper) => (paper.late.supplement ?? null) === supplement,
  );
  if (!published)
    throw new ReporterError(
      'REPORTER.SUPPLEMENT_NOT_FOUND',
      `Meeting "${meetingId}" has no ${supplementTitle(supplement)}: no late paper was published in it.`,
      { meetingId, supplement },
    );
};

/** The DOCX media type, as the domain stores it. */
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The attached files the pack of `edition` reads, by SHA-256, in the order it prints them: each
 * PDF with a stored page count (merged) and each Word document (converted and drawn). Read from
 * the edition's withheld view, so the public edition never names an exempt item's or appendix's
 * file: what the API loads for a render job, and nothing else. With `supplement`, the files of
 * that supplementary agenda's papers only.
 */
export const packAttachedFiles = (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  options: Pick<AgendaPackOptions, 'supplement'> = {},
): { readonly pdfs: readonly string[]; readonly docx: readonly string[] } => {
  const { document } = findMeeting(dataset, meetingId);
  const seen = withholdMeetingDocument(document, edition === 'confidential');
  checkSupplement(seen, options.supplement, meetingId);
  const pdfs = new Set<string>();
  const docx = new Set<string>();
  for (const { item, documents } of printedItems(seen, edition, options.supplement)) {
    if (isWithheld(item, edition === 'confidential')) continue;
    for (const { document: itemDocument } of documents) {
      if (isWithheld(itemDocument, edition === 'confidential')) continue;
      const { content } = itemDocument;
      if (content.kind !== 'file') continue;
      if (content.file.mediaType === DOCX) docx.add(content.file.sha256);
      else if (mergedPdfPages(itemDocument, { mergeAttachedPdfs: true }) !== null)
        pdfs.add(content.file.sha256);
    }
  }
  return { pdfs: [...pdfs], docx: [...docx] };
};

/** Whether an item document is an attached PDF the pack merges, and how many pages it reserves. */
const mergedPdfPages = (document: ItemDocument, options: AgendaPackOptions): number | null =>
  options.mergeAttachedPdfs === true &&
  document.content.kind === 'file' &&
  document.content.file.mediaType === 'application/pdf' &&
  document.content.file.pageCount !== undefined
    ? document.content.file.pageCount
    : null;

/** "(Pages 5 - 18)", or "(Page 5)" for one page. */
export const pageRangeText = (range: PageRange): string =>
  range.first === range.last ? `(Page ${range.first})` : `(Pages ${range.first} - ${range.last})`;

/** The marking printed on every page of an exempt item or appendix. */
export const exemptMarking = (paragraph: number): string => {
  const { description, part } = describeExemption(paragraph);
  return `NOT FOR PUBLICATION – Schedule 12A to the Local Government Act 1972, Part ${part}, paragraph ${paragraph}: ${description}`;
};

const documentBlocks = (
  dataset: CouncilDataset,
  context: MeetingContext,
  item: AgendaItem,
  document: ItemDocument,
  edition: Edition,
  itemMarking: string | null,
  first: boolean,
  options: AgendaPackOptions,
  /** The document's place in the item, from 0: what keeps a converted report's note ids unique. */
  index: number,
): Block[] => {
  const blocks: Block[] = [];
  const exempt = document.exemption !== null && item.exemption === null;
  if (!first) {
    blocks.push({
      kind: 'page-break',
      marking:
        exempt && edition === 'confidential' && document.exemption
          ? exemptMarking(document.exemption.paragraph)
          : itemMarking,
    });
  }
  if (exempt && document.exemption && isWithheld(document, edition === 'confidential')) {
    // The public edition says the appendix exists and why it is withheld, and nothing else.
    blocks.push({
      kind: 'heading',
      level: 2,
      runs: [{ text: document.title }],
      bookmark: { title: `${document.title} (not for publication)` },
    });
    blocks.push({
      kind: 'notice',
      title: `${document.title}: not for publication`,
      runs: [
        {
          text: `${describeExemption(document.exemption.paragraph).notice} The ${document.role === 'appendix' ? 'appendix' : 'document'} is in the confidential pack for members only.`,
        },
      ],
    });
    return blocks;
  }
  const pages = mergedPdfPages(document, options);
  if (pages !== null && document.content.kind === 'file') {
    // Its own pages say what it is: no heading drawn; its bookmark and Sect carry the title.
    blocks.push({
      kind: 'attached-pdf',
      title: document.title,
      pages,
      file: document.content.file.sha256,
      // No "Agenda Item N" of its own: the item's first page has it (see itemSection).
      stamp: null,
    });
    return blocks;
  }
  // In an item with several portfolios' reports, each report's heading is its portfolio's.
  const grouped =
    document.content.kind === 'performance-report' && isGroupedByPortfolio(dataset, item);
  if (!grouped && (!first || document.role !== 'report')) {
    blocks.push({
      kind: 'heading',
      level: 2,
      runs: [{ text: document.title }],
    });
  }
  const content = document.content;
  switch (content.kind) {
    case 'sections': {
      if (document.role === 'report') blocks.push(reportHeader(context, item, document));
      blocks.push(...numberedSections(content.sections));
      if (document.role === 'report') {
        if (item.recommendations)
          blocks.push(...recommendationBlocks(item.recommendations, content.sections.length + 1));
        blocks.push(...contactBlocks(item.contacts));
      }
      break;
    }
    case 'performance-report': {
      const report = dataset.performanceReports.find(
        (candidate) => candidate.id === content.performanceReportId,
      );
      if (!report) {
        throw new ReporterError(
          'REPORTER.INCONSISTENT_DATA',
          `Agenda item ${item.number} refers to performance report "${content.performanceReportId}", which the data set does not hold.`,
          { itemNumber: item.number, performanceReportId: content.performanceReportId },
        );
      }
      const reportBlocks = performanceReportBlocks(dataset, report, context.committee.name);
      blocks.push(...(grouped ? underPortfolio(dataset, report, reportBlocks) : reportBlocks));
      break;
    }
    case 'table':
      blocks.push({
        kind: 'table',
        caption: content.caption,
        columns: content.header.map((header) => ({ header })),
        rows: content.rows.map((row) => row.map((text) => ({ runs: [{ text }] }))),
      });
      break;
    case 'file': {
      const converted =
        content.file.mediaType === DOCX
          ? options.convertedReports?.get(content.file.sha256)
          : undefined;
      if (converted === undefined) {
        blocks.push(attachedFileNotice(document.title, document.role, content.file));
        break;
      }
      // Drawn as a report Scrutineer writes itself: under the document's heading (H2), or, as
      // the item's report, straight under the item's (H1) with the report's header and contacts.
      const titled = !first || document.role !== 'report';
      if (document.role === 'report') blocks.push(reportHeader(context, item, document));
      blocks.push(
        ...convertedReportBlocks(converted, {
          headingLevel: titled ? 3 : 2,
          idPrefix: `item-${item.number}-${index + 1}-`,
        }),
      );
      if (document.role === 'report') {
        if (item.recommendations) blocks.push(...recommendationBlocks(item.recommendations, null));
        blocks.push(...contactBlocks(item.contacts));
      }
      break;
    }
  }
  return blocks;
};

/**
 * The line a late paper prints with, as stored: which supplementary agenda published it (or that
 * none has yet) and the chair's reason for urgency (LGA 1972 s.100B(4)(b)). `title` names a late
 * document; a late item's line goes under the item's own title.
 */
const lateRuns = (late: LatePaper, title: string | null): Run[] => {
  const supplement = late.supplement ?? null;
  const published =
    supplement === null
      ? 'not yet published in a supplementary agenda'
      : `published in ${supplementTitle(supplement)}`;
  return [
    { text: 'Late paper: ', style: 'bold' },
    { text: `${title === null ? '' : `${title}, `}${published}. ` },
    { text: 'Reason for urgency: ', style: 'bold' },
    { text: late.urgencyReason },
  ];
};

/** The late-paper lines of an item the pack prints: the item's own, or each late document's. */
const lateLines = (item: AgendaItem, documents: readonly ItemDocument[]): Run[][] =>
  item.late
    ? [lateRuns(item.late, null)]
    : documents.flatMap((document) =>
        document.late ? [lateRuns(document.late, document.title)] : [],
      );

const itemSection = (
  dataset: CouncilDataset,
  context: MeetingContext,
  printed: PrintedItem,
  edition: Edition,
  options: AgendaPackOptions,
): Section => {
  const { item, documents, whole } = printed;
  const itemMarking = item.exemption ? exemptMarking(item.exemption.paragraph) : null;
  const stamp = `Agenda Item ${item.number}`;
  // "Agenda Item N" goes on the item's first page only, where the agenda's page range starts
  // (an attached PDF always follows the item's heading, so it is never that page).
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      runs: [{ text: `${item.number}. ${item.title}` }],
      dest: itemSectionId(item),
    },
  ];
  for (const runs of lateLines(
    item,
    documents.map(({ document }) => document),
  ))
    blocks.push({ kind: 'paragraph', runs });
  if (whole) {
    if (item.summary)
      blocks.push({ kind: 'paragraph', runs: [{ text: item.summary, style: 'italic' }] });
    blocks.push(...itemCoverBlocks(dataset, item));
  }
  documents.forEach(({ document, index }, position) => {
    blocks.push(
      ...documentBlocks(
        dataset,
        context,
        item,
        document,
        edition,
        itemMarking,
        position === 0,
        options,
        index,
      ),
    );
  });
  // A supplement's late exempt appendix may be the section's first page: marked from there.
  const first = documents[0]?.document;
  const marking =
    !whole &&
    first?.exemption &&
    item.exemption === null &&
    !isWithheld(first, edition === 'confidential')
      ? exemptMarking(first.exemption.paragraph)
      : itemMarking;
  return {
    id: itemSectionId(item),
    tag: 'Part',
    stamp,
    marking,
    blocks,
  };
};

/** The top of a pack's front sheet: the council's logo and which pack it is. */
const packHeaderBlocks = (context: MeetingContext, edition: Edition): Block[] => {
  const blocks: Block[] = [];
  const logo = imageFromDataUrl(context.authority.style.logo);
  const logoSize = logo ? imageSize(logo) : null;
  if (logo && logoSize && logoSize.height > 0) {
    const height = 48;
    blocks.push({
      kind: 'image',
      data: logo,
      height,
      width: Math.min(220, (logoSize.width / logoSize.height) * height),
      alt: `${context.authority.name} logo`,
    });
  }
  blocks.push({
    kind: 'paragraph',
    align: 'right',
    size: 14,
    runs: [
      {
        text: edition === 'public' ? 'Public Document Pack' : 'Confidential Document Pack',
        style: 'bold',
        colour: context.authority.style.primaryColour,
      },
    ],
  });
  if (edition === 'confidential') {
    blocks.push({
      kind: 'notice',
      title: 'NOT FOR PUBLICATION',
      colour: '#B10E1E',
      runs: [
        {
          text: 'This pack includes exempt information under Schedule 12A to the Local Government Act 1972. It is for members of the Committee and the officers named; do not share it.',
        },
      ],
    });
  }
  return blocks;
};

/** When and where the meeting is, and when its agenda was published, as stored. */
const meetingKeyValue = (context: MeetingContext): Block => {
  const { meeting } = context.document;
  return {
    kind: 'key-value',
    keyWidth: 70,
    rows: [
      { key: 'Date', value: [{ text: formatDate(meeting.date, true) }] },
      {
        key: 'Time',
        value: [
          { text: meeting.startTime ? formatClockTime(meeting.startTime) : 'To be confirmed' },
        ],
      },
      { key: 'Venue', value: [{ text: meeting.venue ?? 'To be confirmed' }] },
      // The date the agenda was published, as stored, so the clear days can be seen.
      ...(meeting.agendaPublishedAt
        ? [
            {
              key: 'Published',
              value: [{ text: formatDate(ukDateOf(meeting.agendaPublishedAt), true) }],
            },
          ]
        : []),
    ],
  };
};

/** The committee clerk, to contact about the meeting. */
const clerkBlocks = (context: MeetingContext): Block[] => {
  const clerk = context.committee.clerk;
  return clerk
    ? [
        { kind: 'heading', level: 2, look: 3, runs: [{ text: 'Contact' }] },
        { kind: 'paragraph', runs: contactRuns(clerk) },
      ]
    : [];
};

const frontSection = (
  context: MeetingContext,
  open: readonly PrintedItem[],
  exempt: readonly PrintedItem[],
  edition: Edition,
  withSection: ReadonlySet<string>,
  ranges: ReadonlyMap<string, PageRange>,
): Section => {
  const { meeting } = context.document;
  const blocks: Block[] = packHeaderBlocks(context, edition);
  blocks.push(
    {
      kind: 'heading',
      level: 1,
      size: 20,
      runs: [{ text: context.committee.name }],
    },
    meetingKeyValue(context),
    ...membershipBlocks(context.committee, meeting.date),
  );
  blocks.push(...clerkBlocks(context));
  blocks.push({
    kind: 'heading',
    level: 2,
    runs: [{ text: 'AGENDA' }],
    bookmark: { title: 'Agenda' },
    dest: 'agenda',
  });
  const entry = ({ item, documents }: PrintedItem, showDetail: boolean): Block[] => {
    const id = itemSectionId(item);
    const range = ranges.get(id);
    const linked = withSection.has(id);
    const titleRun: Run = {
      text: item.title,
      style: 'bold',
      ...(linked ? { link: { kind: 'dest' as const, name: id } } : {}),
    };
    // The time the agenda schedules the item for, before its title, as councils print it.
    const runs: Run[] = [
      ...(item.scheduledTime ? [{ text: `${formatClockTime(item.scheduledTime)}  ` }] : []),
      titleRun,
    ];
    if (range) runs.push({ text: ` ${pageRangeText(range)}` });
    const result: Block[] = [
      { kind: 'paragraph', label: `${item.number}.`, runs, spaceAfter: 3, keepWithNext: true },
    ];
    for (const late of lateLines(
      item,
      documents.map(({ document }) => document),
    ))
      result.push({ kind: 'paragraph', indent: 34, runs: late, spaceAfter: 3 });
    if (item.exemption) {
      result.push({
        kind: 'paragraph',
        indent: 34,
        runs: [{ text: describeExemption(item.exemption.paragraph).notice, style: 'italic' }],
        spaceAfter: 3,
      });
      // The proper officer's recorded outcome, printed with the exclusion resolution it supports.
      if (item.exemption.reasonPublicInterestTest !== undefined) {
        result.push({
          kind: 'paragraph',
          indent: 34,
          runs: [
            { text: 'Public interest test: ', style: 'bold' },
            { text: item.exemption.reasonPublicInterestTest },
          ],
          spaceAfter: 3,
        });
      }
    }
    if (showDetail && item.summary)
      result.push({ kind: 'paragraph', indent: 34, runs: [{ text: item.summary }], spaceAfter: 3 });
    // The exclusion names the exempt items it is for, as stored.
    const covers = item.kind === 'exclusion-of-public' ? (item.covers ?? []) : [];
    if (covers.length > 0)
      result.push({
        kind: 'paragraph',
        indent: 34,
        runs: [
          {
            text: `The exclusion applies to agenda item${covers.length === 1 ? '' : 's'} ${joinNames([...covers])}.`,
          },
        ],
        spaceAfter: 3,
      });
    if (showDetail && item.contacts.length > 0) {
      result.push({
        kind: 'paragraph',
        indent: 34,
        size: 10,
        runs: [
          { text: 'Officer contact: ', style: 'bold' },
          ...item.contacts.flatMap((contact, index) => [
            ...(index > 0 ? [{ text: '; ' }] : []),
            ...contactRuns(contact).map((run) =>
              run.text === '\n' ? { ...run, text: ', ' } : run,
            ),
          ]),
        ],
        spaceAfter: 3,
      });
    }
    result.push({ kind: 'spacer', height: 6 });
    return result;
  };
  open.forEach((item) => blocks.push(...entry(item, true)));
  if (exempt.length > 0) {
    blocks.push({ kind: 'heading', level: 2, runs: [{ text: 'Items to be taken in private' }] });
    if (!open.some(({ item }) => item.kind === 'exclusion-of-public')) {
      blocks.push({
        kind: 'paragraph',
        runs: [{ text: exclusionResolution(context.authority.region) }],
      });
    }
    exempt.forEach((item) => blocks.push(...entry(item, edition === 'confidential')));
  }
  return { id: 'front', tag: 'Sect', stamp: null, marking: null, blocks };
};

/**
 * The front sheet of Supplementary Agenda No. N, in the style of the main pack's: the meeting,
 * that these papers were not available when the agenda was published, and each paper with its
 * item's number and title, its pages and the chair's reason for urgency. An exempt paper the
 * edition withholds is listed by its title and paragraph only.
 */
const supplementFrontSection = (
  context: MeetingContext,
  supplement: number,
  printed: readonly PrintedItem[],
  edition: Edition,
  withSection: ReadonlySet<string>,
  ranges: ReadonlyMap<string, PageRange>,
): Section => {
  const { meeting } = context.document;
  const name = supplementTitle(supplement);
  const published = meeting.agendaPublishedAt
    ? ` on ${formatDate(ukDateOf(meeting.agendaPublishedAt), true)}`
    : '';
  const blocks: Block[] = packHeaderBlocks(context, edition);
  blocks.push(
    { kind: 'heading', level: 1, size: 20, runs: [{ text: name }] },
    {
      kind: 'paragraph',
      size: 14,
      runs: [{ text: context.committee.name, style: 'bold' }],
    },
    meetingKeyValue(context),
    {
      kind: 'paragraph',
      runs: [
        {
          text: `These papers were not available when the agenda for this meeting was published${published}. The Chair has agreed that the Committee may consider them at this meeting as matters of urgency, for the reasons given with each (Local Government Act 1972, section 100B(4)(b)). They are to be read with the agenda.`,
        },
      ],
    },
    ...clerkBlocks(context),
    {
      kind: 'heading',
      level: 2,
      runs: [{ text: name.toUpperCase() }],
      bookmark: { title: name },
      dest: 'agenda',
    },
  );
  const reason = (late: LatePaper): Block => ({
    kind: 'paragraph',
    indent: 34,
    runs: [{ text: 'Reason for urgency: ', style: 'bold' }, { text: late.urgencyReason }],
    spaceAfter: 3,
  });
  for (const { item, documents, whole } of printed) {
    const id = itemSectionId(item);
    const range = ranges.get(id);
    const runs: Run[] = [
      {
        text: item.title,
        style: 'bold',
        ...(withSection.has(id) ? { link: { kind: 'dest' as const, name: id } } : {}),
      },
    ];
    if (range) runs.push({ text: ` ${pageRangeText(range)}` });
    blocks.push({
      kind: 'paragraph',
      label: `${item.number}.`,
      runs,
      spaceAfter: 3,
      keepWithNext: true,
    });
    if (whole) {
      if (item.exemption)
        blocks.push({
          kind: 'paragraph',
          indent: 34,
          runs: [{ text: describeExemption(item.exemption.paragraph).notice, style: 'italic' }],
          spaceAfter: 3,
        });
      if (item.late) blocks.push(reason(item.late));
    } else {
      for (const { document } of documents) {
        blocks.push({
          kind: 'paragraph',
          indent: 34,
          runs: [
            { text: 'Late document: ', style: 'bold' },
            { text: document.title },
            ...(document.exemption && item.exemption === null
              ? [
                  {
                    text: ` (${describeExemption(document.exemption.paragraph).notice})`,
                    style: 'italic' as const,
                  },
                ]
              : []),
          ],
          spaceAfter: 3,
          keepWithNext: true,
        });
        if (document.late) blocks.push(reason(document.late));
      }
    }
    blocks.push({ kind: 'spacer', height: 6 });
  }
  return { id: 'front', tag: 'Sect', stamp: null, marking: null, blocks };
};

/**
 * The agenda pack of one meeting. The public edition never reads an exempt item's or appendix's
 * content: exempt items appear only as number, title and paragraph on the agenda.
 */
export const buildAgendaPackModel = (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  options: AgendaPackOptions = {},
): AgendaPackModel => {
  if (edition !== 'public' && edition !== 'confidential') {
    throw new ReporterError(
      'REPORTER.INVALID_OPTION',
      `Edition must be "public" or "confidential", not "${String(edition)}".`,
      { edition },
    );
  }
  const found = findMeeting(dataset, meetingId);
  // The public edition is drawn from what the public may see (the domain's withholding), never
  // from exempt content it then leaves out.
  const context: MeetingContext = {
    ...found,
    document: withholdMeetingDocument(found.document, edition === 'confidential'),
  };
  checkSupplement(context.document, options.supplement, meetingId);
  const printed = printedItems(context.document, edition, options.supplement);
  const open = printed.filter(({ item }) => item.exemption === null);
  const exempt = printed.filter(({ item }) => item.exemption !== null);
  const drawn = edition === 'public' ? open : [...open, ...exempt];
  const items = drawn
    .filter(({ documents }) => documents.length > 0)
    .map((shown) => ({
      number: shown.item.number,
      section: itemSection(dataset, context, shown, edition, options),
    }));
  const withSection = new Set(items.map((item) => item.section.id));
  const { meeting } = context.document;
  const meta = {
    author: context.authority.name,
    councilName: context.authority.name,
    colour: context.authority.style.primaryColour,
    headerMark: null,
  };
  const { supplement } = options;
  if (supplement !== undefined) {
    const name = supplementTitle(supplement);
    return {
      meta: {
        ...meta,
        title: `${context.committee.name}, ${formatDate(meeting.date)}: ${name}${edition === 'public' ? '' : ' (confidential)'}`,
        subject: `${name} to the agenda for the meeting of ${context.committee.name} on ${formatDate(meeting.date, true)}: papers not available when the agenda was published`,
        keywords: `supplementary agenda, late papers, ${context.committee.name}, ${meeting.date}`,
      },
      front: (ranges) =>
        supplementFrontSection(context, supplement, printed, edition, withSection, ranges),
      items,
    };
  }
  const title = `${context.committee.name}, ${formatDate(meeting.date)}: ${edition === 'public' ? 'agenda pack' : 'confidential agenda pack'}`;
  return {
    meta: {
      title,
      subject: `Agenda and reports for the meeting of ${context.committee.name} on ${formatDate(meeting.date, true)}`,
      author: meta.author,
      keywords: `agenda, ${context.committee.name}, ${meeting.date}`,
      councilName: meta.councilName,
      colour: meta.colour,
      headerMark: null,
    },
    front: (ranges) => frontSection(context, open, exempt, edition, withSection, ranges),
    items,
  };
};
