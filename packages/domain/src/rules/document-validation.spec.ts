import type { Problem } from '../errors.js';
import {
  createDocumentAjv,
  jsonPath,
  parseCouncilDataset,
  parseMeetingDocument,
} from './document-validation.js';
import { COUNCIL_DATASET_SCHEMA, MEETING_DOCUMENT_SCHEMA } from './document-schema.js';
import type { CouncilDataset, MeetingDocument, MinutesOfMeeting } from '../model/index.js';
import { numberMinutes } from './numbering.js';
import { stockportDataset, westSussexMeeting } from '../../test/fixtures/documents.js';

type Segment = string | number;

/** A deep copy of `value` with the value at `path` replaced (or deleted when `to` is `DELETE`). */
const DELETE = Symbol('delete');
const changed = (value: unknown, ...edits: [readonly Segment[], unknown][]): unknown => {
  const copy = structuredClone(value) as Record<Segment, unknown>;
  for (const [path, to] of edits) {
    const parent = path
      .slice(0, -1)
      .reduce<Record<Segment, unknown>>(
        (node, segment) => node[segment] as Record<Segment, unknown>,
        copy,
      );
    const last = path[path.length - 1] as Segment;
    if (to === DELETE) delete parent[last];
    else parent[last] = to;
  }
  return copy;
};

const problemsOf = (result: { ok: boolean; problems?: readonly Problem[] }): readonly Problem[] =>
  result.ok ? [] : (result.problems ?? []);

const meetingProblems = (...edits: [readonly Segment[], unknown][]) =>
  problemsOf(parseMeetingDocument(changed(westSussexMeeting(), ...edits)));

const datasetProblems = (...edits: [readonly Segment[], unknown][]) =>
  problemsOf(parseCouncilDataset(changed(stockportDataset(), ...edits)));

const pathsAndCodes = (problems: readonly Problem[]) =>
  problems.map(({ path, code }) => ({ path, code }));

describe(jsonPath.name, () => {
  it('writes array indexes in brackets and quotes keys that are not identifiers', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['agendaItems', 3, 'exemption', 'paragraph'])).toBe(
      '$.agendaItems[3].exemption.paragraph',
    );
    expect(jsonPath(['a b', 'x"y'])).toBe('$["a b"]["x\\"y"]');
  });
});

