/** The minutes of one meeting document: approval, numbering, and what each minute refers to. */
import type { Problem } from '../../errors.js';
import type { MeetingDocument } from '../../model/document.js';
import { compareDates } from '../dates.js';
import { isMinuteRef, parseMinuteRef } from '../numbering.js';
import { checkListLabels } from '../validation.js';
import { jsonPath, type Segment } from '../../schema/json-path.js';
import { duplicates, problem } from './problems.js';

/**
 * Approval consistent with status and meeting date; references unique, parseable and rising in
 * the order taken; paragraphs and resolution labels numbered under their minute; agenda items,
 * exemptions and the previous minutes referred to consistently.
 */
export const minutesRules = (document: MeetingDocument, base: readonly Segment[]): Problem[] => {
  const minutes = document.minutes;
  if (minutes === null) return [];
  const problems: Problem[] = [];
  const items = document.agendaItems;
  const itemNumbers = new Set(items.map((item) => item.number));
  const minutesPath = [...base, 'minutes'];
  if (minutes.status !== 'approved' && minutes.approvedOn !== null) {
    problems.push(
      problem(
        [...minutesPath, 'approvedOn'],
        'VALIDATION.MISMATCH',
        minutes.status === 'draft'
          ? 'Draft minutes cannot have an approval date'
          : 'Minutes of unknown status cannot have an approval date: with one, they are approved',
        minutes.approvedOn,
      ),
    );
  }
  if (minutes.approvedOn !== null && compareDates(minutes.approvedOn, document.meeting.date) <= 0) {
    problems.push(
      problem(
        [...minutesPath, 'approvedOn'],
        'VALIDATION.OUT_OF_ORDER',
        `Minutes are approved at a later meeting, but ${minutes.approvedOn} is not after the meeting on ${document.meeting.date}`,
        minutes.approvedOn,
      ),
    );
  }
  const list = minutes.minutes;
  const at = (i: number, ...more: Segment[]): Segment[] => [...minutesPath, 'minutes', i, ...more];
  problems.push(
    ...duplicates(
      list,
      (minute) => minute.ref.text,
      (i) => at(i, 'ref', 'text'),
      'Minute reference',
    ),
    ...duplicates(
      list,
      (minute) => String(minute.takenOrder),
      (i) => at(i, 'takenOrder'),
      'Order taken',
    ),
  );
  list.forEach((minute, i) => {
    if (!isMinuteRef(minute.ref.text)) {
      problems.push(
        problem(
          at(i, 'ref', 'text'),
          'VALIDATION.INVALID_VALUE',
          `Not a minute reference: ${JSON.stringify(minute.ref.text)} (e.g. 33 or OS.190)`,
          minute.ref.text,
        ),
      );
    } else if (parseMinuteRef(minute.ref.text).number !== minute.ref.sequence) {
      problems.push(
        problem(
          at(i, 'ref', 'sequence'),
          'VALIDATION.MISMATCH',
          `Minute ${minute.ref.text} has sequence ${minute.ref.sequence}; its number is ${parseMinuteRef(minute.ref.text).number}`,
          minute.ref.sequence,
        ),
      );
    }
    if (minute.agendaItemNumber !== null && !itemNumbers.has(minute.agendaItemNumber)) {
      problems.push(
        problem(
          at(i, 'agendaItemNumber'),
          'VALIDATION.UNKNOWN_REFERENCE',
          `Minute ${minute.ref.text} is on agenda item ${minute.agendaItemNumber}, which the agenda does not have`,
          minute.agendaItemNumber,
        ),
      );
    }
    const item = items.find((candidate) => candidate.number === minute.agendaItemNumber);
    if (item?.exemption && minute.exemption === null) {
      problems.push(
        problem(
          at(i, 'exemption'),
          'EXEMPTION.PARAGRAPH_REQUIRED',
          `Minute ${minute.ref.text} records exempt item ${item.number}, so it is exempt too (paragraph ${item.exemption.paragraph})`,
        ),
      );
    }
    // Paragraph numbers follow the minute's own reference, so they are checked only when it parses.
    let paragraph = 0;
    minute.blocks.forEach((block, b) => {
      if (!isMinuteRef(minute.ref.text) || block.kind !== 'paragraph' || block.ref === null) return;
      paragraph += 1;
      const expected = `${minute.ref.text}.${paragraph}`;
      if (block.ref !== expected) {
        problems.push(
          problem(
            at(i, 'blocks', b, 'ref'),
            'VALIDATION.INVALID_VALUE',
            `Numbered paragraph ${paragraph} of minute ${minute.ref.text} should be ${expected}, got ${block.ref}`,
            block.ref,
          ),
        );
      }
    });
    if (minute.resolution?.kind === 'list') {
      problems.push(
        ...checkListLabels(
          minute.resolution.style,
          minute.resolution.points.map((point) => point.label),
          jsonPath(at(i, 'resolution', 'points')),
        ),
      );
    }
    const previousDate = minute.previousMinutes?.meetingDate ?? null;
    if (previousDate !== null && compareDates(previousDate, document.meeting.date) >= 0) {
      problems.push(
        problem(
          at(i, 'previousMinutes', 'meetingDate'),
          'VALIDATION.OUT_OF_ORDER',
          `The previous meeting (${previousDate}) must be before this one (${document.meeting.date})`,
          previousDate,
        ),
      );
    }
    minute.previousMinutes?.amendments.forEach((amendment, a) => {
      if (!isMinuteRef(amendment.minuteRef)) {
        problems.push(
          problem(
            at(i, 'previousMinutes', 'amendments', a, 'minuteRef'),
            'VALIDATION.INVALID_VALUE',
            `An amendment must name the minute it amends (e.g. 33 or OS.190), got ${JSON.stringify(amendment.minuteRef)}`,
            amendment.minuteRef,
          ),
        );
      }
    });
  });
  // Minutes are numbered in the order taken, so sequences rise with takenOrder.
  const byTaken = list
    .map((minute, i) => ({ minute, i }))
    .sort((a, b) => a.minute.takenOrder - b.minute.takenOrder);
  byTaken.forEach(({ minute, i }, k) => {
    const previous = byTaken[k - 1];
    if (
      previous !== undefined &&
      previous.minute.takenOrder !== minute.takenOrder &&
      minute.ref.sequence <= previous.minute.ref.sequence
    ) {
      problems.push(
        problem(
          at(i, 'ref', 'sequence'),
          'VALIDATION.OUT_OF_ORDER',
          `Minute ${minute.ref.text} was taken after ${previous.minute.ref.text} so its number must be higher`,
          minute.ref.sequence,
        ),
      );
    }
  });
  return problems;
};
