import { parseMeetingDocument } from './parse.js';
import { meetingProblems } from '../../../test/document-edits.js';

describe(parseMeetingDocument.name, () => {
  describe('declarations', () => {
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

    it('takes several interest kinds, each once, and at least one', () => {
      const at = ['declarations', 'declarations', 0, 'interests'] as const;
      expect(meetingProblems([at, ['personal', 'prejudicial']])).toEqual([]);
      expect(meetingProblems([at, []]).map((p) => p.path)).toEqual([
        '$.declarations.declarations[0].interests',
      ]);
      expect(meetingProblems([at, ['personal', 'personal']]).map((p) => p.path)).toEqual([
        '$.declarations.declarations[0].interests',
      ]);
    });

    it('records that declarations were made without the names, on items the agenda has', () => {
      expect(
        meetingProblems([['declarations'], { kind: 'made-unnamed', itemNumbers: [] }]),
      ).toEqual([]);
      expect(
        meetingProblems([['declarations'], { kind: 'made-unnamed', itemNumbers: ['5', '9'] }]),
      ).toEqual([
        expect.objectContaining({
          path: '$.declarations.itemNumbers[1]',
          code: 'VALIDATION.UNKNOWN_REFERENCE',
          value: '9',
        }),
      ]);
    });
  });
});
