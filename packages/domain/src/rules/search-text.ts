import type { MeetingDocument } from '../model/document.js';
import type { AgendaItem } from '../model/meeting.js';
import type { Minute } from '../model/minutes.js';
import type { PerformanceReport } from '../model/report.js';
import { agendaReportIds } from './agenda-reports.js';
import { isPublishedPaper } from './late-papers.js';
import { withholdMeetingDocument } from './withholding.js';

/*
 * What full-text search indexes of a meeting, and who may find it. A meeting is cut into units a
 * reader would want to land on: each agenda item (its title, summary, recommendations and
 * inline documents), each performance report on the agenda, each minute. The public units come
 * from the public edition (`withholdMeetingDocument`), so search can never find what the public
 * pack leaves out; where the confidential edition says more, that unit is indexed a second
 * time for callers who may read exempt content. A late paper no supplementary agenda has
 * published yet (`isPublishedPaper` false) is open only to callers who may read what is not yet
 * published: the units that hold it are indexed a third time, for them alone (`pending`).
 */

export const SEARCH_KINDS = ['agenda-item', 'report', 'minutes'] as const;

/**
 * Who finds an entry, from the widest to the narrowest: `public`, everyone (the public edition
 * without pending late papers); `pending`, callers who may read unpublished papers (the public
 * edition with them); `exempt`, callers who may also read exempt content (the confidential
 * edition). A caller searches, for each unit, the narrowest entry open to them.
 */
export const SEARCH_AUDIENCES = ['public', 'pending', 'exempt'] as const;
export type SearchAudience = (typeof SEARCH_AUDIENCES)[number];

/** One thing search can find: an agenda item, a report on it, or a minute. */
export type SearchUnit = {
  /** Stable within its meeting: `item:5`, `report:5:cfse-q3`, `minute:33`. */
  readonly key: string;
  readonly kind: (typeof SEARCH_KINDS)[number];
  /** The agenda item's published number, or the minute's; null for none. */
  readonly number: string | null;
  readonly title: string;
  /** The unit's words, in reading order, one passage per line. */
  readonly body: string;
  /** For the text of an attached file: the document it is (its title, file name and type). */
  readonly document?: SearchDocument;
};

/** The attached file a search unit is the text of. */
export type SearchDocument = {
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: string;
};

/** The extracted text of attached files (a PDF's words, a Word report's converted text) by SHA-256. */
export type FileTexts = ReadonlyMap<string, string>;

export type SearchEntry = SearchUnit & { readonly audience: SearchAudience };

/** Keys whose string values are codes, ids or enums, not words a reader wrote. */
const NOT_WORDS = new Set([
  'kind',
  'role',
  'status',
  'number',
  'ref',
  'agendaItemNumber',
  'cast',
  'order',
  'id',
  'unit',
  'polarity',
  'direction',
  'arrow',
  'memberId',
  'measureCode',
  'measureCodes',
  'portfolioCode',
  'committeeId',
  'performanceReportId',
  // An attached file's identity and type; its name stays searchable.
  'sha256',
  'mediaType',
  'schemaVersion',
  'date',
  'period',
  'year',
  'scheduledTime',
  'approvedOn',
  'closedAt',
  'covers',
  'consideredOrder',
  'exemption',
  'email',
  'telephone',
]);

/** Every passage of free text in `value`, depth first, in the order the document holds them. */
export const passagesOf = (value: unknown, into: string[] = []): string[] => {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text !== '') into.push(text);
  } else if (Array.isArray(value)) {
    for (const element of value) passagesOf(element, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, element] of Object.entries(value)) {
      if (!NOT_WORDS.has(key)) passagesOf(element, into);
    }
  }
  return into;
};

const itemUnit = (item: AgendaItem): SearchUnit => {
  const { title, summary, recommendations, reportOf, documents } = item;
  return {
    key: `item:${item.number}`,
    kind: 'agenda-item',
    number: item.number,
    title: `${item.number}. ${title}`,
    body: passagesOf([summary, recommendations, reportOf, documents]).join('\n'),
  };
};

