import { parseMeetingDocument } from './parse.js';
import { meetingProblems, pathsAndCodes } from '../../../test/document-edits.js';
import { westSussexMeeting } from '../../../test/fixtures/west-sussex-meeting.js';

describe(parseMeetingDocument.name, () => {
  describe('agenda items and exemptions', () => {
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

    it('lets an exclusion item cover exempt items the agenda has, and only those', () => {
      const items = westSussexMeeting().agendaItems;
      const exclusion = items.findIndex((item) => item.kind === 'exclusion-of-public');
      const open = items.find((item) => item.exemption === null && item.kind === 'report');
      const covers = ['agendaItems', exclusion, 'covers'] as const;
      expect(meetingProblems([covers, ['7']])).toEqual([]);
      expect(pathsAndCodes(meetingProblems([covers, ['7', '9', open?.number]]))).toEqual([
        { path: `$.agendaItems[${exclusion}].covers[1]`, code: 'VALIDATION.UNKNOWN_REFERENCE' },
        { path: `$.agendaItems[${exclusion}].covers[2]`, code: 'VALIDATION.MISMATCH' },
      ]);
      expect(pathsAndCodes(meetingProblems([['agendaItems', 0, 'covers'], ['7']]))).toEqual([
        { path: '$.agendaItems[0].covers[0]', code: 'VALIDATION.MISMATCH' },
      ]);
    });

    it('takes an order of consideration at most once per item', () => {
      expect(
        meetingProblems(
          [['agendaItems', 0, 'consideredOrder'], 2],
          [['agendaItems', 1, 'consideredOrder'], 1],
        ),
      ).toEqual([]);
      expect(
        pathsAndCodes(
          meetingProblems(
            [['agendaItems', 0, 'consideredOrder'], 2],
            [['agendaItems', 2, 'consideredOrder'], 2],
          ),
        ),
      ).toEqual([{ path: '$.agendaItems[2].consideredOrder', code: 'VALIDATION.DUPLICATE' }]);
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
  });
});
