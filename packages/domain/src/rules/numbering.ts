import { DomainError } from '../errors.js';
import type { Minute, MinuteRef } from '../model/minutes.js';
import type { AuthorityStyle } from '../model/people.js';
import type { LocalDate } from '../model/time.js';
import { addDays, daysInMonth, localDate, localDateOf } from './dates.js';
import { paragraphRecordingResolution } from './minutes-record.js';

/**
 * Minute references are text with an order: an optional council prefix and a whole number
 * counted through the municipal year (`33`, `OS.190`). The prefix is letters, then letters,
 * dots, slashes or hyphens, then at most one space (`OS.`, `C/`, `Min `); it never ends in a
 * digit, so the number is unambiguous. Numbers start at 1 and carry no leading zeros.
 */
const PREFIX_PATTERN = /^(?:[A-Za-z][A-Za-z./-]* ?)?$/;
const MINUTE_REF_PATTERN = /^([A-Za-z][A-Za-z./-]* ?)?([1-9]\d*)$/;

export type ParsedMinuteRef = { readonly prefix: string; readonly number: number };

const invalid = (message: string, data: Record<string, unknown>): never => {
  throw new DomainError('VALIDATION.INVALID_VALUE', message, data);
};

export const parseMinuteRef = (text: string): ParsedMinuteRef => {
  const match = typeof text === 'string' ? MINUTE_REF_PATTERN.exec(text) : null;
  const digits = match?.[2];
  if (!match || digits === undefined || !Number.isSafeInteger(Number(digits))) {
    return invalid(
      `Not a minute reference: ${JSON.stringify(text)} (expected a number from 1 with an optional prefix, e.g. 33 or OS.190)`,
      { value: text },
    );
  }
  return { prefix: match[1] ?? '', number: Number(digits) };
};

export const isMinuteRef = (text: unknown): boolean =>
  typeof text === 'string' && MINUTE_REF_PATTERN.test(text);

const assertPrefix = (prefix: string): void => {
  if (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix)) {
    invalid(
      `Not a minute prefix: ${JSON.stringify(prefix)} (letters, then letters, dots, slashes or hyphens, e.g. OS.)`,
      { value: prefix },
    );
  }
};

const assertPositiveWhole = (n: number, what: string): void => {
  if (!Number.isSafeInteger(n) || n < 1) {
    invalid(`${what} must be a whole number from 1, got ${n}`, { value: n });
  }
};

export const formatMinuteRef = (prefix: string, n: number): string => {
  assertPrefix(prefix);
  assertPositiveWhole(n, 'A minute number');
  return `${prefix}${n}`;
};

/** The model's `MinuteRef`: the text as written and its position in the municipal year. */
export const minuteRef = (text: string): MinuteRef => ({
  text,
  sequence: parseMinuteRef(text).number,
});

/** Orders minute references by number, then by prefix (`OS.9` before `OS.10`, unlike text order). */
export const compareMinuteRefs = (a: string, b: string): number => {
  const left = parseMinuteRef(a);
  const right = parseMinuteRef(b);
  return (
    left.number - right.number ||
    (left.prefix < right.prefix ? -1 : left.prefix > right.prefix ? 1 : 0)
  );
};

export type MunicipalYear = {
  /** `2021/22`; a year that starts on 1 January is labelled by its calendar year, `2021`. */
  readonly label: string;
  readonly startYear: number;
  readonly starts: LocalDate;
  /** The last day, the day before the next municipal year starts. */
  readonly ends: LocalDate;
};

/**
 * The municipal year a date falls in. Councils start it at their annual meeting, so the start
 * comes from the authority (`AuthorityStyle.municipalYearStart`), not a fixed mid-May date.
 * The start must be a day every year has (not 29 February).
 */
