import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Problem } from '../errors.js';
import type { CouncilDataset, MeetingDocument } from '../model/document.js';
import { compareDates, isLocalDate, instant } from './dates.js';
import { academicYear, financialYear } from './financial-year.js';
import { DOCUMENT_SCHEMA_DEFS } from './document-schema.js';
import { isMinuteRef, municipalYearOf, parseMinuteRef } from './numbering.js';
import { checkListLabels, checkTargetUnit } from './validation.js';

export type MeetingDocumentParse =
  | { readonly ok: true; readonly document: MeetingDocument }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export type CouncilDatasetParse =
  | { readonly ok: true; readonly dataset: CouncilDataset }
  | { readonly ok: false; readonly problems: readonly Problem[] };

// ---------------------------------------------------------------- JSON paths

type Segment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.agendaItems[3].exemption.paragraph`; keys that are not identifiers are quoted: `$["a b"]`. */
export const jsonPath = (segments: readonly Segment[]): string =>
  segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number'
        ? `${path}[${segment}]`
        : IDENTIFIER.test(segment)
          ? `${path}.${segment}`
          : `${path}[${JSON.stringify(segment)}]`,
    '$',
  );

/** Splits an Ajv instance path (a JSON Pointer) into segments, indexing arrays by number. */
const pointerSegments = (root: unknown, pointer: string): Segment[] => {
  if (pointer === '') return [];
  let node: unknown = root;
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const segment: Segment = Array.isArray(node) ? Number(key) : key;
      node = (node as Record<string, unknown>)[key];
      return segment;
    });
};

// ---------------------------------------------------------------- structure (JSON Schema)

/** A validating constructor as a yes/no test. */
const accepts =
  (construct: (value: string) => unknown) =>
  (value: string): boolean => {
    try {
      construct(value);
      return true;
    } catch {
      return false;
    }
  };

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  date: 'a calendar date (YYYY-MM-DD)',
  instant: 'an instant (ISO 8601 with an offset, e.g. 2021-11-15T16:30:00Z)',
  'financial-year': 'a financial year (e.g. 2021/22, consecutive years)',
  'academic-year': 'an academic year (e.g. 2020/21, consecutive years)',
};

/**
 * An Ajv instance that knows this product's formats (date, instant, financial-year,
 * academic-year) and the `discriminator` keyword: what anyone validating against the published
 * schemas needs. `inlineRefs: false` keeps compiling fast (each definition compiles once).
 */
export const createDocumentAjv = (): Ajv2020 => {
  const instance = new Ajv2020({
    allErrors: true,
    discriminator: true,
    allowUnionTypes: true,
    verbose: true,
    strict: true,
    inlineRefs: false,
  });
  instance.addFormat('date', { type: 'string', validate: isLocalDate });
  instance.addFormat('instant', { type: 'string', validate: accepts(instant) });
  instance.addFormat('financial-year', { type: 'string', validate: accepts(financialYear) });
  instance.addFormat('academic-year', { type: 'string', validate: accepts(academicYear) });
  return instance;
};

/**
 * The definitions are compiled once, as their own schema, and both documents refer into it:
 * compiling MEETING_DOCUMENT_SCHEMA and COUNCIL_DATASET_SCHEMA separately would compile every
 * shared definition twice (about a second each on a busy machine). Same definitions, same
 * result; the spec checks the exported schemas agree.
 */
const DEFINITIONS_ID = 'https://scrutineer.dev/schemas/v1/definitions.json';

let ajv: Ajv2020 | undefined;
const validators = new Map<'MeetingDocument' | 'CouncilDataset', ValidateFunction>();

const validatorFor = (definition: 'MeetingDocument' | 'CouncilDataset'): ValidateFunction => {
  let validate = validators.get(definition);
  if (validate === undefined) {
    if (ajv === undefined) {
      ajv = createDocumentAjv();
      ajv.addSchema({ $id: DEFINITIONS_ID, $defs: DOCUMENT_SCHEMA_DEFS });
    }
    validate = ajv.compile({ $ref: `${DEFINITIONS_ID}#/$defs/${definition}` });
    validators.set(definition, validate);
  }
  return validate;
};

