// Stockport CFSE 2021/22: the facts of the agreement, measures, results and PPRRs the issues rely on.
import { assessResultTrend } from '@scrutineer/domain';
import { findPerformanceReport, sampleIds } from '../src/index.js';
import { dataset } from './sample.js';

describe('Stockport CFSE 2021/22', () => {
  const agreement = dataset.agreements.find((a) => a.portfolioCode === 'CFSE');

  it('has the approved agreement: considered 16 June, approved by Cabinet 29 June 2021', () => {
    expect(agreement?.status).toBe('approved');
    expect(agreement?.considered?.date).toBe('2021-06-16');
    expect(agreement?.approved).toEqual({ body: 'Cabinet', date: '2021-06-29' });
    expect(agreement?.priorities.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds the SEND – Written Statement of Action reserve at exactly £794,000 (79,400,000 pence)', () => {
    const reserve = agreement?.reserves.find(
      (r) => r.name === 'SEND – Written Statement of Action',
    );
    expect(reserve?.balance).toBe(79_400_000);
  });

  it('sets CFSE11 a target of 78.8%', () => {
    const target = agreement?.targets.find((t) => t.measureCode === 'CFSE11');
    expect(target?.target).toBe(78.8);
    expect(target?.unit).toBe('percent');
  });

  it('has 12–20 measures with the seed codes, and a target for each', () => {
    const codes = dataset.measures.filter((m) => m.portfolioCode === 'CFSE').map((m) => m.code);
    expect(codes.length).toBeGreaterThanOrEqual(12);
    expect(codes.length).toBeLessThanOrEqual(20);
    expect(codes).toEqual(expect.arrayContaining(['CFSE.28', 'CFSE.65', 'CFSE11', 'CFSE12(ii)']));
    expect(agreement?.targets.map((t) => t.measureCode).sort()).toEqual([...codes].sort());
  });

  it('shows CFSE.65 below its target in each of five years, 2017/18 to 2021/22', () => {
    const annual = dataset.results.filter(
      (r) => r.measureCode === 'CFSE.65' && r.period.kind === 'annual',
    );
    expect(annual.map((r) => r.period.year)).toEqual([
      '2017/18',
      '2018/19',
      '2019/20',
      '2020/21',
      '2021/22',
    ]);
    expect(annual.every((r) => typeof r.value === 'number' && r.value < 70)).toBe(true);
  });

  it('has a mid-year and a Q3 2021/22 result for every measure the Q3 update reports', () => {
    const q3 = findPerformanceReport(dataset, sampleIds.cfseQ3Update2021);
    const reported = q3?.partOne.flatMap((p) => p.measureCodes) ?? [];
    expect(reported.length).toBeGreaterThan(8);
    for (const code of reported) {
      const periods = dataset.results
        .filter((r) => r.measureCode === code)
        .map((r) => JSON.stringify(r.period));
      expect(periods).toContain(JSON.stringify({ kind: 'quarter', year: '2021/22', quarter: 3 }));
      expect(periods).toContain(JSON.stringify({ kind: 'quarter', year: '2020/21', quarter: 3 }));
    }
  });

  it('gives every Q3 2021/22 figure a trend on either comparison basis', () => {
    const q3 = dataset.results.filter(
      (r) =>
        r.period.kind === 'quarter' &&
        r.period.year === '2021/22' &&
        r.period.quarter === 3 &&
        typeof r.value === 'number',
    );
    expect(q3.length).toBeGreaterThan(10);
    for (const result of q3) {
      const measure = dataset.measures.find((m) => m.code === result.measureCode);
      if (measure === undefined) throw new Error(`No measure ${result.measureCode}`);
      for (const basis of ['previous-period', 'same-period-last-year'] as const) {
        const trend = assessResultTrend(measure, result, dataset.results, basis);
        expect([result.measureCode, basis, trend.direction]).not.toContain('not-comparable');
      }
    }
  });

  it('prints the mid-year PPRR as seed 001 gives it', () => {
    const report = findPerformanceReport(dataset, sampleIds.cfseMidYear2021);
    expect(report?.reportTo).toBe('CHILDREN AND FAMILIES SCRUTINY COMMITTEE');
    expect(report?.date).toBe('2021-11-24');
    expect(report?.reportOf).toEqual(["DIRECTOR OF CHILDREN'S SERVICES", 'DIRECTOR OF EDUCATION']);
    expect(report?.sections[0]?.paragraphs).toHaveLength(7);
    expect(report?.sections[0]?.paragraphs[6]).toMatch(/^Members are asked where possible/);
    expect(report?.recommendations.style).toBe('lettered');
    expect(report?.recommendations.items).toHaveLength(5);
    expect(report?.contacts.map((c) => `${c.name} ${c.email} ${c.phone}`)).toEqual([
      'Gaynor Ward gaynor.ward@stockport.gov.uk (474 3186)',
      'Gill Dixon gill.dixon@stockport.gov.uk (474 3886)',
      'Peter Hughes peter.hughes@stockport.gov.uk (474 3947)',
    ]);
  });
});