/**
 * A performance report in the units a reader lands on: its narrative (sections, recommendations,
 * further information), each priority's update, and Part Two's money lines. A whole PPRR is
 * several pages; one unit for it would make every common word a hit on every report, its
 * passage drawn from pages of text.
 */
const reportUnits = (
  item: AgendaItem,
  reports: ReadonlyMap<string, PerformanceReport>,
): SearchUnit[] =>
  item.documents.flatMap((document) => {
    if (document.content.kind !== 'performance-report') return [];
    const report = reports.get(document.content.performanceReportId);
    if (report === undefined) return [];
    const unit = (suffix: string, title: string, parts: unknown): SearchUnit => ({
      key: `report:${item.number}:${report.id}${suffix}`,
      kind: 'report',
      number: item.number,
      title,
      body: passagesOf(parts).join('\n'),
    });
    const { reportTo, reportOf, title, sections, recommendations, furtherInformation, contacts } =
      report;
    return [
      unit('', document.title, [
        reportTo,
        reportOf,
        title,
        sections,
        recommendations,
        furtherInformation,
        contacts,
      ]),
      ...report.partOne.map((update) =>
        unit(
          `:priority-${update.priorityNumber}`,
          `${document.title}: Priority ${update.priorityNumber}, ${update.title}`,
          [update.highlights, update.exceptions],
        ),
      ),
      unit(':part-two', `${document.title}: Part Two, financial monitoring`, report.partTwo),
    ].filter((entry) => entry.body !== '');
  });

/**
 * The most characters of a file's text one unit holds. A long paper is several units (`file:5:2`,
 * `file:5:2:2`, …), each cut at a line end: a hit's passage is drawn from the part that holds
 * the match, and no unit's words outgrow what a PostgreSQL tsvector can hold (1 MB; a text of
 * short distinct words makes a vector about 2.5 times its length). A few KB, about an agenda
 * item's own text: PostgreSQL's `ts_headline` parses and stems the whole body of each hit on the
 * page, ~1.6 ms a 20 KB file unit, so a page of them spent most of a cold search drawing its
 * passages (docs/benchmarks.md, "With attached files' text"). Not much smaller: every part is
 * one more match for both databases to rank and count (on the busy bench machine, parts of
 * 4,000 gave SQLite's cold search 443 and 568 ms p95, parts of 8,000 169 ms). A part's vector
 * is then kept in its row where it fits a page (migration SearchVectorInline), for PostgreSQL
 * to rank without reading TOAST.
 */
export const FILE_UNIT_CHARS = 8_000;

/** `text` in parts of at most FILE_UNIT_CHARS, cut after a line where one ends in reach. */
export const fileTextParts = (text: string): string[] => {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > FILE_UNIT_CHARS) {
    const lineEnd = rest.lastIndexOf('\n', FILE_UNIT_CHARS);
    const cut = lineEnd > FILE_UNIT_CHARS / 2 ? lineEnd + 1 : FILE_UNIT_CHARS;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
  }
  parts.push(rest.trim());
  return parts.filter((part) => part !== '');
};

/**
 * Each attached file of the item whose text is known, as units of its own (`file:5:2`, the
 * item's second document; a long one in parts), titled as its item: a reader lands on the item
 * and is told which paper matched. An exempt file is in the confidential edition only, so only
 * callers who may read exempt content find it.
 */
const fileUnits = (item: AgendaItem, fileTexts: FileTexts): SearchUnit[] =>
  item.documents.flatMap((document, index) => {
    if (document.content.kind !== 'file') return [];
    const { file } = document.content;
    return fileTextParts(fileTexts.get(file.sha256) ?? '').map((body, part) => ({
      key: `file:${item.number}:${index + 1}${part === 0 ? '' : `:${part + 1}`}`,
      kind: 'agenda-item' as const,
      number: item.number,
      title: `${item.number}. ${item.title}`,
      body,
      document: { title: document.title, fileName: file.fileName, mediaType: file.mediaType },
    }));
  });

