import { jsonPath } from '../../schema/json-path.js';
import { parseCouncilDataset } from './parse.js';
import {
  changed,
  datasetProblems,
  pathsAndCodes,
  problemsOf,
} from '../../../test/document-edits.js';
import { stockportDataset } from '../../../test/fixtures/documents.js';

describe(parseCouncilDataset.name, () => {
  describe('cross references and uniqueness', () => {
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

    it('rejects membership periods that end before they start or hold a member twice a day', () => {
      const chair = stockportDataset().committees[0]?.memberships[0];
      expect(
        pathsAndCodes(
          datasetProblems(
            [['committees', 0, 'memberships', 0, 'from'], '2022-05-24'],
            [['committees', 0, 'memberships', 0, 'to'], '2022-05-23'],
          ),
        ),
      ).toEqual([{ path: '$.committees[0].memberships[0].to', code: 'VALIDATION.OUT_OF_ORDER' }]);
      expect(
        pathsAndCodes(
          datasetProblems([
            ['committees', 0, 'memberships', 1],
            { ...chair, role: 'member', from: '2021-06-01' },
          ]),
        ),
      ).toEqual([{ path: '$.committees[0].memberships[1].from', code: 'VALIDATION.DUPLICATE' }]);
    });

    it("applies each meeting's own rules under its path", () => {
      expect(
        pathsAndCodes(datasetProblems([['meetings', 0, 'agendaItems', 0, 'order'], 2])),
      ).toEqual([{ path: '$.meetings[0].agendaItems[0].order', code: 'VALIDATION.INVALID_VALUE' }]);
    });
  });
});
