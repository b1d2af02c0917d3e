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
  });
});
