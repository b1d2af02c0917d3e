/**
 * Schedule 12A paragraphs follow the authority's nation: an authority in England cites Part 1
 * (paragraphs 1–7), one in Wales Part 4 (12–18). A paragraph of the other nation is refused at
 * its own path, with the range that applies; so is a public interest test outcome recorded on a
 * paragraph the test does not reach (Wales paragraph 16).
 */
import type { Problem } from '../../errors.js';
import type { MeetingDocument } from '../../model/document.js';
import type { AgendaItem, Exemption } from '../../model/meeting.js';
import type { Minute } from '../../model/minutes.js';
import type { HolidayRegion } from '../../model/people.js';
import type { Segment } from '../../schema/json-path.js';
import { exemptParagraphProblem, publicInterestTestProblem } from '../schedule-12a.js';
import { problem } from './problems.js';

const check = (
  region: HolidayRegion,
  exemption: Exemption | null,
  segments: readonly Segment[],
): Problem[] => {
  if (exemption === null) return [];
  const message = exemptParagraphProblem(region, exemption.paragraph);
  if (message !== null)
    return [
      problem([...segments, 'paragraph'], 'VALIDATION.MISMATCH', message, exemption.paragraph),
    ];
  const untested =
    exemption.reasonPublicInterestTest === undefined
      ? null
      : publicInterestTestProblem(exemption.paragraph);
  return untested === null
    ? []
    : [
        problem(
          [...segments, 'reasonPublicInterestTest'],
          'VALIDATION.MISMATCH',
          untested,
          exemption.reasonPublicInterestTest,
        ),
      ];
};

/** One agenda item's exemptions (its own and its documents') checked against `region`. */
export const itemExemptionRules = (
  item: Pick<AgendaItem, 'exemption' | 'documents'>,
  region: HolidayRegion,
  base: readonly Segment[],
): Problem[] => [
  ...check(region, item.exemption, [...base, 'exemption']),
  ...item.documents.flatMap((d, j) =>
    check(region, d.exemption, [...base, 'documents', j, 'exemption']),
  ),
];

/** One minute's exemption checked against `region`. */
export const minuteExemptionRules = (
  minute: Pick<Minute, 'exemption'>,
  region: HolidayRegion,
  base: readonly Segment[],
): Problem[] => check(region, minute.exemption, [...base, 'exemption']);

/** Every exemption of a meeting document (items, their documents, minutes) checked against `region`. */
export const exemptionRegionRules = (
  document: MeetingDocument,
  region: HolidayRegion,
  base: readonly Segment[],
): Problem[] => [
  ...document.agendaItems.flatMap((item, i) =>
    itemExemptionRules(item, region, [...base, 'agendaItems', i]),
  ),
  ...(document.minutes?.minutes ?? []).flatMap((minute, k) =>
    minuteExemptionRules(minute, region, [...base, 'minutes', 'minutes', k]),
  ),
];

/** An exemption that would cite the other nation's paragraph if its meeting moved to `region`. */
export type NationConflict = {
  readonly meetingId: string;
  /** "item 5", "item 3, document 2 (Appendix Z – Prices)", "minute 42". */
  readonly where: string;
  readonly paragraph: number;
  /** "Meeting m, item 5: Schedule 12A paragraph 14 does not apply to an authority in England: it cites Part 1, paragraphs 1 to 7". */
  readonly message: string;
};

/**
 * What stands in the way of a meeting's authority becoming one in `region` (a committee moved to
 * an authority in the other nation, an authority's region changed): every exemption, on its items,
 * their documents and its minutes, whose paragraph that nation does not cite.
 */
export const nationConflicts = (
  document: MeetingDocument,
  region: HolidayRegion,
): NationConflict[] => {
  const meetingId = document.meeting.id;
  const conflict = (exemption: Exemption | null, where: string): NationConflict[] => {
    if (exemption === null) return [];
    const problem = exemptParagraphProblem(region, exemption.paragraph);
    if (problem === null) return [];
    return [
      {
        meetingId,
        where,
        paragraph: exemption.paragraph,
        message: `Meeting ${meetingId}, ${where}: ${problem}`,
      },
    ];
  };
  return [
    ...document.agendaItems.flatMap((item) => [
      ...conflict(item.exemption, `item ${item.number}`),
      ...item.documents.flatMap((d, j) =>
        conflict(d.exemption, `item ${item.number}, document ${j + 1} (${d.title})`),
      ),
    ]),
    ...(document.minutes?.minutes ?? []).flatMap((minute) =>
      conflict(minute.exemption, `minute ${minute.ref.text}`),
    ),
  ];
};
