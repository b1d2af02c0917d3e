import type { MeetingDocument } from '../model/document.js';
import type { AgendaItem, Exemption, ItemDocument } from '../model/meeting.js';
import type { Minute } from '../model/minutes.js';

/*
 * Exempt information (Local Government Act 1972, Schedule 12A) as a reader sees it. A reader who
 * may not read exempt information sees that an exempt thing exists, what it is called and the
 * paragraph that makes it exempt, and nothing of its content. Every edition (API responses, the
 * public PDFs, the reporter's models) withholds through these functions and nothing else.
 */

/** Whether `thing`'s content is withheld from a reader: it is exempt and they may not read exempt information. */
export const isWithheld = (
  thing: { readonly exemption: Exemption | null },
  mayReadExempt: boolean,
): boolean => thing.exemption !== null && !mayReadExempt;

/** An exempt document as the public sees it: its title, role and paragraph; its content is empty. */
export const withholdItemDocument = (
  document: ItemDocument,
  mayReadExempt: boolean,
): ItemDocument =>
  isWithheld(document, mayReadExempt)
    ? { ...document, content: { kind: 'sections', sections: [] } }
    : document;

/**
 * An agenda item as the reader sees it. An exempt item keeps its number, order, kind, title and
 * paragraph, and has no summary, recommendations, report authors, contacts or documents; an open
 * item keeps everything but the content of its exempt documents.
 */
export const withholdAgendaItem = (item: AgendaItem, mayReadExempt: boolean): AgendaItem =>
  isWithheld(item, mayReadExempt)
    ? { ...item, summary: null, recommendations: null, reportOf: [], contacts: [], documents: [] }
    : {
        ...item,
        documents: item.documents.map((document) => withholdItemDocument(document, mayReadExempt)),
      };

/** A minute as the reader sees it: of an exempt minute, its reference, title, item and paragraph only. */
export const withholdMinute = (minute: Minute, mayReadExempt: boolean): Minute =>
  isWithheld(minute, mayReadExempt)
    ? {
        ...minute,
        blocks: [],
        motions: [],
        elections: [],
        actions: [],
        resolution: null,
        previousMinutes: null,
      }
    : minute;

/** A whole meeting as the reader sees it (the public edition with `mayReadExempt` false). */
export const withholdMeetingDocument = (
  document: MeetingDocument,
  mayReadExempt: boolean,
): MeetingDocument => ({
  ...document,
  agendaItems: document.agendaItems.map((item) => withholdAgendaItem(item, mayReadExempt)),
  minutes:
    document.minutes === null
      ? null
      : {
          ...document.minutes,
          minutes: document.minutes.minutes.map((minute) => withholdMinute(minute, mayReadExempt)),
        },
});
