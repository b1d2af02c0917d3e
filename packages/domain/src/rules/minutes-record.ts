import type { AgendaItem } from '../model/meeting.js';
import type { Minute, Motion, Resolution } from '../model/minutes.js';
import type { ResolutionLead } from '../model/people.js';
import { formatDate } from './dates.js';

/**
 * A resolution's own lead when its text already carries one, in the council's words and casing:
 * "RESOLVED: That …" → `{ lead: 'RESOLVED: ', rest: 'That …' }`, "Resolved – that …" →
 * `{ lead: 'Resolved – ', rest: 'that …' }`. Null when the text starts with the resolution itself
 * ("That the report be noted."), so the document adds the lead once and never twice.
 */
export const resolutionOwnLead = (text: string): { lead: string; rest: string } | null => {
  const match = /^(resolved(?:\s*[–—:-]\s*|\s+(?=that\b)))/i.exec(text);
  return match?.[1] ? { lead: match[1], rest: text.slice(match[1].length) } : null;
};

/**
 * The lead a document prints before a resolution and the words after it. A text that carries its
 * own lead keeps it as minuted ("Resolved – that …" stays West Sussex's); otherwise the council's
 * own lead from its style (`RESOLVED –` for Stockport, `Resolved –` for West Sussex), never
 * another council's casing.
 */
export const resolutionLeadOf = (
  text: string,
  councilLead: ResolutionLead,
): { lead: string; rest: string } =>
  resolutionOwnLead(text) ?? { lead: `${councilLead} `, rest: text };

const words = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '')
    .toLowerCase();

/** The resolution's words without any lead of its own, for comparing with a paragraph. */
const resolutionWords = (resolution: Resolution): string => {
  const text = resolution.kind === 'single' ? resolution.text : (resolution.lead ?? '');
  return words(resolutionOwnLead(text)?.rest ?? text);
};

/**
 * The numbered paragraph that already records the minute's resolution: its last numbered
 * paragraph when that paragraph's words are the resolution's (an import that kept "2.4 Resolved –
 * that …" both as a paragraph and as the resolution). The document prints the resolution in its
 * place under that number, so the record gains no invented paragraph. Null when there is none.
 */
export const paragraphRecordingResolution = (minute: Minute): string | null => {
  if (!minute.resolution) return null;
  const numbered = minute.blocks.flatMap((block) =>
    block.kind === 'paragraph' && block.ref !== null ? [block] : [],
  );
  const last = numbered[numbered.length - 1];
  if (!last?.ref) return null;
  const target = resolutionWords(minute.resolution);
  if (target === '') return null;
  const text = resolutionOwnLead(last.text)?.rest ?? last.text;
  return words(text) === target ? last.ref : null;
};

/**
 * Whether the minutes hold a minute of a fixed agenda item of this kind (apologies,
 * declarations): that minute is the numbered record in the council's words, so the attendance
 * block does not repeat it.
 */
export const minutesRecordItemKind = (
  minutes: readonly Pick<Minute, 'agendaItemNumber'>[],
  agendaItems: readonly Pick<AgendaItem, 'number' | 'kind'>[],
  kind: AgendaItem['kind'],
): boolean => {
  const numbers = new Set(
    agendaItems.filter((item) => item.kind === kind).map((item) => item.number),
  );
  return minutes.some(
    (minute) => minute.agendaItemNumber !== null && numbers.has(minute.agendaItemNumber),
  );
};

/**
 * The motion the minute's resolution records: the minute's one motion, carried, in the resolution's
 * words (an exclusion of the public moved, seconded and resolved). The document then records it
 * once, as the resolution with its mover and seconder; null when there is no such motion.
 */
export const motionCarriedAsResolution = (minute: Minute): Motion | null => {
  const [motion, ...others] = minute.motions;
  if (!motion || others.length > 0 || motion.outcome !== 'carried' || !minute.resolution) {
    return null;
  }
  if (minute.resolution.kind !== 'single') return null;
  const target = resolutionWords(minute.resolution);
  return target !== '' && words(resolutionOwnLead(motion.text)?.rest ?? motion.text) === target
    ? motion
    : null;
};

/**
 * Whether a paragraph of the minute only retells the motion its resolution records ("The Chair
 * moved, and the Vice-Chair seconded, that the public be excluded … The motion was carried"): it
 * names a mover and a seconder, and the minute holds that one carried motion. The document leaves
 * such a paragraph out, so the motion is recorded once.
 */
export const paragraphRepeatsMotion = (minute: Minute, text: string): boolean =>
  motionCarriedAsResolution(minute) !== null &&
  /\bmoved\b/i.test(text) &&
  /\bseconded\b/i.test(text);

/** Whether a text says the minutes were approved (or agreed, confirmed, signed) as the record. */
const recordsApproval = (text: string): boolean =>
  /\bminutes\b[^.]*\b(approved|agreed|confirmed|signed)\b/i.test(text);

/**
 * The one sentence that records approving the previous minutes, in the council's words ("The
 * minutes of the meeting held on 24 November 2021 were approved as a correct record and signed by
 * the Chair."; seed minutes of Stockport), ending with a colon before its amendments. Null when the
 * minute's own paragraphs or resolution already say it, so the approval is recorded once; the
 * amendments are then introduced by `amendmentsLead`.
 */
export const previousMinutesStatement = (minute: Minute): string | null => {
  const approval = minute.previousMinutes;
  if (!approval) return null;
  const said = [
    ...minute.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : [])),
    ...(minute.resolution?.kind === 'single' ? [minute.resolution.text] : []),
    ...(minute.resolution?.kind === 'list' ? [minute.resolution.lead ?? ''] : []),
  ];
  if (said.some(recordsApproval)) return null;
  const when = approval.meetingDate
    ? ` of the meeting held on ${formatDate(approval.meetingDate)}`
    : ' of the previous meeting';
  const subject = approval.amendments.length > 0 ? ', subject to the following amendments:' : '.';
  return `The minutes${when} were approved as a correct record and signed by the Chair${subject}`;
};

/** The lead before the amendments when the minute's own words already record the approval. */
export const amendmentsLead = 'The following amendments were agreed:';
