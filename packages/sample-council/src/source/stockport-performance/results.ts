// Stockport CFSE results: the figures reported at mid-year and Q3, 2020/21 and 2021/22.
import type {
  Comparator,
  MeasureResult,
  ReportingPeriod,
  ResultStatus,
  Unknown,
} from '@scrutineer/domain';
import { annual, code, quarter, unknown } from '../helpers.js';
import { H1_2020, H1_2021, Q3_2020, Q3_2021 } from './periods.js';

const academicYear = (year: string): ReportingPeriod =>
  ({ kind: 'academic-year', year }) as ReportingPeriod;

const northWest = (value: number, label = 'North West average'): Comparator => ({
  kind: 'regional-average',
  label,
  value,
});
const england = (value: number, label = 'England average'): Comparator => ({
  kind: 'england-average',
  label,
  value,
});
const neighbours = (value: number): Comparator => ({
  kind: 'statistical-neighbours',
  label: 'Statistical neighbours average',
  value,
});

const result = (
  measureCode: string,
  period: ReportingPeriod,
  value: number | Unknown,
  commentary: string | null = null,
  comparators: readonly Comparator[] = [],
  status: ResultStatus = 'actual',
): MeasureResult => ({
  measureCode: code(measureCode),
  period,
  value,
  status,
  comparators,
  commentary,
});