/** Errors about a Schedule 12A paragraph get their own code (Ajv reports schema paths per compiled unit, so compare the schemas). */
const isExemptionError = (error: ErrorObject): boolean =>
  error.parentSchema === DOCUMENT_SCHEMA_DEFS.ExemptParagraph ||
  (error.keyword === 'required' &&
    error.parentSchema === DOCUMENT_SCHEMA_DEFS.Exemption &&
    error.params['missingProperty'] === 'paragraph');

/** The kinds a discriminated union allows (`discriminator` is only used with `oneOf` branches on `kind`). */
const kindsOf = (error: ErrorObject): string[] =>
  (error.parentSchema as { oneOf: { properties: { kind: { const: string } } }[] }).oneOf.map(
    (branch) => branch.properties.kind.const,
  );

const toProblem = (root: unknown, error: ErrorObject): Problem | null => {
  const segments = pointerSegments(root, error.instancePath);
  const at = (...more: Segment[]): string => jsonPath([...segments, ...more]);
  switch (error.keyword) {
    case 'if':
    case 'oneOf':
    case 'anyOf':
      // The branch that applied reports its own errors at their own paths.
      return null;
    case 'required': {
      const field = String(error.params['missingProperty']);
      return {
        path: at(field),
        code: isExemptionError(error) ? 'EXEMPTION.PARAGRAPH_REQUIRED' : 'VALIDATION.REQUIRED',
        message: `${field} is required`,
      };
    }
    case 'additionalProperties': {
      const field = String(error.params['additionalProperty']);
      return {
        path: at(field),
        code: 'VALIDATION.UNKNOWN_FIELD',
        message: `Unknown field ${JSON.stringify(field)}`,
        value: (error.data as Record<string, unknown>)[field],
      };
    }
    case 'discriminator': {
      const tag = String(error.params['tag']);
      const kinds = kindsOf(error).join(', ');
      return {
        path: at(tag),
        code: error.params['error'] === 'tag' ? 'VALIDATION.REQUIRED' : 'VALIDATION.INVALID_VALUE',
        message: `${tag} must be one of: ${kinds}`,
        value: (error.data as Record<string, unknown>)[tag],
      };
    }
    case 'format':
      return {
        path: at(),
        code: 'VALIDATION.INVALID_VALUE',
        message: `Not ${FORMAT_WORDS[String(error.params['format'])] as string}: ${JSON.stringify(error.data)}`,
        value: error.data,
      };
    default:
      return {
        path: at(),
        code: isExemptionError(error) ? 'EXEMPTION.PARAGRAPH_REQUIRED' : 'VALIDATION.INVALID_VALUE',
        message: isExemptionError(error)
          ? `A Schedule 12A paragraph must be a whole number from 1 to 7, got ${JSON.stringify(error.data)}`
          : `${jsonPath(segments)} ${String(error.message)}${error.keyword === 'enum' ? `: ${(error.params['allowedValues'] as unknown[]).join(', ')}` : ''}`,
        value: error.data,
      };
  }
};

