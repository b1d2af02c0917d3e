import { describe, expect, it } from '@jest/globals';
import type { MeasureCode, MeasureResult, PerformanceMeasure } from '../model/performance.js';
import type { ReportingPeriod } from '../model/time.js';
import { parsePeriodCode, periodCode } from './period.js';
import { isReportedMeasure, reportedPeriod, reportedResult } from './reported-result.js';

const shown = (frequency: PerformanceMeasure['frequency'], report: string): string =>
  periodCode(reportedPeriod({ frequency }, parsePeriodCode(report)));

describe(reportedPeriod.name, () => {
  it('is the report’s own period for a measure counted in months, quarters or terms', () => {
    for (const frequency of ['monthly', 'quarterly', 'termly'] as const) {
      expect(shown(frequency, '2021/22-H1')).toBe('2021/22-H1');
      expect(shown(frequency, '2021/22-Q3')).toBe('2021/22-Q3');
    }
  });

  it('is the latest academic year ended by the end of the report’s period', () => {
    // Mid-year 2021/22 ends 30 September 2021: academic year 2020/21 ended on 31 August.
    expect(shown('academic-year', '2021/22-H1')).toBe('AY2020/21');
    expect(shown('academic-year', '2021/22-Q3')).toBe('AY2020/21');
    // Q1 2021/22 ends 30 June 2021, before academic year 2020/21 ends.
    expect(shown('academic-year', '2021/22-Q1')).toBe('AY2019/20');
    expect(shown('academic-year', '2021/22-M05')).toBe('AY2020/21');
    expect(shown('academic-year', 'AY2020/21')).toBe('AY2020/21');
  });

  it('is the report’s own period for an annual measure (in-year figures and forecasts)', () => {
    expect(shown('annual', '2021/22-H1')).toBe('2021/22-H1');
    expect(shown('annual', '2021/22')).toBe('2021/22');
  });
});

describe(reportedResult.name, () => {
  const code = 'CFSE.60' as MeasureCode;
  const result = (period: string, value: number): MeasureResult => ({
    measureCode: code,
    period: parsePeriodCode(period) as ReportingPeriod,
    value,
    status: 'provisional',
    comparators: [],
    commentary: null,
  });
  const results = [result('AY2018/19', 31.2), result('AY2020/21', 36.4)];

  it('finds the sample’s CFSE.60 for academic year 2020/21 in the mid-year 2021/22 report', () => {
    const sut = reportedResult(
      { code, frequency: 'academic-year' },
      parsePeriodCode('2021/22-H1'),
      results,
    );
    expect(sut?.value).toBe(36.4);
  });

  it('is null when there is no result for the period, or only another measure’s', () => {
    const measure = { code, frequency: 'quarterly' } as const;
    expect(reportedResult(measure, parsePeriodCode('2021/22-H1'), results)).toBeNull();
    const other = { ...result('2021/22-H1', 1), measureCode: 'CFSE.3' as MeasureCode };
    expect(reportedResult(measure, parsePeriodCode('2021/22-H1'), [other])).toBeNull();
  });
});

describe(isReportedMeasure.name, () => {
  const code = 'CFSE.12' as MeasureCode;
  const result = (period: string, value: MeasureResult['value']): MeasureResult => ({
    measureCode: code,
    period: parsePeriodCode(period) as ReportingPeriod,
    value,
    status: 'actual',
    comparators: [],
    commentary: null,
  });
  const quarterly = { code, frequency: 'quarterly' } as const;
  const q3 = parsePeriodCode('2021/22-Q3');

  it('leaves out of a Q3 update a measure with no figure since mid-year (the exception principle)', () => {
    expect(isReportedMeasure(quarterly, q3, [result('2021/22-H1', 90)])).toBe(false);
    const unknown = { kind: 'unknown', reason: 'data not yet available' } as const;
    expect(isReportedMeasure(quarterly, q3, [result('2021/22-Q3', unknown)])).toBe(false);
    expect(isReportedMeasure(quarterly, q3, [result('2021/22-Q3', 91)])).toBe(true);
  });

  it('leaves out an academic-year measure whose latest year is the one the mid-year showed', () => {
    const yearly = { code, frequency: 'academic-year' } as const;
    // Q3 2021/22 ends 31 December 2021: still academic year 2020/21, as at mid-year.
    expect(isReportedMeasure(yearly, q3, [result('AY2020/21', 36.4)])).toBe(false);
  });

  it('keeps every measure in the first update, the mid-year and the annual report', () => {
    for (const period of ['2021/22-Q1', '2021/22-H1', '2021/22-Q2', '2021/22-Q4', '2021/22']) {
      expect(isReportedMeasure(quarterly, parsePeriodCode(period), [])).toBe(true);
    }
  });
});
