import type { AgendaItem } from '../model/meeting.js';
import type { Minute, Resolution } from '../model/minutes.js';

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