const cfseReportedResults: readonly MeasureResult[] = [
  // CFSE.3 two-year-old take-up
  result(
    'CFSE.3',
    H1_2020,
    71.4,
    'Take-up fell while settings were closed or running reduced hours.',
  ),
  result('CFSE.3', Q3_2020, 74.0),
  result(
    'CFSE.3',
    H1_2021,
    76.8,
    'Take-up is recovering; targeted calls to families identified by the DWP continue.',
    [england(62.0, 'England average 2021'), northWest(68.0, 'North West average 2021')],
  ),
  result('CFSE.3', Q3_2021, 79.2, 'Autumn term headcount: the highest take-up since 2019.', [
    england(62.0, 'England average 2021'),
  ]),
  // CFSE.5 Good Level of Development (academic years)
  result('CFSE.5', academicYear('2018/19'), 73.6, null, [england(71.8, 'England average 2018/19')]),
  result(
    'CFSE.5',
    academicYear('2019/20'),
    unknown('EYFS Profile assessments were cancelled in 2019/20 (Covid-19).'),
  ),
  result(
    'CFSE.5',
    academicYear('2020/21'),
    unknown(
      'EYFS Profile assessments were not collected in 2020/21 (Covid-19); the next results are for 2021/22.',
    ),
  ),
  // CFSE10 primary Good/Outstanding
  result('CFSE10', H1_2020, 91.6),
  result('CFSE10', Q3_2020, 91.6),
  result('CFSE10', H1_2021, 92.3, null, [england(88.0), northWest(87.5)]),
  result('CFSE10', Q3_2021, 92.8, 'One primary school moved from Requires Improvement to Good.', [
    england(88.0),
    northWest(87.5),
  ]),
  // CFSE11 secondary Good/Outstanding: target 78.8% (seed 002)
  result('CFSE11', H1_2020, 66.1),
  result('CFSE11', Q3_2020, 66.1, 'No routine Ofsted inspections since March 2020 (Covid-19).'),
  result(
    'CFSE11',
    H1_2021,
    66.3,
    'Three secondary schools inspected in September 2019 were judged Inadequate; routine inspections resumed only in September 2021, so the figure has barely moved.',
    [northWest(75.2), england(79.8)],
  ),
  result(
    'CFSE11',
    Q3_2021,
    68.9,
    'One secondary school re-inspected in November 2021 was judged Good.',
    [northWest(75.2), england(79.8)],
  ),
  // CFSE12(ii): the reduction the committee asked about in June 2021 (seed 002)
  result('CFSE12(ii)', H1_2020, 94.1),
  result('CFSE12(ii)', Q3_2020, 94.1),
  result(
    'CFSE12(ii)',
    H1_2021,
    86.7,
    'The pupil referral unit was judged Requires Improvement in its last inspection.',
    [england(91.0)],
  ),
  result(
    'CFSE12(ii)',
    Q3_2021,
    unknown(
      'Data not yet available: Ofsted has not published its report on the December 2021 inspection of the pupil referral unit.',
    ),
  ),
  // CFSE.28 apprenticeships (seed 000: "the numbers were again low due to Covid")
  result('CFSE.28', H1_2020, 4.1),
  result('CFSE.28', Q3_2020, 4.0),
  result(
    'CFSE.28',
    H1_2021,
    3.8,
    'Employers are still offering fewer apprenticeships because of Covid-19.',
    [england(4.4), northWest(5.1)],
  ),
  result(
    'CFSE.28',
    Q3_2021,
    3.6,
    'Numbers remain low due to Covid-19; a campaign with Stockport employers starts in the spring.',
    [england(4.4), northWest(5.1)],
  ),
  // CFSE.30 NEET and not known
  result('CFSE.30', H1_2020, 5.2),
  result('CFSE.30', Q3_2020, 4.9),
  result(
    'CFSE.30',
    H1_2021,
    6.8,
    'September figures are high every year while new destinations are confirmed.',
  ),
  result('CFSE.30', Q3_2021, 4.8, null, [england(5.5), northWest(6.0)]),
  // CFSE.65 Early Help Assessment conversion: missed its target five years running (seed 000)
  result('CFSE.65', annual('2017/18'), 58.2, 'Below the 2017/18 target of 70%.'),
  result('CFSE.65', annual('2018/19'), 61.5, 'Below the 2018/19 target of 70%.'),
  result('CFSE.65', annual('2019/20'), 63.0, 'Below the 2019/20 target of 72%.'),
  result(
    'CFSE.65',
    annual('2020/21'),
    59.4,
    'Below the 2020/21 target of 75%; Covid-19 delayed assessments.',
  ),
  result('CFSE.65', H1_2020, 57.8),
  result('CFSE.65', Q3_2020, 60.1),
  result('CFSE.65', H1_2021, 62.4, 'Improving, but still well below target.'),
  result(
    'CFSE.65',
    Q3_2021,
    63.7,
    'The target has not been met for five years. A review of the Early Help Assessment pathway started in January 2022.',
  ),
  result(
    'CFSE.65',
    annual('2021/22'),
    64.0,
    'Forecast out-turn at the third quarter: a sixth year below target unless the review changes practice quickly.',
    [],
    'forecast',
  ),
  // CFSE.60 Year 6 overweight or obese (NCMP, academic years)
  result('CFSE.60', academicYear('2018/19'), 31.2, null, [
    england(34.3, 'England average 2018/19'),
  ]),
  result(
    'CFSE.60',
    academicYear('2019/20'),
    unknown(
      'The NCMP stopped in March 2020 (Covid-19); too few Stockport children were measured to publish a figure.',
    ),
  ),
  result(
    'CFSE.60',
    academicYear('2020/21'),
    36.4,
    'A sample-based estimate: in 2020/21 the NCMP measured a sample of schools.',
    [england(40.9, 'England average 2020/21'), northWest(41.9, 'North West average 2020/21')],
    'provisional',
  ),
  // CFSE.67 open Early Help episodes (no target)
  result('CFSE.67', H1_2020, 1842),
  result('CFSE.67', Q3_2020, 1910),
  result('CFSE.67', H1_2021, 2106),
  result('CFSE.67', Q3_2021, 2214, 'Demand for early help continues to rise after the pandemic.'),
  // CFSE.40 Children Looked After rate (growing year on year, seed 000)
  result('CFSE.40', H1_2020, 59.8),
  result('CFSE.40', Q3_2020, 60.6),
  result(
    'CFSE.40',
    H1_2021,
    63.4,
    'The number of Children Looked After continues to grow year on year.',
    [northWest(97.0), england(67.0)],
  ),
  result(
    'CFSE.40',
    Q3_2021,
    64.9,
    'Still below the regional and England averages; a review of the placements market is under way.',
    [northWest(97.0), england(67.0), neighbours(63.5)],
  ),
  // CFSE.42 re-referrals
  result('CFSE.42', H1_2020, 18.9),
  result('CFSE.42', Q3_2020, 19.5),
  result('CFSE.42', H1_2021, 21.3, null, [england(22.7, 'England average 2020/21')]),
  result('CFSE.42', Q3_2021, 19.8, null, [
    england(22.7, 'England average 2020/21'),
    neighbours(21.1),
  ]),
  // CFSE.45 placement stability
  result('CFSE.45', H1_2020, 8.1),
  result('CFSE.45', Q3_2020, 8.6),
  result('CFSE.45', H1_2021, 9.7, null, [england(9.0)]),
  result(
    'CFSE.45',
    Q3_2021,
    10.4,
    'A small number of older children with complex needs have had several placements.',
    [england(9.0)],
  ),
  // CFSE.48 adoption timeliness (annual, three-year average)
  result('CFSE.48', annual('2019/20'), 412, null, [england(376, 'England average 2017-20')]),
  result('CFSE.48', annual('2020/21'), 438, 'Court delays during Covid-19 lengthened timescales.', [
    england(367, 'England average 2018-21'),
  ]),
  // CFSE.52 EHCPs within 20 weeks
  result('CFSE.52', H1_2020, 48.2),
  result('CFSE.52', Q3_2020, 52.7),
  result(
    'CFSE.52',
    H1_2021,
    44.9,
    'A rise in requests for assessment and vacancies among educational psychologists.',
    [england(59.9, 'England average 2020'), northWest(55.0, 'North West average 2020')],
  ),
  result(
    'CFSE.52',
    Q3_2021,
    57.3,
    'Additional assessment capacity from the SEND reserve is taking effect.',
    [england(59.9, 'England average 2020')],
  ),
  // CFSE.55 persistent absence of pupils with an EHCP
  result(
    'CFSE.55',
    H1_2020,
    unknown(
      'Absence was not collected for the summer term 2020: schools were closed to most pupils (Covid-19).',
    ),
  ),
  result('CFSE.55', Q3_2020, 24.1),
  result('CFSE.55', H1_2021, 26.3, null, [england(27.6)]),
  result('CFSE.55', Q3_2021, 25.0, null, [england(27.6)]),
  // CFSE.56 SEN support at KS2 (academic years)
  result('CFSE.56', academicYear('2018/19'), 27.0, null, [
    england(25.0, 'England average 2018/19'),
  ]),
  result(
    'CFSE.56',
    academicYear('2019/20'),
    unknown('Key Stage 2 assessments were cancelled in 2020 (Covid-19).'),
  ),
  result(
    'CFSE.56',
    academicYear('2020/21'),
    unknown('Key Stage 2 assessments were cancelled in 2021 (Covid-19).'),
  ),
];

/**
 * The mid-year figure is the position at the end of September, so it is also the Q2 figure.
 * Held under both periods, a Q3 result has a previous period whichever comparison basis a
 * measure uses (Q2 of the same year, or Q3 of the year before).
 */
export const cfseResults: readonly MeasureResult[] = [
  ...cfseReportedResults,
  ...cfseReportedResults
    .filter((r) => r.period.kind === 'mid-year' && typeof r.value === 'number')
    .map((r) => ({ ...r, period: quarter(r.period.year, 2), commentary: null })),
];
