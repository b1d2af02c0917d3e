/**
 * Schedule 12A paragraphs follow the authority's nation: an authority in England cites Part 1
 * (paragraphs 1–7), one in Wales Part 4 (12–18). A paragraph of the other nation is refused at
 * its own path, with the range that applies.
 */
import type { Problem } from '../../errors.js';
import type { MeetingDocument } from '../../model/document.js';
import type { Exemption } from '../../model/meeting.js';
import type { HolidayRegion } from '../../model/people.js';
import type { Segment } from '../../schema/json-path.js';
import { exemptParagraphProblem } from '../schedule-12a.js';
import { problem } from './problems.js';

const check = (
  region: HolidayRegion,
  exemption: Exemption | null,
  segments: readonly Segment[],
): Problem[] => {
  if (exemption === null) return [];
  const message = exemptParagraphProblem(region, exemption.paragraph);
  return message === null
    ? []
    : [problem([...segments, 'paragraph'], 'VALIDATION.MISMATCH', message, exemption.paragraph)];
};

/** Every exemption of a meeting document (items, their documents, minutes) checked against `region`. */
export const exemptionRegionRules = (
  document: MeetingDocument,
  region: HolidayRegion,
  base: readonly Segment[],
): Problem[] => [
  ...document.agendaItems.flatMap((item, i) => [
    ...check(region, item.exemption, [...base, 'agendaItems', i, 'exemption']),
    ...item.documents.flatMap((d, j) =>
      check(region, d.exemption, [...base, 'agendaItems', i, 'documents', j, 'exemption']),
    ),
  ]),
  ...(document.minutes?.minutes ?? []).flatMap((minute, k) =>
    check(region, minute.exemption, [...base, 'minutes', 'minutes', k, 'exemption']),
  ),
];
