// West Sussex Quarter 2 2021/22: measures, results and the approved targets.
import type { MeasureResult, PerformanceMeasure, PortfolioAgreement } from '@scrutineer/domain';
import { code, date, fy, pounds, quarter } from '../helpers.js';
import { CYP, LS } from './people.js';

const measure = (
  measureCode: string,
  portfolioCode: typeof CYP,
  title: string,
  unit: PerformanceMeasure['unit'],
  polarity: PerformanceMeasure['polarity'],
  source: string | null,
  decimals = 1,
): PerformanceMeasure => ({
  code: code(measureCode),
  portfolioCode,
  title,
  unit,
  polarity,
  frequency: 'quarterly',
  source,
  priorityNumber: 1,
  decimals,
});

export const westSussexMeasures: readonly PerformanceMeasure[] = [
  // "Performance Measure 1" in resolution 33.6 (2), with its title as the resolution gives it.
  measure(
    'CYP.1',
    CYP,
    'Percentage of re-referrals to Children’s Social Care within 12 months of the previous referral',
    'percent',
    'lower-is-better',
    'Children in Need census',
  ),
  measure(
    'CYP.2',
    CYP,
    'Percentage of Children Looked After with three or more placements in the year',
    'percent',
    'lower-is-better',
    'SSDA903 return',
  ),
  measure(
    'CYP.3',
    CYP,
    'Number of approved fostering households',
    'count',
    'higher-is-better',
    'Fostering service records',
    0,
  ),
  measure(
    'LS.1',
    LS,
    'Percentage of Education, Health and Care Plans issued within 20 weeks',
    'percent',
    'higher-is-better',
    'SEN2 return',
  ),
  measure(
    'LS.2',
    LS,
    'Percentage of pupils attending a Good or Outstanding school',
    'percent',
    'higher-is-better',
    'Ofsted management information',
  ),
  measure(
    'LS.3',
    LS,
    'Number of children with an EHCP whose parents claim the parental mileage rate',
    'count',
    'higher-is-better',
    'Home to school transport records',
    0,
  ),
];

export const Q1 = quarter('2021/22', 1);
export const Q2 = quarter('2021/22', 2);
export const Q2_2020 = quarter('2020/21', 2);

const result = (
  measureCode: string,
  period: MeasureResult['period'],
  value: number,
  commentary: string | null = null,
  comparators: MeasureResult['comparators'] = [],
): MeasureResult => ({
  measureCode: code(measureCode),
  period,
  value,
  status: 'actual',
  comparators,
  commentary,
});

export const westSussexResults: readonly MeasureResult[] = [
  result('CYP.1', Q2_2020, 22.1),
  result('CYP.1', Q1, 21.4),
  // 23%, "in line with other local authorities and the English average" (seed 004, 33.3).
  result(
    'CYP.1',
    Q2,
    23,
    'The rate first published for quarter two was wrong (a reporting error, since corrected); the correct rate is 23%.',
    [{ kind: 'england-average', label: 'England average', value: 22.7 }],
  ),
  result('CYP.2', Q2_2020, 10.9),
  result('CYP.2', Q1, 11.2),
  result('CYP.2', Q2, 10.6, 'Some external placements have returned to in-county provision.'),
  result('CYP.3', Q2_2020, 349),
  result('CYP.3', Q1, 352),
  result('CYP.3', Q2, 355, 'Interest in fostering applications has increased.'),
  result('LS.1', Q2_2020, 51.0),
  result('LS.1', Q1, 47.0),
  result('LS.1', Q2, 52.5, null, [
    { kind: 'england-average', label: 'England average 2020', value: 58.0 },
  ]),
  result('LS.2', Q2_2020, 85.1),
  result('LS.2', Q1, 86.0),
  result('LS.2', Q2, 86.4),
  result('LS.3', Q2_2020, 156),
  result('LS.3', Q1, 288),
  result(
    'LS.3',
    Q2,
    312,
    'The number of parents claiming the mileage rate has doubled since 2020.',
  ),
];

const targets = (
  entries: readonly (readonly [string, number, number])[],
  unitOf: (c: string) => PerformanceMeasure['unit'],
) =>
  entries.map(([measureCode, value, amount]) => ({
    measureCode: code(measureCode),
    unit: unitOf(measureCode),
    target: value,
    tolerance: { kind: 'absolute' as const, amount },
    toleranceRationale: null,
  }));

const unitOf = (c: string): PerformanceMeasure['unit'] =>
  westSussexMeasures.find((m) => m.code === c)?.unit ?? 'percent';

/** West Sussex sets its targets in Our Council Plan; held here as approved agreements (illustrative). */
export const westSussexAgreements: readonly PortfolioAgreement[] = [
  {
    portfolioCode: CYP,
    year: fy('2021/22'),
    status: 'approved',
    considered: null,
    approved: { body: 'County Council', date: date('2021-02-12') },
    priorities: [
      { number: 1, title: 'Keeping people safe from vulnerable situations', outcomes: [] },
    ],
    targets: targets(
      [
        ['CYP.1', 22, 2],
        ['CYP.2', 10, 1],
        ['CYP.3', 370, 15],
      ],
      unitOf,
    ),
    revenueBudget: [
      { service: 'Children’s Social Care', budget: pounds(118_600_000) },
      { service: 'Early Help', budget: pounds(9_800_000) },
      { service: 'Fostering and Adoption', budget: pounds(22_300_000) },
    ],
    reserves: [],
    savings: [],
    capital: [],
  },
  {
    portfolioCode: LS,
    year: fy('2021/22'),
    status: 'approved',
    considered: null,
    approved: { body: 'County Council', date: date('2021-02-12') },
    priorities: [
      {
        number: 1,
        title: 'Helping people and communities to fulfil their potential',
        outcomes: [],
      },
    ],
    targets: targets(
      [
        ['LS.1', 60, 5],
        ['LS.2', 88, 2],
        ['LS.3', 250, 25],
      ],
      unitOf,
    ),
    revenueBudget: [
      { service: 'Education and Skills', budget: pounds(24_100_000) },
      { service: 'Home to School Transport', budget: pounds(23_900_000) },
    ],
    reserves: [],
    savings: [],
    capital: [],
  },
];