/** Structure problems, one per schema violation, in document order; duplicates removed. */
const structureProblems = (validate: ValidateFunction, value: unknown): Problem[] => {
  if (validate(value)) return [];
  const seen = new Set<string>();
  // A failed validation always sets `errors`.
  return (validate.errors as ErrorObject[])
    .map((error) => toProblem(value, error))
    .filter((problem): problem is Problem => {
      if (problem === null) return false;
      // One problem per path and code: a malformed date fails both its pattern and its format.
      const key = `${problem.path}|${problem.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
};

// ---------------------------------------------------------------- semantic rules

const problem = (
  segments: readonly Segment[],
  code: Problem['code'],
  message: string,
  value?: unknown,
): Problem => ({
  path: jsonPath(segments),
  code,
  message,
  ...(value === undefined ? {} : { value }),
});

/** For each value seen before at another index, a DUPLICATE problem at the later one. */
const duplicates = <T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  pathOf: (index: number) => readonly Segment[],
  what: string,
): Problem[] => {
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, index) => {
    const key = keyOf(item);
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return [];
    }
    return [
      problem(
        pathOf(index),
        'VALIDATION.DUPLICATE',
        `${what} ${key} is used twice (also at index ${first})`,
        key,
      ),
    ];
  });
};

/** The rules a schema cannot state, for one meeting document at `base`. */
const meetingRules = (document: MeetingDocument, base: readonly Segment[]): Problem[] => {
  const problems: Problem[] = [];
  const items = document.agendaItems;
  const itemNumbers = new Set(items.map((item) => item.number));

  problems.push(
    ...duplicates(
      items,
      (item) => item.number,
      (i) => [...base, 'agendaItems', i, 'number'],
      'Agenda number',
    ),
    ...duplicates(
      items,
      (item) => String(item.order),
      (i) => [...base, 'agendaItems', i, 'order'],
      'Agenda order',
    ),
  );
  items.forEach((item, i) => {
    if (item.order > items.length) {
      problems.push(
        problem(
          [...base, 'agendaItems', i, 'order'],
          'VALIDATION.INVALID_VALUE',
          `Agenda order must run 1 to ${items.length} (one position per item), got ${item.order}`,
          item.order,
        ),
      );
    }
  });

  // Exempt items are taken in private, after the meeting resolves to exclude the public.
  const exclusionOrders = items
    .filter((item) => item.kind === 'exclusion-of-public')
    .map((item) => item.order);
  const firstExclusion = exclusionOrders.length > 0 ? Math.min(...exclusionOrders) : Infinity;
  items.forEach((item, i) => {
    if (item.exemption !== null && item.order < firstExclusion) {
      problems.push(
        problem(
          [...base, 'agendaItems', i, 'exemption'],
          'VALIDATION.OUT_OF_ORDER',
          exclusionOrders.length === 0
            ? `Item ${item.number} is exempt (paragraph ${item.exemption.paragraph}) but the agenda has no exclusion-of-the-public item before it`
            : `Item ${item.number} is exempt but comes before the exclusion-of-the-public item`,
          item.number,
        ),
      );
    }
  });

  if (document.declarations.kind === 'made') {
    document.declarations.declarations.forEach((declaration, i) => {
      if (
        declaration.about.kind === 'agenda-item' &&
        !itemNumbers.has(declaration.about.itemNumber)
      ) {
        problems.push(
          problem(
            [...base, 'declarations', 'declarations', i, 'about', 'itemNumber'],
            'VALIDATION.UNKNOWN_REFERENCE',
            `Declaration by ${declaration.member.name} is on agenda item ${declaration.about.itemNumber}, which the agenda does not have`,
            declaration.about.itemNumber,
          ),
        );
      }
    });
  }

  const minutes = document.minutes;
  if (minutes !== null) {
    const minutesPath = [...base, 'minutes'];
    if (minutes.status === 'draft' && minutes.approvedOn !== null) {
      problems.push(
        problem(
          [...minutesPath, 'approvedOn'],
          'VALIDATION.MISMATCH',
          'Draft minutes cannot have an approval date',
          minutes.approvedOn,
        ),
      );
    }
    if (
      minutes.approvedOn !== null &&
      compareDates(minutes.approvedOn, document.meeting.date) <= 0
    ) {
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
    const at = (i: number, ...more: Segment[]): Segment[] => [
      ...minutesPath,
      'minutes',
      i,
      ...more,
    ];
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
        if (!isMinuteRef(minute.ref.text) || block.kind !== 'paragraph' || block.ref === null)
          return;
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
  }
  return problems;
};

/** Checks structure, then (once the structure is sound) the semantic rules; reports every problem. */
export const parseMeetingDocument = (value: unknown): MeetingDocumentParse => {
  const structural = structureProblems(validatorFor('MeetingDocument'), value);
  if (structural.length > 0) return { ok: false, problems: structural };
  const document = value as MeetingDocument;
  const problems = meetingRules(document, []);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document };
};

// ---------------------------------------------------------------- data set

/** Every `{ name, memberId }` person reference in a value, with its path. */
const personRefs = (
  value: unknown,
  segments: Segment[],
  found: { memberId: string; segments: Segment[] }[],
): void => {
  if (Array.isArray(value)) {
    value.forEach((item, i) => personRefs(item, [...segments, i], found));
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['memberId'] === 'string' && typeof record['name'] === 'string') {
      found.push({ memberId: record['memberId'], segments: [...segments, 'memberId'] });
    }
    for (const [key, child] of Object.entries(record)) personRefs(child, [...segments, key], found);
  }
};

/**
 * Across one committee's meetings: minutes are numbered through the municipal year (from the
 * authority's own start date) with the authority's prefix, so each meeting's numbers come after
 * the previous meeting's in that year; and an amendment to the previous minutes names a minute
 * those minutes have, when that meeting is in the data set.
 */
const municipalYearRules = (dataset: CouncilDataset): Problem[] => {
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

const datasetRules = (dataset: CouncilDataset): Problem[] => {
  const problems: Problem[] = [];
  const unknownRef = (segments: Segment[], what: string, value: string): void => {
    problems.push(
      problem(
        segments,
        'VALIDATION.UNKNOWN_REFERENCE',
        `${what} ${value} is not in the data set`,
        value,
      ),
    );
  };
  const authorityIds = new Set<string>(dataset.authorities.map((a) => a.id));
  const memberIds = new Set<string>(dataset.members.map((m) => m.id));
  const committeeIds = new Set<string>(dataset.committees.map((c) => c.id));
  const portfolioCodes = new Set<string>(dataset.portfolios.map((p) => p.code));
  const measures = new Map<string, CouncilDataset['measures'][number]>(
    dataset.measures.map((m) => [m.code, m]),
  );
  const reportIds = new Set<string>(dataset.performanceReports.map((r) => r.id));

  problems.push(
    ...duplicates(
      dataset.authorities,
      (a) => a.id,
      (i) => ['authorities', i, 'id'],
      'Authority id',
    ),
    ...duplicates(
      dataset.members,
      (m) => m.id,
      (i) => ['members', i, 'id'],
      'Member id',
    ),
    ...duplicates(
      dataset.committees,
      (c) => c.id,
      (i) => ['committees', i, 'id'],
      'Committee id',
    ),
    ...duplicates(
      dataset.portfolios,
      (p) => p.code,
      (i) => ['portfolios', i, 'code'],
      'Portfolio code',
    ),
    ...duplicates(
      dataset.measures,
      (m) => m.code,
      (i) => ['measures', i, 'code'],
      'Measure code',
    ),
    ...duplicates(
      dataset.agreements,
      (a) => `${a.portfolioCode} ${a.year}`,
      (i) => ['agreements', i],
      'Agreement for',
    ),
    ...duplicates(
      dataset.performanceReports,
      (r) => r.id,
      (i) => ['performanceReports', i, 'id'],
      'Performance report id',
    ),
    ...duplicates(
      dataset.meetings,
      (m) => m.meeting.id,
      (i) => ['meetings', i, 'meeting', 'id'],
      'Meeting id',
    ),
  );

  dataset.committees.forEach((committee, i) => {
    if (!authorityIds.has(committee.authorityId))
      unknownRef(['committees', i, 'authorityId'], 'Authority', committee.authorityId);
    committee.portfolioCodes.forEach((code, j) => {
      if (!portfolioCodes.has(code))
        unknownRef(['committees', i, 'portfolioCodes', j], 'Portfolio', code);
    });
  });
  dataset.portfolios.forEach((portfolio, i) => {
    if (!authorityIds.has(portfolio.authorityId))
      unknownRef(['portfolios', i, 'authorityId'], 'Authority', portfolio.authorityId);
  });
  dataset.measures.forEach((measure, i) => {
    if (!portfolioCodes.has(measure.portfolioCode))
      unknownRef(['measures', i, 'portfolioCode'], 'Portfolio', measure.portfolioCode);
  });
  dataset.agreements.forEach((agreement, i) => {
    if (!portfolioCodes.has(agreement.portfolioCode))
      unknownRef(['agreements', i, 'portfolioCode'], 'Portfolio', agreement.portfolioCode);
    if (agreement.considered !== null && !committeeIds.has(agreement.considered.committeeId)) {
      unknownRef(
        ['agreements', i, 'considered', 'committeeId'],
        'Committee',
        agreement.considered.committeeId,
      );
    }
    agreement.targets.forEach((target, j) => {
      const measure = measures.get(target.measureCode);
      if (measure === undefined) {
        unknownRef(['agreements', i, 'targets', j, 'measureCode'], 'Measure', target.measureCode);
      } else {
        problems.push(
          ...checkTargetUnit(target, measure, jsonPath(['agreements', i, 'targets', j, 'unit'])),
        );
      }
    });
    problems.push(
      ...duplicates(
        agreement.targets,
        (t) => t.measureCode,
        (j) => ['agreements', i, 'targets', j, 'measureCode'],
        'Target for measure',
      ),
    );
  });
  dataset.results.forEach((result, i) => {
    if (!measures.has(result.measureCode))
      unknownRef(['results', i, 'measureCode'], 'Measure', result.measureCode);
  });
  problems.push(
    ...duplicates(
      dataset.results,
      (r) => `${r.measureCode} ${JSON.stringify(r.period)}`,
      (i) => ['results', i],
      'Result for',
    ),
  );
  dataset.performanceReports.forEach((report, i) => {
    if (!portfolioCodes.has(report.portfolioCode))
      unknownRef(['performanceReports', i, 'portfolioCode'], 'Portfolio', report.portfolioCode);
    report.partOne.forEach((update, j) => {
      update.measureCodes.forEach((code, k) => {
        if (!measures.has(code))
          unknownRef(['performanceReports', i, 'partOne', j, 'measureCodes', k], 'Measure', code);
      });
    });
  });
  dataset.meetings.forEach((document, m) => {
    if (!committeeIds.has(document.meeting.committeeId)) {
      unknownRef(
        ['meetings', m, 'meeting', 'committeeId'],
        'Committee',
        document.meeting.committeeId,
      );
    }
    document.agendaItems.forEach((item, i) => {
      item.documents.forEach((itemDocument, d) => {
        if (
          itemDocument.content.kind === 'performance-report' &&
          !reportIds.has(itemDocument.content.performanceReportId)
        ) {
          unknownRef(
            ['meetings', m, 'agendaItems', i, 'documents', d, 'content', 'performanceReportId'],
            'Performance report',
            itemDocument.content.performanceReportId,
          );
        }
      });
    });
    problems.push(...meetingRules(document, ['meetings', m]));
  });
  problems.push(...municipalYearRules(dataset));

  const people: { memberId: string; segments: Segment[] }[] = [];
  personRefs(dataset, [], people);
  people.forEach(({ memberId, segments }) => {
    if (!memberIds.has(memberId)) unknownRef(segments, 'Member', memberId);
  });
  return problems;
};

/** Like `parseMeetingDocument`, for a whole data set: ids unique and every reference resolves. */
export const parseCouncilDataset = (value: unknown): CouncilDatasetParse => {
  const structural = structureProblems(validatorFor('CouncilDataset'), value);
  if (structural.length > 0) return { ok: false, problems: structural };
  const dataset = value as CouncilDataset;
  const problems = datasetRules(dataset);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
};