export const municipalYearOf = (
  date: LocalDate,
  start: AuthorityStyle['municipalYearStart'],
): MunicipalYear => {
  localDate(date);
  const { month, day } = start;
  if (
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12 ||
    !Number.isInteger(day) ||
    day < 1 ||
    day > daysInMonth(2001, month)
  ) {
    return invalid(
      `Municipal year start must be a month 1–12 and a day that month has in every year, got ${JSON.stringify(start)}`,
      { value: start },
    );
  }
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  const startMonthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const startYear = monthDay >= startMonthDay ? year : year - 1;
  const starts = localDateOf({ year: startYear, month, day });
  const ends = addDays(localDateOf({ year: startYear + 1, month, day }), -1);
  const label =
    month === 1 && day === 1
      ? String(startYear)
      : `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
  return { label, startYear, starts, ends };
};

/**
 * The next reference in the municipal year: one more than the highest number already used
 * with this prefix (references with another prefix belong to another sequence). An
 * unparseable existing reference is an error, not skipped.
 */
export const nextMinuteRef = (
  existingRefsThisMunicipalYear: readonly string[],
  prefix: string,
): string => {
  assertPrefix(prefix);
  const highest = existingRefsThisMunicipalYear
    .map(parseMinuteRef)
    .filter((ref) => ref.prefix === prefix)
    .reduce((max, ref) => Math.max(max, ref.number), 0);
  return formatMinuteRef(prefix, highest + 1);
};

/**
 * Numbers minutes in the order the meeting took them (`takenOrder`), from `firstNumber`, and
 * renumbers their numbered paragraphs to match (`33.1`, `33.2` …; unnumbered paragraphs stay
 * unnumbered). Returns the minutes in the order taken. Two minutes taken at the same position
 * are an error.
 */
export const numberMinutes = (
  minutes: readonly Minute[],
  firstNumber: number,
  prefix: string,
): Minute[] => {
  assertPrefix(prefix);
  assertPositiveWhole(firstNumber, 'The first minute number');
  const taken = [...minutes].sort((a, b) => a.takenOrder - b.takenOrder);
  taken.forEach((minute, index) => {
    const previous = taken[index - 1];
    if (previous !== undefined && previous.takenOrder === minute.takenOrder) {
      throw new DomainError(
        'VALIDATION.DUPLICATE',
        `Two minutes were taken at position ${minute.takenOrder} ("${previous.title}" and "${minute.title}")`,
        { value: minute.takenOrder },
      );
    }
  });
  return taken.map((minute, index) => {
    const text = formatMinuteRef(prefix, firstNumber + index);
    let paragraph = 0;
    return {
      ...minute,
      ref: { text, sequence: firstNumber + index },
      blocks: minute.blocks.map((block) =>
        block.kind === 'paragraph' && block.ref !== null
          ? { ...block, ref: paragraphRef(text, (paragraph += 1)) }
          : block,
      ),
    };
  });
};

/** A numbered paragraph of a minute: `paragraphRef('33', 1)` is `33.1`. */
export const paragraphRef = (minuteRefText: string, n: number): string => {
  parseMinuteRef(minuteRefText);
  assertPositiveWhole(n, 'A paragraph number');
  return `${minuteRefText}.${n}`;
};

export type ParsedParagraphRef = { readonly minuteRef: string; readonly paragraph: number };

/** `33.1` → minute `33`, paragraph 1; `OS.190.2` → minute `OS.190`, paragraph 2. */
export const parseParagraphRef = (text: string): ParsedParagraphRef => {
  const match = typeof text === 'string' ? /^(.+)\.([1-9]\d*)$/.exec(text) : null;
  if (!match || !isMinuteRef(match[1]) || !Number.isSafeInteger(Number(match[2]))) {
    return invalid(`Not a paragraph reference: ${JSON.stringify(text)} (expected e.g. 33.1)`, {
      value: text,
    });
  }
  return { minuteRef: match[1] as string, paragraph: Number(match[2]) };
};

/** The paragraph after the highest existing one of this minute; paragraphs of another minute are an error. */
export const nextParagraphRef = (
  minuteRefText: string,
  existingParagraphRefs: readonly string[],
): string => {
  const highest = existingParagraphRefs.reduce((max, text) => {
    const parsed = parseParagraphRef(text);
    if (parsed.minuteRef !== minuteRefText) {
      return invalid(`Paragraph ${text} does not belong to minute ${minuteRefText}`, {
        value: text,
        minuteRef: minuteRefText,
      });
    }
    return Math.max(max, parsed.paragraph);
  }, 0);
  return paragraphRef(minuteRefText, highest + 1);
};

/**
 * The paragraph number a minute's resolution is printed with when its paragraphs are numbered:
 * the one after the highest (`nextParagraphRef`, which also rejects a paragraph of another
 * minute); the number of the last paragraph when that paragraph already records the resolution
 * (`paragraphRecordingResolution`), so no paragraph is invented; null when none of its
 * paragraphs is numbered.
 */
export const resolutionParagraphRef = (minute: Minute): string | null => {
  const recorded = paragraphRecordingResolution(minute);
  if (recorded !== null) return recorded;
  const refs = minute.blocks.flatMap((block) =>
    block.kind === 'paragraph' && block.ref !== null ? [block.ref] : [],
  );
  return refs.length === 0 ? null : nextParagraphRef(minute.ref.text, refs);
};
