import { parseMeetingDocument } from './parse.js';
import { meetingProblems, pathsAndCodes } from '../../../test/document-edits.js';

describe(parseMeetingDocument.name, () => {
  describe('minutes, numbering and references', () => {
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

    it('takes a historic record of unknown status, but not with an approval date', () => {
      expect(
        meetingProblems([['minutes', 'status'], 'unknown'], [['minutes', 'approvedOn'], null]),
      ).toEqual([]);
      expect(pathsAndCodes(meetingProblems([['minutes', 'status'], 'unknown']))).toEqual([
        { path: '$.minutes.approvedOn', code: 'VALIDATION.MISMATCH' },
      ]);
      expect(
        pathsAndCodes(meetingProblems([['minutes', 'status'], 'approximately-approved'])),
      ).toEqual([{ path: '$.minutes.status', code: 'VALIDATION.INVALID_VALUE' }]);
    });
  });
});
