/**
 * The domain rules the reporter prints with, in one place. Everything here comes from
 * @scrutineer/domain; the reporter never re-implements a rule, and never assesses a RAG or a
 * trend: it prints the ones stored with each result (ADR007).
 */
import type { PerformanceMeasure } from '@scrutineer/domain';
import {
  formatComparators as formatComparatorsOf,
  formatMeasureValue as formatFigure,
} from '@scrutineer/domain';

export {
  assessDataset,
  assessMissingResult,
  describeExemption,
  exclusionResolution,
  formatDate,
  formatMoneyFigure,
  isReportedMeasure,
  isSamePeriod,
  isWithheld,
  periodLabel,
  printedListLabel,
  reportedPeriod,
  reportedResult,
  resolutionParagraphRef,
  sumPence,
  targetsByMeasure,
  targetYear,
  ukDateOf,
  variance,
  withholdMeetingDocument,
  withholdMinute,
} from '@scrutineer/domain';

/** A measure's figure with its unit, as the domain prints it: `61.2%`, `45.3 per 10,000`. */
export const formatMeasureValue = (measure: PerformanceMeasure, value: number): string =>
  formatFigure(value, measure.unit, measure.decimals);

/** A result's comparators for one table cell, one a line (see the domain's `formatComparators`). */
export const formatComparators = (
  measure: PerformanceMeasure,
  comparators: Parameters<typeof formatComparatorsOf>[0],
): string => formatComparatorsOf(comparators, measure.unit, measure.decimals);
