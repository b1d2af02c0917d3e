/** Minutes across the meetings of a data set: numbering through the municipal year, amendments. */
import type { Problem } from '../../errors.js';
import type { CouncilDataset } from '../../model/document.js';
import { compareDates } from '../dates.js';
import { isMinuteRef, municipalYearOf, parseMinuteRef } from '../numbering.js';
import type { Segment } from '../../schema/json-path.js';
import { problem } from './problems.js';

/**
 * Across one committee's meetings: minutes are numbered through the municipal year (from the
 * authority's own start date) with the authority's prefix, so each meeting's numbers come after
 * the previous meeting's in that year; and an amendment to the previous minutes names a minute
 * those minutes have, when that meeting is in the data set.
 */
export const municipalYearRules = (dataset: CouncilDataset): Problem[] => {
  const problems: Problem[] = [];
  const authorities = new Map(dataset.authorities.map((a) => [a.id as string, a]));
  const committees = new Map(dataset.committees.map((c) => [c.id as string, c]));
  const meetings = dataset.meetings
    .map((document, m) => ({ document, m }))
    .sort((a, b) => compareDates(a.document.meeting.date, b.document.meeting.date));
  const highest = new Map<string, { sequence: number; text: string; date: string }>();
  for (const { document, m } of meetings) {
    const committee = committees.get(document.meeting.committeeId);
    const authority = committee && authorities.get(committee.authorityId);
    if (authority === undefined || document.minutes === null) continue;
    const year = municipalYearOf(document.meeting.date, authority.style.municipalYearStart).label;
    const key = `${document.meeting.committeeId} ${year}`;
    const before = highest.get(key);
    let top = before;
    document.minutes.minutes.forEach((minute, i) => {
      const path: Segment[] = ['meetings', m, 'minutes', 'minutes', i, 'ref'];
      if (!isMinuteRef(minute.ref.text)) return;
      const { prefix } = parseMinuteRef(minute.ref.text);
      if (prefix !== authority.style.minutePrefix) {
        problems.push(
          problem(
            [...path, 'text'],
            'VALIDATION.MISMATCH',
            `${authority.shortName} prefixes minute numbers with ${JSON.stringify(authority.style.minutePrefix)}, but minute ${minute.ref.text} has ${JSON.stringify(prefix)}`,
            minute.ref.text,
          ),
        );
      }
      if (before !== undefined && minute.ref.sequence <= before.sequence) {
        problems.push(
          problem(
            [...path, 'sequence'],
            'VALIDATION.OUT_OF_ORDER',
            `Minutes are numbered through the municipal year ${year}: minute ${minute.ref.text} of ${document.meeting.date} must come after minute ${before.text} of ${before.date}`,
            minute.ref.sequence,
          ),
        );
      }
      if (top === undefined || minute.ref.sequence > top.sequence) {
        top = { sequence: minute.ref.sequence, text: minute.ref.text, date: document.meeting.date };
      }
    });
    if (top !== undefined) highest.set(key, top);

    document.minutes.minutes.forEach((minute, i) => {
      const previous = minute.previousMinutes;
      if (previous === null || previous.meetingDate === null) return;
      const earlier =
        meetings.find(
          (other) =>
            other.document.meeting.committeeId === document.meeting.committeeId &&
            other.document.meeting.date === previous.meetingDate,
        )?.document.minutes ?? null;
      if (earlier === null) return;
      const refs = new Set(earlier.minutes.map((other) => other.ref.text));
      previous.amendments.forEach((amendment, a) => {
        if (isMinuteRef(amendment.minuteRef) && !refs.has(amendment.minuteRef)) {
          problems.push(
            problem(
              [
                'meetings',
                m,
                'minutes',
                'minutes',
                i,
                'previousMinutes',
                'amendments',
                a,
                'minuteRef',
              ],
              'VALIDATION.UNKNOWN_REFERENCE',
              `The minutes of ${previous.meetingDate} have no minute ${amendment.minuteRef} to amend`,
              amendment.minuteRef,
            ),
          );
        }
      });
    });
  }
  return problems;
};
