import fc from 'fast-check';
import { MEASURE_FREQUENCIES, MEASURE_UNITS, POLARITIES } from '../model/performance.js';
import {
  acceptingReadOnly,
  liftNamedShapes,
  requestForm,
  stripReadOnly,
} from '../schema/components.js';
import { Type } from '../schema/kit.js';
import { problemsOf } from '../schema/validate.js';
import * as agreement from './agreement.js';
import * as measure from './measure.js';
import * as report from './performance-report.js';
import * as result from './result.js';

const CFSE11 = {
  code: 'CFSE11',
  portfolioCode: 'CFSE',
  title: 'Re-referrals to social care within 12 months',
  unit: 'percent',
  polarity: 'lower-is-better',
  frequency: 'quarterly',
  source: null,
  priorityNumber: 2,
  decimals: 1,
};

const SERVER = {
  version: 3,
  createdAt: '2026-11-23T10:15:00.000Z',
  updatedAt: '2026-11-23T10:15:00.000Z',
};

const Q3 = { kind: 'quarter', year: '2021/22', quarter: 3 };
const storedResult = {
  id: 42,
  measureCode: 'CFSE11',
  period: Q3,
  value: 68.9,
  status: 'actual',
  comparators: [{ kind: 'england-average', label: 'England average', value: 75.1 }],
  commentary: null,
  portfolioCode: 'CFSE',
  periodCode: '2021/22-Q3',
  periodLabel: 'Q3 2021/22',
  periodStart: '2021-10-01',
  periodEnd: '2021-12-31',
  rag: { status: 'red', explanation: 'Red: 68.9% is 9.9 points below the target of 78.8%.' },
  trend: {
    direction: 'improving',
    arrow: '↑',
    explanation: 'Improving.',
    previousPeriod: '2021/22-Q2',
  },
  ...SERVER,
};

describe('the performance contract', () => {
  it('publishes every shape under a title of its own (no two shapes share one)', () => {
    const components: Parameters<typeof liftNamedShapes>[1] = {};
    const shapes = [measure, result, agreement, report].flatMap((module) =>
      Object.values(module).filter((value) => typeof value === 'object' && value !== null),
    );
    for (const shape of shapes) {
      liftNamedShapes(shape, components, (name) => `#/${name}`);
      liftNamedShapes(requestForm(shape), components, (name) => `#/${name}`);
    }
    expect(Object.keys(components)).toEqual(
      expect.arrayContaining([
        'MeasureResource',
        'MeasureResultResource',
        'AgreementResource',
        'PerformanceReportResource',
        'Tolerance',
      ]),
    );
  });

  it('bounds decimal places (0–6) and priority numbers (1–99) in the measure schema', () => {
    expect(problemsOf(measure.MeasureInput, CFSE11)).toEqual([]);
    expect(
      problemsOf(measure.MeasureInput, { ...CFSE11, decimals: 7, priorityNumber: 100 }).map(
        (p) => p.path,
      ),
    ).toEqual(['$.priorityNumber', '$.decimals']);
  });

  it('takes a result back as it was read: the server’s fields are accepted, then stripped', () => {
    expect(problemsOf(result.MeasureResultResource, storedResult)).toEqual([]);
    const form = acceptingReadOnly(result.MeasureResultResource);
    const {
      rag: _rag,
      trend: _trend,
      id: _id,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      ...rest
    } = storedResult;
    const {
      portfolioCode: _p,
      periodCode: _pc,
      periodLabel: _pl,
      periodStart: _ps,
      periodEnd: _pe,
      ...content
    } = rest;
    expect(problemsOf(form, content)).toEqual([]);
    expect(stripReadOnly(form, structuredClone(storedResult))).toEqual(content);
    expect(problemsOf(result.MeasureResultInput, content)).toEqual([]);
  });

  it('says which tolerance field is missing or unknown, by the tolerance’s kind', () => {
    const target = {
      measureCode: 'CFSE11',
      unit: 'percent',
      target: { kind: 'unknown', reason: 'Baseline year' },
      toleranceRationale: null,
    };
    expect(
      problemsOf(agreement.AgreementResource.properties.targets.items, {
        ...target,
        tolerance: { kind: 'none' },
      }),
    ).toEqual([]);
    expect(
      problemsOf(agreement.AgreementResource.properties.targets.items, {
        ...target,
        tolerance: { kind: 'relative', amount: 2 },
      }).map((p) => p.path),
    ).toEqual(['$.tolerance.percent', '$.tolerance.amount']);
  });

  it('says what a code is meant to look like when it does not match its pattern', () => {
    const [bad] = problemsOf(measure.MeasureInput, { ...CFSE11, code: 'cfse 11' });
    expect(bad).toMatchObject({ path: '$.code', message: expect.stringMatching(/CFSE\.28/) });
    expect(problemsOf(Type.String({ pattern: '^a$' }), 'b')[0]?.message).toBe(
      'must match pattern "^a$"',
    );
  });

  it('accepts every measure the value lists allow (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          unit: fc.constantFrom(...MEASURE_UNITS),
          polarity: fc.constantFrom(...POLARITIES),
          frequency: fc.constantFrom(...MEASURE_FREQUENCIES),
          decimals: fc.integer({ min: 0, max: 6 }),
          priorityNumber: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
          title: fc.string({ minLength: 1, maxLength: 500 }),
        }),
        (fields) => problemsOf(measure.MeasureInput, { ...CFSE11, ...fields }).length === 0,
      ),
    );
  });
});