describe('document schemas', () => {
  it('are draft 2020-12 schemas with their own ids, sharing definitions', () => {
    expect(MEETING_DOCUMENT_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(MEETING_DOCUMENT_SCHEMA.$ref).toBe('#/$defs/MeetingDocument');
    expect(COUNCIL_DATASET_SCHEMA.$ref).toBe('#/$defs/CouncilDataset');
    expect(MEETING_DOCUMENT_SCHEMA.$id).not.toBe(COUNCIL_DATASET_SCHEMA.$id);
    expect(MEETING_DOCUMENT_SCHEMA.$defs.AgendaItem.additionalProperties).toBe(false);
    expect(MEETING_DOCUMENT_SCHEMA.$defs.AgendaItem.required).toContain('exemption');
  });

  it('compile on their own, as an API publishing them would, and judge documents as the parsers do', () => {
    const ajv = createDocumentAjv();
    const meeting = ajv.compile(MEETING_DOCUMENT_SCHEMA);
    const dataset = ajv.compile(COUNCIL_DATASET_SCHEMA);
    expect(meeting(westSussexMeeting())).toBe(true);
    expect(dataset(stockportDataset())).toBe(true);
    const bad = changed(westSussexMeeting(), [['agendaItems', 4, 'exemption', 'paragraph'], 8]);
    expect(meeting(bad)).toBe(false);
    expect(meeting.errors?.map((e) => e.instancePath)).toContain(
      '/agendaItems/4/exemption/paragraph',
    );
    expect(parseMeetingDocument(bad).ok).toBe(false);
  }, 30_000); // compiles both published schemas from scratch: about a second, more on a loaded machine
});

describe(parseMeetingDocument.name, () => {
  it('accepts a valid meeting document and returns it', () => {
    expect(parseMeetingDocument(westSussexMeeting())).toEqual({
      ok: true,
      document: westSussexMeeting(),
    });
  }, 30_000); // the first parse compiles the schema

  it('accepts a document with no minutes yet and a not-recorded attendance', () => {
    const problems = meetingProblems(
      [['minutes'], null],
      [['attendance'], { kind: 'not-recorded', reason: 'Not yet held' }],
      [['declarations'], { kind: 'none-made' }],
    );
    expect(problems).toEqual([]);
  });

  describe('structure', () => {
    it.each([null, 'a meeting', 42, []])('rejects %p at the root', (value) => {
      expect(pathsAndCodes(problemsOf(parseMeetingDocument(value)))).toEqual([
        { path: '$', code: 'VALIDATION.INVALID_VALUE' },
      ]);
    });

    it('rejects unknown fields at any depth (additionalProperties: false)', () => {
      const problems = meetingProblems(
        [['colour'], 'red'],
        [['agendaItems', 2, 'pageCount'], 12],
        [['minutes', 'minutes', 1, 'blocks', 0, 'a b'], true],
      );
      expect(problems).toEqual([
        {
          path: '$.colour',
          code: 'VALIDATION.UNKNOWN_FIELD',
          message: 'Unknown field "colour"',
          value: 'red',
        },
        expect.objectContaining({
          path: '$.agendaItems[2].pageCount',
          code: 'VALIDATION.UNKNOWN_FIELD',
          value: 12,
        }),
        expect.objectContaining({
          path: '$.minutes.minutes[1].blocks[0]["a b"]',
          code: 'VALIDATION.UNKNOWN_FIELD',
        }),
      ]);
    });

    it('names a missing field at its own path', () => {
      expect(pathsAndCodes(meetingProblems([['meeting', 'venue'], DELETE]))).toEqual([
        { path: '$.meeting.venue', code: 'VALIDATION.REQUIRED' },
      ]);
    });

    it.each([
      [9, 'a paragraph outside 1–7'],
      [0, 'paragraph 0'],
      [2.5, 'a fraction'],
      ['3', 'a string'],
    ])('rejects exemption paragraph %p (%s) at its path', (paragraph: unknown, _why: string) => {
      const problems = meetingProblems([['agendaItems', 4, 'exemption', 'paragraph'], paragraph]);
      expect(pathsAndCodes(problems)).toEqual([
        { path: '$.agendaItems[4].exemption.paragraph', code: 'EXEMPTION.PARAGRAPH_REQUIRED' },
      ]);
      expect(problems[0]?.value).toBe(paragraph);
    });

    it('requires an exemption to name its paragraph', () => {
      expect(
        pathsAndCodes(meetingProblems([['agendaItems', 4, 'documents', 0, 'exemption'], {}])),
      ).toEqual([
        {
          path: '$.agendaItems[4].documents[0].exemption.paragraph',
          code: 'EXEMPTION.PARAGRAPH_REQUIRED',
        },
      ]);
    });

    it.each([
      [['meeting', 'date'], '2021-02-30'],
      [['meeting', 'date'], '16/11/2021'],
      [['minutes', 'approvedOn'], '2022-13-01'],
      [['minutes', 'minutes', 1, 'actions', 0, 'due'], '2021-11-31'],
      [['meeting', 'startTime'], '25:00'],
      [['meeting', 'startTime'], '6pm'],
      [['minutes', 'closedAt'], '12:60'],
      [['meeting', 'agendaPublishedAt'], '2021-11-08 09:00'],
      [['meeting', 'agendaPublishedAt'], '2021-02-29T09:00:00Z'],
    ])('rejects an invalid date or time at %j: %p', (path, value) => {
      const problems = meetingProblems([path, value]);
      expect(pathsAndCodes(problems)).toEqual([
        { path: jsonPath(path), code: 'VALIDATION.INVALID_VALUE' },
      ]);
      expect(problems[0]?.value).toBe(value);
    });

    it('explains a date that is not on the calendar', () => {
      expect(meetingProblems([['meeting', 'date'], '2021-02-30'])[0]?.message).toBe(
        'Not a calendar date (YYYY-MM-DD): "2021-02-30"',
      );
      expect(
        meetingProblems([['meeting', 'agendaPublishedAt'], '2021-02-29T09:00:00Z'])[0]?.message,
      ).toMatch(/^Not an instant/);
    });

    it('rejects financial and academic years whose years are not consecutive', () => {
      expect(datasetProblems([['agreements', 0, 'year'], '2021/23'])).toEqual([
        {
          path: '$.agreements[0].year',
          code: 'VALIDATION.INVALID_VALUE',
          message: 'Not a financial year (e.g. 2021/22, consecutive years): "2021/23"',
          value: '2021/23',
        },
      ]);
      expect(
        pathsAndCodes(
          datasetProblems([['results', 0, 'period'], { kind: 'academic-year', year: '2020/20' }]),
        ),
      ).toEqual([{ path: '$.results[0].period.year', code: 'VALIDATION.INVALID_VALUE' }]);
      expect(
        datasetProblems([['results', 0, 'period'], { kind: 'academic-year', year: '2020/21' }]),
      ).toEqual([]);
    });

    it('accepts an instant with an offset and no seconds', () => {
      expect(meetingProblems([['meeting', 'agendaPublishedAt'], '2021-11-08T09:00+01:00'])).toEqual(
        [],
      );
    });

    it('reports a missing or unknown kind of a discriminated union at .kind', () => {
      expect(meetingProblems([['attendance'], { reason: 'x' }])).toEqual([
        expect.objectContaining({ path: '$.attendance.kind', code: 'VALIDATION.REQUIRED' }),
      ]);
      const unknownKind = meetingProblems([['declarations', 'kind'], 'some']);
      expect(unknownKind).toEqual([
        {
          path: '$.declarations.kind',
          code: 'VALIDATION.INVALID_VALUE',
          message: 'kind must be one of: not-recorded, none-made, made',
          value: 'some',
        },
      ]);
    });

    it('reports errors inside the branch the kind selects', () => {
      expect(
        pathsAndCodes(
          meetingProblems([['minutes', 'minutes', 1, 'motions', 0, 'vote', 'count', 'for'], -1]),
        ),
      ).toEqual([
        {
          path: '$.minutes.minutes[1].motions[0].vote.count.for',
          code: 'VALIDATION.INVALID_VALUE',
        },
      ]);
    });

    it('takes a value or an explicit unknown where a fact may be missing', () => {
      expect(
        pathsAndCodes(meetingProblems([['declarations', 'declarations', 0, 'withdrew'], 'yes'])),
      ).toEqual([
        { path: '$.declarations.declarations[0].withdrew', code: 'VALIDATION.INVALID_VALUE' },
      ]);
      expect(
        pathsAndCodes(
          meetingProblems([['declarations', 'declarations', 0, 'withdrew'], { kind: 'unknown' }]),
        ),
      ).toEqual([
        { path: '$.declarations.declarations[0].withdrew.reason', code: 'VALIDATION.REQUIRED' },
      ]);
    });

    it('lists the allowed values of an enumeration', () => {
      const [problem] = meetingProblems([['meeting', 'status'], 'postponed']);
      expect(problem).toEqual(
        expect.objectContaining({
          path: '$.meeting.status',
          code: 'VALIDATION.INVALID_VALUE',
          value: 'postponed',
        }),
      );
      expect(problem?.message).toContain('scheduled, agenda-published, held, cancelled');
    });

    it('requires "made" declarations and a list resolution to hold at least one entry', () => {
      expect(pathsAndCodes(meetingProblems([['declarations', 'declarations'], []]))).toEqual([
        { path: '$.declarations.declarations', code: 'VALIDATION.INVALID_VALUE' },
      ]);
      expect(
        pathsAndCodes(meetingProblems([['minutes', 'minutes', 1, 'resolution', 'points'], []])),
      ).toEqual([
        { path: '$.minutes.minutes[1].resolution.points', code: 'VALIDATION.INVALID_VALUE' },
      ]);
    });

    it('rejects another schema version', () => {
      expect(pathsAndCodes(meetingProblems([['schemaVersion'], 2]))).toEqual([
        { path: '$.schemaVersion', code: 'VALIDATION.INVALID_VALUE' },
      ]);
    });

    it('reports every structural problem, not the first', () => {
      const problems = meetingProblems(
        [['meeting', 'date'], 'tomorrow'],
        [['agendaItems', 0, 'order'], 0],
        [['agendaItems', 4, 'exemption', 'paragraph'], 8],
        [['minutes', 'minutes', 0, 'ref', 'sequence'], 'one'],
      );
      expect(problems.map((p) => p.path)).toEqual([
        '$.meeting.date',
        '$.agendaItems[0].order',
        '$.agendaItems[4].exemption.paragraph',
        '$.minutes.minutes[0].ref.sequence',
      ]);
    });
  });

  describe('semantic rules', () => {
    it('rejects a repeated agenda number', () => {
      expect(pathsAndCodes(meetingProblems([['agendaItems', 1, 'number'], '1']))).toEqual([
        { path: '$.agendaItems[1].number', code: 'VALIDATION.DUPLICATE' },
        // minute 32 minuted item 2, which no longer exists
        { path: '$.minutes.minutes[0].agendaItemNumber', code: 'VALIDATION.UNKNOWN_REFERENCE' },
      ]);
    });

    it('requires agenda orders to be 1..n, each once', () => {
      expect(pathsAndCodes(meetingProblems([['agendaItems', 1, 'order'], 1]))).toEqual([
        { path: '$.agendaItems[1].order', code: 'VALIDATION.DUPLICATE' },
      ]);
      const gap = meetingProblems([['agendaItems', 2, 'order'], 9]);
      expect(gap).toEqual([
        {
          path: '$.agendaItems[2].order',
          code: 'VALIDATION.INVALID_VALUE',
          message: 'Agenda order must run 1 to 5 (one position per item), got 9',
          value: 9,
        },
      ]);
    });

    it('requires the exclusion of the public before an exempt item', () => {
      const swapped = meetingProblems(
        [['agendaItems', 3, 'order'], 5],
        [['agendaItems', 4, 'order'], 4],
      );
      expect(pathsAndCodes(swapped)).toEqual([
        { path: '$.agendaItems[4].exemption', code: 'VALIDATION.OUT_OF_ORDER' },
      ]);
      expect(swapped[0]?.message).toBe(
        'Item 7 is exempt but comes before the exclusion-of-the-public item',
      );
      const missing = meetingProblems([['agendaItems', 3, 'kind'], 'other']);
      expect(missing[0]?.message).toBe(
        'Item 7 is exempt (paragraph 3) but the agenda has no exclusion-of-the-public item before it',
      );
    });

    it('requires a declaration on an agenda item to name an item the agenda has', () => {
      expect(
        meetingProblems([['declarations', 'declarations', 0, 'about', 'itemNumber'], '9']),
      ).toEqual([
        {
          path: '$.declarations.declarations[0].about.itemNumber',
          code: 'VALIDATION.UNKNOWN_REFERENCE',
          message:
            'Declaration by Cllr Kate O’Kelly is on agenda item 9, which the agenda does not have',
          value: '9',
        },
      ]);
    });

    it('requires a minute to minute an item the agenda has', () => {
      expect(
        pathsAndCodes(meetingProblems([['minutes', 'minutes', 1, 'agendaItemNumber'], '5a'])),
      ).toEqual([
        { path: '$.minutes.minutes[1].agendaItemNumber', code: 'VALIDATION.UNKNOWN_REFERENCE' },
      ]);
    });

    it('requires minute references to be unique and parseable, with a matching sequence', () => {
      expect(
        pathsAndCodes(
          meetingProblems([['minutes', 'minutes', 2, 'ref'], { text: '33', sequence: 33 }]),
        ),
      ).toEqual([
        { path: '$.minutes.minutes[2].ref.text', code: 'VALIDATION.DUPLICATE' },
        { path: '$.minutes.minutes[2].ref.sequence', code: 'VALIDATION.OUT_OF_ORDER' },
      ]);
      expect(
        pathsAndCodes(meetingProblems([['minutes', 'minutes', 1, 'ref', 'text'], 'thirty-three'])),
      ).toEqual([{ path: '$.minutes.minutes[1].ref.text', code: 'VALIDATION.INVALID_VALUE' }]);
      expect(
        pathsAndCodes(meetingProblems([['minutes', 'minutes', 1, 'ref', 'sequence'], 34])),
      ).toEqual([
        { path: '$.minutes.minutes[1].ref.sequence', code: 'VALIDATION.MISMATCH' },
        { path: '$.minutes.minutes[2].ref.sequence', code: 'VALIDATION.OUT_OF_ORDER' },
      ]);
    });

    it('requires sequences to rise in the order the minutes were taken', () => {
      const problems = meetingProblems(
        [['minutes', 'minutes', 0, 'takenOrder'], 2],
        [['minutes', 'minutes', 1, 'takenOrder'], 1],
      );
      expect(problems).toEqual([
        {
          path: '$.minutes.minutes[0].ref.sequence',
          code: 'VALIDATION.OUT_OF_ORDER',
          message: 'Minute 32 was taken after 33 so its number must be higher',
          value: 32,
        },
      ]);
      expect(pathsAndCodes(meetingProblems([['minutes', 'minutes', 1, 'takenOrder'], 1]))).toEqual([
        { path: '$.minutes.minutes[1].takenOrder', code: 'VALIDATION.DUPLICATE' },
      ]);
    });

    it('requires the minute of an exempt item to be exempt', () => {
      expect(
        pathsAndCodes(meetingProblems([['minutes', 'minutes', 3, 'exemption'], null])),
      ).toEqual([{ path: '$.minutes.minutes[3].exemption', code: 'EXEMPTION.PARAGRAPH_REQUIRED' }]);
    });

    it('requires numbered paragraphs to run 33.1, 33.2 … under minute 33', () => {
      const problems = meetingProblems([['minutes', 'minutes', 1, 'blocks', 2, 'ref'], '33.4']);
      expect(problems).toEqual([
        {
          path: '$.minutes.minutes[1].blocks[2].ref',
          code: 'VALIDATION.INVALID_VALUE',
          message: 'Numbered paragraph 3 of minute 33 should be 33.3, got 33.4',
          value: '33.4',
        },
      ]);
    });

    it('requires resolution labels to follow their list style', () => {
      expect(
        pathsAndCodes(
          meetingProblems([['minutes', 'minutes', 1, 'resolution', 'style'], 'lettered']),
        ),
      ).toEqual(
        [0, 1, 2, 3].map((i) => ({
          path: `$.minutes.minutes[1].resolution.points[${i}].label`,
          code: 'VALIDATION.INVALID_VALUE',
        })),
      );
      expect(
        meetingProblems([['minutes', 'minutes', 1, 'resolution', 'points', 2, 'label'], '(3)']),
      ).toEqual([]);
    });

    it('requires an amendment of the previous minutes to name a minute', () => {
      expect(
        pathsAndCodes(
          meetingProblems([
            ['minutes', 'minutes', 0, 'previousMinutes', 'amendments', 0, 'minuteRef'],
            'the one about buses',
          ]),
        ),
      ).toEqual([
        {
          path: '$.minutes.minutes[0].previousMinutes.amendments[0].minuteRef',
          code: 'VALIDATION.INVALID_VALUE',
        },
      ]);
    });

    it('requires the previous meeting to be before this one', () => {
      expect(
        pathsAndCodes(
          meetingProblems([
            ['minutes', 'minutes', 0, 'previousMinutes', 'meetingDate'],
            '2021-11-17',
          ]),
        ),
      ).toEqual([
        {
          path: '$.minutes.minutes[0].previousMinutes.meetingDate',
          code: 'VALIDATION.OUT_OF_ORDER',
        },
      ]);
    });

    it('keeps approval dates consistent with the status and the meeting', () => {
      expect(pathsAndCodes(meetingProblems([['minutes', 'status'], 'draft']))).toEqual([
        { path: '$.minutes.approvedOn', code: 'VALIDATION.MISMATCH' },
      ]);
      expect(pathsAndCodes(meetingProblems([['minutes', 'approvedOn'], '2021-11-17']))).toEqual([
        { path: '$.minutes.approvedOn', code: 'VALIDATION.OUT_OF_ORDER' },
      ]);
    });

    it('reports every semantic problem, not the first', () => {
      const problems = meetingProblems(
        [['agendaItems', 1, 'order'], 1],
        [['declarations', 'declarations', 0, 'about', 'itemNumber'], '9'],
        [['minutes', 'minutes', 3, 'exemption'], null],
      );
      expect(problems.map((p) => p.code)).toEqual([
        'VALIDATION.DUPLICATE',
        'VALIDATION.UNKNOWN_REFERENCE',
        'EXEMPTION.PARAGRAPH_REQUIRED',
      ]);
    });
  });
});

describe(parseCouncilDataset.name, () => {
  it('accepts a valid data set and returns it', () => {
    expect(parseCouncilDataset(stockportDataset())).toEqual({
      ok: true,
      dataset: stockportDataset(),
    });
  });

  it('reports structural problems inside nested meetings with their full path', () => {
    expect(
      pathsAndCodes(
        datasetProblems([['meetings', 0, 'agendaItems', 0, 'exemption'], { paragraph: 12 }]),
      ),
    ).toEqual([
      {
        path: '$.meetings[0].agendaItems[0].exemption.paragraph',
        code: 'EXEMPTION.PARAGRAPH_REQUIRED',
      },
    ]);
    expect(pathsAndCodes(datasetProblems([['measures', 1, 'code'], 'cfse 65']))).toEqual([
      { path: '$.measures[1].code', code: 'VALIDATION.INVALID_VALUE' },
    ]);
    expect(
      pathsAndCodes(datasetProblems([['authorities', 0, 'closureDays', 0], '2021-12-32'])),
    ).toEqual([{ path: '$.authorities[0].closureDays[0]', code: 'VALIDATION.INVALID_VALUE' }]);
  });

  it.each([
    [['authorities', 1], ['authorities', 0], '$.authorities[1].id'],
    [['members', 1], ['members', 0], '$.members[1].id'],
    [['committees', 1], ['committees', 0], '$.committees[1].id'],
    [['portfolios', 1], ['portfolios', 0], '$.portfolios[1].code'],
    [['measures', 2], ['measures', 0], '$.measures[2].code'],
    [['agreements', 1], ['agreements', 0], '$.agreements[1]'],
    [['results', 2], ['results', 0], '$.results[2]'],
    [['performanceReports', 1], ['performanceReports', 0], '$.performanceReports[1].id'],
    [['meetings', 1], ['meetings', 0], '$.meetings[1].meeting.id'],
  ] as const)('rejects a repeated id: %j', (target, source, path) => {
    const dataset = stockportDataset() as unknown as Record<string, unknown[]>;
    const [collection] = source;
    const copy = changed(dataset, [target, (dataset[collection] as unknown[])[source[1]]]);
    expect(pathsAndCodes(problemsOf(parseCouncilDataset(copy)))).toEqual([
      { path, code: 'VALIDATION.DUPLICATE' },
    ]);
  });

  it.each([
    [['committees', 0, 'authorityId'], 'tameside'],
    [['committees', 0, 'portfolioCodes', 0], 'HAS'],
    [['portfolios', 0, 'authorityId'], 'tameside'],
    [['measures', 0, 'portfolioCode'], 'HAS'],
    [['agreements', 0, 'considered', 'committeeId'], 'cabinet'],
    [['agreements', 0, 'targets', 0, 'measureCode'], 'CFSE99'],
    [['results', 0, 'measureCode'], 'CFSE99'],
    [['performanceReports', 0, 'partOne', 0, 'measureCodes', 0], 'CFSE99'],
    [['meetings', 0, 'meeting', 'committeeId'], 'cabinet'],
    [
      ['meetings', 0, 'agendaItems', 0, 'documents', 0, 'content', 'performanceReportId'],
      'cfse-2021-22-q3',
    ],
    [['committees', 0, 'memberships', 0, 'member', 'memberId'], 'someone-else'],
  ] as const)('rejects a reference that does not resolve: %j → %p', (path, value) => {
    const problems = datasetProblems([path, value]);
    expect(pathsAndCodes(problems)).toContainEqual({
      path: jsonPath(path),
      code: 'VALIDATION.UNKNOWN_REFERENCE',
    });
    expect(problems.find((p) => p.path === jsonPath(path))?.value).toBe(value);
  });

  it('rejects an agreement and a performance report for an unknown portfolio', () => {
    const problems = datasetProblems(
      [['agreements', 0, 'portfolioCode'], 'HAS'],
      [['performanceReports', 0, 'portfolioCode'], 'HAS'],
    );
    expect(pathsAndCodes(problems)).toEqual([
      { path: '$.agreements[0].portfolioCode', code: 'VALIDATION.UNKNOWN_REFERENCE' },
      { path: '$.performanceReports[0].portfolioCode', code: 'VALIDATION.UNKNOWN_REFERENCE' },
    ]);
  });

  it("requires a target's unit to match its measure's", () => {
    expect(datasetProblems([['agreements', 0, 'targets', 0, 'unit'], 'count'])).toEqual([
      {
        path: '$.agreements[0].targets[0].unit',
        code: 'VALIDATION.MISMATCH',
        message: 'Target for CFSE11 is in count but measure CFSE11 is in percent',
        value: 'count',
      },
    ]);
  });

  it('rejects two targets for one measure in one agreement', () => {
    const dataset = stockportDataset();
    const target = dataset.agreements[0]?.targets[0];
    expect(pathsAndCodes(datasetProblems([['agreements', 0, 'targets', 1], target]))).toEqual([
      { path: '$.agreements[0].targets[1].measureCode', code: 'VALIDATION.DUPLICATE' },
    ]);
  });

  it("applies each meeting's own rules under its path", () => {
    expect(pathsAndCodes(datasetProblems([['meetings', 0, 'agendaItems', 0, 'order'], 2]))).toEqual(
      [{ path: '$.meetings[0].agendaItems[0].order', code: 'VALIDATION.INVALID_VALUE' }],
    );
  });

  describe('minutes through the municipal year', () => {
    /** Two minuted meetings of Stockport's committee: 17 November 2021 (minutes 32–35) and a later one numbered from `first`. */
    const minutedDataset = (later: {
      date: string;
      first: number;
      amendment?: string;
    }): CouncilDataset => {
      const dataset = stockportDataset();
      const november: MeetingDocument = {
        ...westSussexMeeting(),
        meeting: {
          ...westSussexMeeting().meeting,
          id: 'november' as never,
          committeeId: 'cfs-scrutiny' as never,
        },
      };
      const minutes = november.minutes as MinutesOfMeeting;
      const renumbered = numberMinutes(minutes.minutes, later.first, '').map((minute) =>
        minute.previousMinutes === null
          ? minute
          : {
              ...minute,
              previousMinutes: {
                meetingDate: november.meeting.date,
                amendments: [{ minuteRef: later.amendment ?? '33', text: 'Correct the figure.' }],
              },
            },
      );
      const laterMeeting: MeetingDocument = {
        ...november,
        meeting: { ...november.meeting, id: 'later' as never, date: later.date as never },
        minutes: { ...minutes, status: 'draft', approvedOn: null, minutes: renumbered },
      };
      // Listed out of date order on purpose: the rule sorts by meeting date.
      return { ...dataset, meetings: [laterMeeting, ...dataset.meetings, november] };
    };

    it('accepts numbers that continue from the previous meeting and amendments of its minutes', () => {
      expect(parseCouncilDataset(minutedDataset({ date: '2022-01-13', first: 36 })).ok).toBe(true);
    });

    it('starts again in a new municipal year (Stockport’s starts on 20 May)', () => {
      expect(parseCouncilDataset(minutedDataset({ date: '2022-06-08', first: 1 })).ok).toBe(true);
      const sameYear = problemsOf(
        parseCouncilDataset(minutedDataset({ date: '2022-05-19', first: 1 })),
      );
      expect(sameYear).toContainEqual({
        path: '$.meetings[0].minutes.minutes[0].ref.sequence',
        code: 'VALIDATION.OUT_OF_ORDER',
        message:
          'Minutes are numbered through the municipal year 2021/22: minute 1 of 2022-05-19 must come after minute 35 of 2021-11-17',
        value: 1,
      });
      expect(sameYear).toHaveLength(4);
    });

    it('requires the authority’s prefix', () => {
      const dataset = changed(minutedDataset({ date: '2022-01-13', first: 36 }), [
        ['authorities', 0, 'style', 'minutePrefix'],
        'OS.',
      ]);
      const problems = problemsOf(parseCouncilDataset(dataset));
      expect(problems).toHaveLength(8);
      expect(problems[0]).toEqual({
        path: '$.meetings[2].minutes.minutes[0].ref.text',
        code: 'VALIDATION.MISMATCH',
        message: 'Stockport prefixes minute numbers with "OS.", but minute 32 has ""',
        value: '32',
      });
    });

    it('requires an amendment to name a minute of the previous meeting', () => {
      expect(
        problemsOf(
          parseCouncilDataset(minutedDataset({ date: '2022-01-13', first: 36, amendment: '31' })),
        ),
      ).toEqual([
        {
          path: '$.meetings[0].minutes.minutes[0].previousMinutes.amendments[0].minuteRef',
          code: 'VALIDATION.UNKNOWN_REFERENCE',
          message: 'The minutes of 2021-11-17 have no minute 31 to amend',
          value: '31',
        },
      ]);
    });

    it('cannot check amendments of a meeting it holds without minutes, or leaves out', () => {
      const unminuted = changed(
        minutedDataset({ date: '2022-01-13', first: 36, amendment: '31' }),
        [['meetings', 0, 'minutes', 'minutes', 0, 'previousMinutes', 'meetingDate'], '2021-11-16'],
      );
      expect(parseCouncilDataset(unminuted).ok).toBe(true);
      const undated = changed(minutedDataset({ date: '2022-01-13', first: 36, amendment: '31' }), [
        ['meetings', 0, 'minutes', 'minutes', 0, 'previousMinutes', 'meetingDate'],
        null,
      ]);
      expect(parseCouncilDataset(undated).ok).toBe(true);
    });

    it('skips what other rules already report: an unreadable reference, an unknown committee, empty minutes', () => {
      const badRef = changed(minutedDataset({ date: '2022-01-13', first: 36 }), [
        ['meetings', 0, 'minutes', 'minutes', 3, 'ref', 'text'],
        'x',
      ]);
      expect(pathsAndCodes(problemsOf(parseCouncilDataset(badRef)))).toEqual([
        { path: '$.meetings[0].minutes.minutes[3].ref.text', code: 'VALIDATION.INVALID_VALUE' },
      ]);
      const unknownCommittee = changed(minutedDataset({ date: '2022-01-13', first: 36 }), [
        ['meetings', 2, 'meeting', 'committeeId'],
        'nowhere',
      ]);
      expect(pathsAndCodes(problemsOf(parseCouncilDataset(unknownCommittee)))).toEqual([
        { path: '$.meetings[2].meeting.committeeId', code: 'VALIDATION.UNKNOWN_REFERENCE' },
      ]);
      const empty = changed(minutedDataset({ date: '2022-01-13', first: 1 }), [
        ['meetings', 2, 'minutes', 'minutes'],
        [],
      ]);
      expect(parseCouncilDataset(empty).ok).toBe(false); // the amendment of minute 33 no longer resolves
      expect(pathsAndCodes(problemsOf(parseCouncilDataset(empty)))).toEqual([
        {
          path: '$.meetings[0].minutes.minutes[0].previousMinutes.amendments[0].minuteRef',
          code: 'VALIDATION.UNKNOWN_REFERENCE',
        },
      ]);
    });
  });
});
