import { jsonPath } from '../../schema/json-path.js';
import { parseCouncilDataset } from './parse.js';
import { datasetProblems, pathsAndCodes } from '../../../test/document-edits.js';
import { stockportDataset } from '../../../test/fixtures/documents.js';

describe(parseCouncilDataset.name, () => {
  describe('performance: measures, agreements, results, reports', () => {
    it.each([
      [['measures', 0, 'portfolioCode'], 'HAS'],
      [['agreements', 0, 'considered', 'committeeId'], 'cabinet'],
      [['agreements', 0, 'targets', 0, 'measureCode'], 'CFSE99'],
      [['results', 0, 'measureCode'], 'CFSE99'],
      [['performanceReports', 0, 'partOne', 0, 'measureCodes', 0], 'CFSE99'],
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
  });
});
