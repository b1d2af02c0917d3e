import { COUNCIL_DATASET_SCHEMA, MEETING_DOCUMENT_SCHEMA } from '../../schema/published.js';
import { createAjv } from '../../schema/validate.js';
import { jsonPath } from '../../schema/json-path.js';
import { parseCouncilDataset, parseMeetingDocument } from './parse.js';
import { structureProblems } from './structure.js';
import {
  changed,
  datasetProblems,
  DELETE,
  meetingProblems,
  pathsAndCodes,
  problemsOf,
} from '../../../test/document-edits.js';
import { stockportDataset, westSussexMeeting } from '../../../test/fixtures/documents.js';

describe('document schemas', () => {
  it('are draft 2020-12 schemas with their own ids, sharing definitions', () => {
    expect(MEETING_DOCUMENT_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(MEETING_DOCUMENT_SCHEMA.$ref).toBe('#/$defs/MeetingDocument');
    expect(COUNCIL_DATASET_SCHEMA.$ref).toBe('#/$defs/CouncilDataset');
    expect(MEETING_DOCUMENT_SCHEMA.$id).not.toBe(COUNCIL_DATASET_SCHEMA.$id);
    expect(MEETING_DOCUMENT_SCHEMA.$defs['AgendaItem']?.['additionalProperties']).toBe(false);
    expect(MEETING_DOCUMENT_SCHEMA.$defs['AgendaItem']?.['required']).toContain('exemption');
  });

  it('compile on their own, as an API publishing them would, and judge documents as the parsers do', () => {
    const ajv = createAjv();
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

describe(structureProblems.name, () => {
  // The interface the parsers rely on, whatever validates underneath: a root name and a value
  // in, problems with JSON paths out.
  it('finds nothing in a value that has the shape of its root', () => {
    expect(structureProblems('MeetingDocument', westSussexMeeting())).toEqual([]);
    expect(structureProblems('CouncilDataset', stockportDataset())).toEqual([]);
  }, 30_000); // compiles both validators

  it('reads the value as the root it is given', () => {
    expect(pathsAndCodes(structureProblems('CouncilDataset', westSussexMeeting()))).toContainEqual({
      path: '$.authorities',
      code: 'VALIDATION.REQUIRED',
    });
  });

  it('returns each violation with its JSON path, code, message and value', () => {
    const bad = changed(westSussexMeeting(), [['agendaItems', 4, 'exemption', 'paragraph'], 8]);
    expect(structureProblems('MeetingDocument', bad)).toEqual([
      {
        path: '$.agendaItems[4].exemption.paragraph',
        code: 'EXEMPTION.PARAGRAPH_REQUIRED',
        message:
          'A Schedule 12A paragraph must be one of 1 to 7 (England) or 12 to 18 (Wales), got 8',
        value: 8,
      },
    ]);
  });
});

describe(parseMeetingDocument.name, () => {
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
      [9, 'a paragraph outside 1–7 and 12–18'],
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
          message: 'kind must be one of: not-recorded, none-made, made, made-unnamed',
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
});

describe(parseCouncilDataset.name, () => {
  it('reports structural problems inside nested meetings with their full path', () => {
    expect(
      pathsAndCodes(
        datasetProblems([['meetings', 0, 'agendaItems', 0, 'exemption'], { paragraph: 9 }]),
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
});
