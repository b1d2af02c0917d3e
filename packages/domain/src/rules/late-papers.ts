import { DomainError } from '../errors.js';
import { MAX_SUPPLEMENTS, type LatePaper, type Meeting } from '../model/meeting.js';
import type { Instant } from '../model/time.js';

/**
 * Late papers and supplementary agendas. An item (or a document of an item) that was not on the
 * agenda published five clear days before can be considered only if the chair thinks it urgent,
 * for a reason that is recorded (Local Government Act 1972, s.100B(4)(b)). It reaches the public
 * in a supplementary agenda ("Supplementary Agenda No. 1", No. 2, …), published when the clerk
 * sends it out; the main pack printed after that marks which papers came late.
 */

/** The printed title of a supplement: `Supplementary Agenda No. 1`. */
export const supplementTitle = (supplement: number): string =>
  `Supplementary Agenda No. ${supplement}`;

/** Whether a paper added at `at` is late: the meeting's agenda was already published. */
export const isAddedLate = (meeting: Pick<Meeting, 'agendaPublishedAt'>, at: Instant): boolean =>
  meeting.agendaPublishedAt !== null && Date.parse(at) >= Date.parse(meeting.agendaPublishedAt);

/**
 * What a paper added at `at` is stored with. Before the agenda is published nothing is late, so
 * a `late` sent then is refused (it would print a reason for urgency nobody needed); after it, a
 * paper without the chair's reason is refused. The server's fields (`addedAt`, `supplement`) are
 * its own, whatever the caller sent.
 */
export const lateOnAdding = (
  meeting: Pick<Meeting, 'agendaPublishedAt'>,
  input: LatePaper | null | undefined,
  at: Instant,
  what: 'item' | 'document',
): LatePaper | null => {
  if (!isAddedLate(meeting, at)) {
    if (input === null || input === undefined) return null;
    throw new DomainError(
      'LATE_PAPER.AGENDA_NOT_PUBLISHED',
      `The agenda is not published yet, so a ${what} added now is on it, not late: send \`late\` as null (it is for papers added after publication, with the chair’s reason for urgency)`,
      { value: input },
    );
  }
  if (input === null || input === undefined)
    throw new DomainError(
      'LATE_PAPER.URGENCY_REQUIRED',
      `The agenda was published at ${meeting.agendaPublishedAt}: a ${what} added now is a late paper, considered only if the chair thinks it urgent. Send \`late.urgencyReason\`, the chair’s reason (LGA 1972 s.100B(4)(b))`,
      { value: input ?? null, agendaPublishedAt: meeting.agendaPublishedAt },
    );
  return { urgencyReason: input.urgencyReason, addedAt: at, supplement: null };
};

/**
 * What a late paper is stored with when it is changed: the server's fields are kept. The reason
 * can be corrected until a supplement has published it; after that it is what the public read.
 * A paper on the published agenda does not become late by being edited (nor the reverse).
 */
export const lateOnChange = (
  stored: LatePaper | null | undefined,
  input: LatePaper | null | undefined,
  what: 'item' | 'document',
): LatePaper | null => {
  if (stored === null || stored === undefined) return null;
  const reason = input?.urgencyReason ?? stored.urgencyReason;
  if (reason !== stored.urgencyReason && (stored.supplement ?? null) !== null)
    throw new DomainError(
      'LATE_PAPER.ALREADY_PUBLISHED',
      `This late ${what} was published in ${supplementTitle(stored.supplement as number)} with its reason for urgency; the published reason cannot change`,
      { value: input?.urgencyReason, published: stored.urgencyReason },
    );
  return { ...stored, urgencyReason: reason };
};

/**
 * Whether a paper has been published: one on the agenda as published always has; a late paper
 * only once a supplementary agenda carries it (`late.supplement` set). Until then it is open only
 * to those who may read what is not yet published (members, officers, the clerk), never to the
 * public: not in the public pack, the public API or the public site.
 */
export const isPublishedPaper = (paper: {
  readonly late?: LatePaper | null | undefined;
}): boolean => !paper.late || (paper.late.supplement ?? null) !== null;

/** The least an agenda item needs for the supplement rules. */
export type LatePaperItem = {
  readonly number: string;
  readonly title: string;
  readonly late?: LatePaper | null | undefined;
  readonly documents: readonly {
    readonly title: string;
    readonly late?: LatePaper | null | undefined;
  }[];
};

/** One late paper: a late item (`document` null), or a late document of an item on the agenda. */
export type LatePaperRef = {
  readonly itemNumber: string;
  /** The document's index among its item's documents, from 0; null for the item itself. */
  readonly document: number | null;
  readonly title: string;
  readonly late: LatePaper;
};

/**
 * The late papers of an agenda, in agenda order: each late item (its documents come with it),
 * and each late document of an item that was on the published agenda.
 */
export const latePapers = (items: readonly LatePaperItem[]): LatePaperRef[] =>
  items.flatMap((item): LatePaperRef[] => {
    if (item.late)
      return [{ itemNumber: item.number, document: null, title: item.title, late: item.late }];
    return item.documents.flatMap((document, index) =>
      document.late
        ? [{ itemNumber: item.number, document: index, title: document.title, late: document.late }]
        : [],
    );
  });

/** The supplements already published, by number, each with its papers, in order. */
export const publishedSupplements = (
  items: readonly LatePaperItem[],
): { readonly supplement: number; readonly papers: LatePaperRef[] }[] => {
  const bySupplement = new Map<number, LatePaperRef[]>();
  for (const paper of latePapers(items)) {
    const supplement = paper.late.supplement ?? null;
    if (supplement === null) continue;
    bySupplement.set(supplement, [...(bySupplement.get(supplement) ?? []), paper]);
  }
  return [...bySupplement.entries()]
    .sort(([a], [b]) => a - b)
    .map(([supplement, papers]) => ({ supplement, papers }));
};

/**
 * The next supplement: its number (one more than the last published) and the late papers no
 * supplement has published yet. Refused when there are none (a supplement of nothing) or when the
 * meeting already has the most supplements it can.
 */
export const nextSupplement = (
  items: readonly LatePaperItem[],
): { readonly supplement: number; readonly papers: LatePaperRef[] } => {
  const papers = latePapers(items);
  const pending = papers.filter((paper) => (paper.late.supplement ?? null) === null);
  if (pending.length === 0)
    throw new DomainError(
      'LATE_PAPER.NOTHING_PENDING',
      'There is no late paper waiting for a supplementary agenda: add a late item or document (with the chair’s reason for urgency) first',
    );
  const last = Math.max(0, ...papers.map((paper) => paper.late.supplement ?? 0));
  if (last >= MAX_SUPPLEMENTS)
    throw new DomainError(
      'LATE_PAPER.TOO_MANY_SUPPLEMENTS',
      `The meeting already has ${MAX_SUPPLEMENTS} supplementary agendas, the most it can have`,
      { value: last },
    );
  return { supplement: last + 1, papers: pending };
};

/** The agenda with every pending late paper marked as published in `supplement`. */
export const assignSupplement = <T extends LatePaperItem>(
  items: readonly T[],
  supplement: number,
): T[] => {
  const mark = <P extends { readonly late?: LatePaper | null | undefined }>(paper: P): P =>
    paper.late && (paper.late.supplement ?? null) === null
      ? { ...paper, late: { ...paper.late, supplement } }
      : paper;
  return items.map((item) =>
    item.late ? mark(item) : { ...item, documents: item.documents.map(mark) },
  );
};