const minuteUnit = (minute: Minute, repeat: number): SearchUnit => {
  const { blocks, motions, elections, actions, resolution, previousMinutes } = minute;
  return {
    // Nothing stops two minutes sharing a reference (a clerk's slip): the second is `minute:33:2`.
    key: repeat === 1 ? `minute:${minute.ref.text}` : `minute:${minute.ref.text}:${repeat}`,
    kind: 'minutes',
    number: minute.ref.text,
    title: `${minute.ref.text}. ${minute.title}`,
    body: passagesOf([blocks, motions, elections, actions, resolution, previousMinutes]).join('\n'),
  };
};

/** The units of one edition of a meeting document. */
export const searchUnits = (
  document: MeetingDocument,
  reports: ReadonlyMap<string, PerformanceReport>,
  fileTexts: FileTexts = new Map(),
): SearchUnit[] => [
  ...document.agendaItems.flatMap((item) => [
    itemUnit(item),
    ...reportUnits(item, reports),
    ...fileUnits(item, fileTexts),
  ]),
  ...minuteUnits(document.minutes?.minutes ?? []),
];

/** Withholding keeps every minute in its place, so both editions number repeats alike. */
const minuteUnits = (minutes: readonly Minute[]): SearchUnit[] => {
  const seen = new Map<string, number>();
  return minutes.map((minute) => {
    const repeat = (seen.get(minute.ref.text) ?? 0) + 1;
    seen.set(minute.ref.text, repeat);
    return minuteUnit(minute, repeat);
  });
};

/** The reports a meeting's search units read (the confidential edition's, which covers the public's). */
export const searchReportIds = (document: MeetingDocument): string[] => agendaReportIds(document);

/** The attached files whose text a meeting's search units read (the confidential edition's). */
export const searchFileShas = (document: MeetingDocument): string[] => [
  ...new Set(
    document.agendaItems.flatMap((item) =>
      item.documents.flatMap((d) => (d.content.kind === 'file' ? [d.content.file.sha256] : [])),
    ),
  ),
];

/**
 * An edition without the late papers no supplement has published: a pending late item is left
 * out whole (its documents come with it), a pending late document of an item on the agenda is
 * left out of its item.
 */
const withoutPendingPapers = (document: MeetingDocument): MeetingDocument => ({
  ...document,
  agendaItems: document.agendaItems
    .filter((item) => isPublishedPaper(item))
    .map((item) => ({
      ...item,
      documents: item.documents.filter((paper) => isPublishedPaper(paper)),
    })),
});

/** The units of `narrower` that `wider` does not hold alike (differently, or not at all). */
const beyond = (narrower: SearchUnit[], wider: SearchUnit[]): SearchUnit[] => {
  const byKey = new Map(wider.map((unit) => [unit.key, unit]));
  return narrower.filter((unit) => {
    const shown = byKey.get(unit.key);
    return (
      shown === undefined ||
      shown.title !== unit.title ||
      shown.body !== unit.body ||
      JSON.stringify(shown.document) !== JSON.stringify(unit.document)
    );
  });
};

/**
 * What to index for a meeting: every unit of the public edition without pending late papers for
 * everyone; for callers who may read unpublished papers, each unit the public edition with them
 * holds differently or alone; for callers who may read exempt content, each unit the
 * confidential edition holds differently from that, or alone. `document` is the whole
 * (confidential) document.
 */
export const searchEntries = (
  document: MeetingDocument,
  reports: ReadonlyMap<string, PerformanceReport>,
  fileTexts: FileTexts = new Map(),
): SearchEntry[] => {
  const publicEdition = withholdMeetingDocument(document, false);
  const publicUnits = searchUnits(withoutPendingPapers(publicEdition), reports, fileTexts);
  const pendingUnits = searchUnits(publicEdition, reports, fileTexts);
  const exemptUnits = searchUnits(withholdMeetingDocument(document, true), reports, fileTexts);
  return [
    ...publicUnits.map((unit) => ({ ...unit, audience: 'public' as const })),
    ...beyond(pendingUnits, publicUnits).map((unit) => ({ ...unit, audience: 'pending' as const })),
    ...beyond(exemptUnits, pendingUnits).map((unit) => ({ ...unit, audience: 'exempt' as const })),
  ];
};
