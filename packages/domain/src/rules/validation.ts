import { DomainError, type Problem } from '../errors.js';
import type { Exemption } from '../model/meeting.js';
import type { PortfolioCode } from '../model/people.js';
import type { MeasureCode, MeasureTarget, PerformanceMeasure } from '../model/performance.js';
import type { ListStyle } from '../model/text.js';
import type { HolidayRegion } from '../model/people.js';
import { exemptParagraphProblem, exemptParagraphRange, isExemptParagraph } from './schedule-12a.js';
import { MEASURE_CODE_PATTERN, PORTFOLIO_CODE_PATTERN } from '../schema/patterns.js';

export { MEASURE_CODE_PATTERN, PORTFOLIO_CODE_PATTERN };

const invalid = (message: string, data: Record<string, unknown>): never => {
  throw new DomainError('VALIDATION.INVALID_VALUE', message, data);
};

const problemFrom = (error: unknown, path: string): Problem => {
  const domainError = error as DomainError;
  return {
    path,
    code: domainError.code,
    message: domainError.message,
    value: domainError.data['value'],
  };
};

/** Runs a validating constructor and turns its DomainError into one Problem at `path` (or none). */
const check =
  <T>(construct: (value: unknown) => T) =>
  (value: unknown, path: string): Problem[] => {
    try {
      construct(value);
      return [];
    } catch (error) {
      return [problemFrom(error, path)];
    }
  };

export const measureCode = (value: unknown): MeasureCode =>
  typeof value === 'string' && MEASURE_CODE_PATTERN.test(value)
    ? (value as MeasureCode)
    : invalid(
        `Measure code must look like CFSE.28, CFSE11 or CFSE12(ii) (upper-case prefix, optional dot, number, optional bracketed sub-part), got ${JSON.stringify(value)}`,
        { value },
      );

export const checkMeasureCode = check(measureCode);

export const portfolioCode = (value: unknown): PortfolioCode =>
  typeof value === 'string' && PORTFOLIO_CODE_PATTERN.test(value)
    ? (value as PortfolioCode)
    : invalid(
        `Portfolio code must be 2–10 upper-case letters or digits starting with a letter (e.g. CFSE), got ${JSON.stringify(value)}`,
        { value },
      );

export const checkPortfolioCode = check(portfolioCode);

/**
 * An exemption under Schedule 12A: a paragraph of England's Part 1 (1–7) or Wales's Part 4
 * (12–18); with `region`, only that nation's paragraphs (the message names its range).
 */
export const exemption = (paragraph: unknown, region?: HolidayRegion): Exemption => {
  if (!isExemptParagraph(paragraph)) {
    throw new DomainError(
      'EXEMPTION.PARAGRAPH_REQUIRED',
      region === undefined
        ? `An exempt item must name its Schedule 12A paragraph: 1 to 7 in England, 12 to 18 in Wales; got ${JSON.stringify(paragraph)}`
        : `An exempt item must name its Schedule 12A paragraph, one of ${exemptParagraphRange(region)} for an authority in ${region === 'wales' ? 'Wales' : 'England'}; got ${JSON.stringify(paragraph)}`,
      { value: paragraph },
    );
  }
  const wrongNation = region === undefined ? null : exemptParagraphProblem(region, paragraph);
  if (wrongNation !== null) {
    throw new DomainError('EXEMPTION.PARAGRAPH_REQUIRED', wrongNation, { value: paragraph });
  }
  return { paragraph };
};

export const checkExemption = check(exemption);

/** A target must be in its measure's unit (a percentage target on a count measure is a data error). */
export const checkTargetUnit = (
  target: Pick<MeasureTarget, 'measureCode' | 'unit'>,
  measure: Pick<PerformanceMeasure, 'code' | 'unit'>,
  path: string,
): Problem[] =>
  target.unit === measure.unit
    ? []
    : [
        {
          path,
          code: 'VALIDATION.MISMATCH',
          message: `Target for ${target.measureCode} is in ${target.unit} but measure ${measure.code} is in ${measure.unit}`,
          value: target.unit,
        },
      ];

export const assertTargetUnitMatches = (
  target: Pick<MeasureTarget, 'measureCode' | 'unit'>,
  measure: Pick<PerformanceMeasure, 'code' | 'unit'>,
): void => {
  const [problem] = checkTargetUnit(target, measure, '$');
  if (problem) {
    throw new DomainError('VALIDATION.MISMATCH', problem.message, {
      value: target.unit,
      measureCode: measure.code,
      measureUnit: measure.unit,
    });
  }
};

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Lower-case roman numeral for a positive whole number: 4 → `iv`. */
export const toRoman = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 3999) {
    return invalid(`Roman numerals are for whole numbers 1–3999, got ${n}`, { value: n });
  }
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
};

/** Letters for a position from 1: 1 → `a`, 26 → `z`, 27 → `aa` (as spreadsheets count). */
const toLetters = (n: number): string => {
  let rest = n;
  let out = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(97 + digit) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
};

/** Bullets carry no label; these are the marks accepted in their place. */
const BULLET_LABELS = new Set(['', '•', '-', '*', '–']);

/**
 * The label a list of `style` prints at `position` (from 1): lettered `a`, roman `i`,
 * numbered `1`, bulleted `•`.
 */
export const listLabel = (style: ListStyle, position: number): string => {
  if (!Number.isInteger(position) || position < 1) {
    return invalid(`List position must be a whole number from 1, got ${position}`, {
      value: position,
    });
  }
  switch (style) {
    case 'lettered':
      return toLetters(position);
    case 'roman':
      return toRoman(position);
    case 'numbered':
      return String(position);
    case 'bulleted':
      return '•';
  }
};

/**
 * The bare label: surrounding brackets and a trailing `.` or `)` are punctuation, not the label,
 * so `(a)`, `a)`, `a.` and `a` are all `a`. Case is ignored (`(A)` is `a`, `(II)` is `ii`).
 */
export const bareLabel = (label: string): string =>
  label.trim().replace(/^\(/, '').replace(/[.)]$/, '').toLowerCase();

/**
 * Labels must follow their style in order: lettered a, b, c …; roman i, ii, iii …; numbered
 * 1, 2, 3 …; bulleted labels are empty or a bullet mark. Returns one problem per wrong label.
 */
export const checkListLabels = (
  style: ListStyle,
  labels: readonly string[],
  path: string,
): Problem[] =>
  labels.flatMap((label, index) => {
    const isValid =
      style === 'bulleted'
        ? BULLET_LABELS.has(label.trim())
        : bareLabel(label) === listLabel(style, index + 1);
    return isValid
      ? []
      : [
          {
            path: `${path}[${index}].label`,
            code: 'VALIDATION.INVALID_VALUE' as const,
            message: `Item ${index + 1} of a ${style} list should be labelled ${JSON.stringify(listLabel(style, index + 1))}, got ${JSON.stringify(label)}`,
            value: label,
          },
        ];
  });
