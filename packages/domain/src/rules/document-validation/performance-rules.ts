/** Performance in a data set: measures, agreements and their targets, results, performance reports. */
import type { Problem } from '../../errors.js';
import type { CouncilDataset } from '../../model/document.js';
import { checkTargetUnit } from '../validation.js';
import { jsonPath } from '../../schema/json-path.js';
import { duplicates, unknownReference } from './problems.js';

/**
 * Every portfolio, committee and measure these refer to is in the data set; a target's unit is
 * its measure's; one target per measure in an agreement and one result per measure and period.
 */
export const performanceRules = (dataset: CouncilDataset): Problem[] => {
  const problems: Problem[] = [];
  const committeeIds = new Set<string>(dataset.committees.map((c) => c.id));
  const portfolioCodes = new Set<string>(dataset.portfolios.map((p) => p.code));
  const measures = new Map<string, CouncilDataset['measures'][number]>(
    dataset.measures.map((m) => [m.code, m]),
  );

  dataset.measures.forEach((measure, i) => {
    if (!portfolioCodes.has(measure.portfolioCode))
      problems.push(
        unknownReference(['measures', i, 'portfolioCode'], 'Portfolio', measure.portfolioCode),
      );
  });
  dataset.agreements.forEach((agreement, i) => {
    if (!portfolioCodes.has(agreement.portfolioCode))
      problems.push(
        unknownReference(['agreements', i, 'portfolioCode'], 'Portfolio', agreement.portfolioCode),
      );
    if (agreement.considered !== null && !committeeIds.has(agreement.considered.committeeId)) {
      problems.push(
        unknownReference(
          ['agreements', i, 'considered', 'committeeId'],
          'Committee',
          agreement.considered.committeeId,
        ),
      );
    }
    agreement.targets.forEach((target, j) => {
      const measure = measures.get(target.measureCode);
      if (measure === undefined) {
        problems.push(
          unknownReference(
            ['agreements', i, 'targets', j, 'measureCode'],
            'Measure',
            target.measureCode,
          ),
        );
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
      problems.push(unknownReference(['results', i, 'measureCode'], 'Measure', result.measureCode));
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
      problems.push(
        unknownReference(
          ['performanceReports', i, 'portfolioCode'],
          'Portfolio',
          report.portfolioCode,
        ),
      );
    report.partOne.forEach((update, j) => {
      update.measureCodes.forEach((code, k) => {
        if (!measures.has(code))
          problems.push(
            unknownReference(
              ['performanceReports', i, 'partOne', j, 'measureCodes', k],
              'Measure',
              code,
            ),
          );
      });
    });
  });
  return problems;
};
