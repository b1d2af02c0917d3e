// Stockport CFSE 2021/22: measures, the Portfolio Agreement, results and the two PPRRs.
// Measure codes CFSE.28, CFSE.65, CFSE11, CFSE12(ii), the CFSE11 target (78.8%) and the
// £794,000 SEND reserve come from the seeds; every other figure is ILLUSTRATIVE (invented).
import type {
  Comparator,
  FinancialMonitoring,
  MeasureResult,
  MeasureTarget,
  PerformanceMeasure,
  PerformanceReport,
  PortfolioAgreement,
  ReportingPeriod,
  ResultStatus,
  Tolerance,
  Unknown,
} from '@scrutineer/domain';
import {
  annual,
  code,
  date,
  fy,
  midYear,
  pounds,
  poundsCell,
  quarter,
  reportId,
  unknown,
} from './helpers.js';
import { midYearReport, q3Item } from './seed-text.data.js';
import { CFSE, cfseContacts, childrenAndFamiliesScrutiny } from './stockport-people.data.js';

const measure = (
  measureCode: string,
  title: string,
  unit: PerformanceMeasure['unit'],
  polarity: PerformanceMeasure['polarity'],
  frequency: PerformanceMeasure['frequency'],
  source: string | null,
  priorityNumber: number,
  decimals = 1,
): PerformanceMeasure => ({
  code: code(measureCode),
  portfolioCode: CFSE,
  title,
  unit,
  polarity,
  frequency,
  source,
  priorityNumber,
  decimals,
});

export const cfseMeasures: readonly PerformanceMeasure[] = [
  // Priority 1: best start in life
  measure(
    'CFSE.3',
    'Percentage of eligible two-year-olds taking up a funded early education place',
    'percent',
    'higher-is-better',
    'termly',
    'Stockport early years termly headcount',
    1,
  ),
  measure(
    'CFSE.5',
    'Percentage of children achieving a Good Level of Development at the end of the Early Years Foundation Stage',
    'percent',
    'higher-is-better',
    'academic-year',
    'DfE Early Years Foundation Stage Profile results',
    1,
  ),
  // Priority 2: education, employment and skills
  measure(
    'CFSE10',
    'Percentage of pupils attending a Good or Outstanding primary school',
    'percent',
    'higher-is-better',
    'quarterly',
    'Ofsted management information; DfE school census',
    2,
  ),
  measure(
    'CFSE11',
    'Percentage of pupils attending a Good or Outstanding secondary school',
    'percent',
    'higher-is-better',
    'quarterly',
    'Ofsted management information; DfE school census',
    2,
  ),
  measure(
    'CFSE12(ii)',
    'Percentage of pupils attending a Good or Outstanding special school or pupil referral unit',
    'percent',
    'higher-is-better',
    'quarterly',
    'Ofsted management information; DfE school census',
    2,
  ),
  // Title verbatim from seed 000.
  measure(
    'CFSE.28',
    'Percentage of young people in academic Years 12 and 13 (16-18) in Apprenticeships',
    'percent',
    'higher-is-better',
    'monthly',
    'National Client Caseload Information System (NCCIS)',
    2,
  ),
  measure(
    'CFSE.30',
    'Percentage of 16-17 year olds not in education, employment or training (NEET) or whose activity is not known',
    'percent',
    'lower-is-better',
    'monthly',
    'National Client Caseload Information System (NCCIS)',
    2,
  ),
  // Priority 3: early help, health and wellbeing. CFSE.65's title is verbatim from seed 000.
  measure(
    'CFSE.65',
    'Early Help Assessment conversion rate (within 30 days)',
    'percent',
    'higher-is-better',
    'quarterly',
    'Stockport Family early help case management system',
    3,
  ),
  measure(
    'CFSE.60',
    'Percentage of children in Year 6 classed as overweight or obese',
    'percent',
    'lower-is-better',
    'academic-year',
    'National Child Measurement Programme (NHS Digital)',
    3,
  ),
  measure(
    'CFSE.67',
    'Number of children and young people supported through an open Early Help episode',
    'count',
    'higher-is-better',
    'quarterly',
    'Stockport Family early help case management system',
    3,
    0,
  ),
  // Priority 4: safeguarding and children in our care
  measure(
    'CFSE.40',
    'Rate of Children Looked After per 10,000 children aged 0-17',
    'rate-per-10000',
    'lower-is-better',
    'quarterly',
    'SSDA903 return; ONS mid-year population estimates',
    4,
  ),
  measure(
    'CFSE.42',
    'Percentage of re-referrals to Children’s Social Care within 12 months of the previous referral',
    'percent',
    'lower-is-better',
    'quarterly',
    'Children in Need census',
    4,
  ),
  measure(
    'CFSE.45',
    'Percentage of Children Looked After with three or more placements in the year',
    'percent',
    'lower-is-better',
    'quarterly',
    'SSDA903 return',
    4,
  ),
  measure(
    'CFSE.48',
    'Average number of days between a child entering care and moving in with their adoptive family (three-year average)',
    'days',
    'lower-is-better',
    'annual',
    'DfE adoption scorecard (A1)',
    4,
    0,
  ),
  // Priority 5: special educational needs and disabilities
  measure(
    'CFSE.52',
    'Percentage of new Education, Health and Care Plans issued within 20 weeks (excluding exceptions)',
    'percent',
    'higher-is-better',
    'monthly',
    'SEN2 return',
    5,
  ),
  measure(
    'CFSE.55',
    'Persistent absence rate of pupils with an Education, Health and Care Plan',
    'percent',
    'lower-is-better',
    'termly',
    'DfE school census (absence)',
    5,
  ),
  measure(
    'CFSE.56',
    'Percentage of pupils receiving SEN support achieving the expected standard in reading, writing and maths at Key Stage 2',
    'percent',
    'higher-is-better',
    'academic-year',
    'DfE Key Stage 2 attainment statistics',
    5,
  ),
];

const unitOf = (measureCode: string): PerformanceMeasure['unit'] => {
  const found = cfseMeasures.find((m) => m.code === measureCode);
  if (found === undefined) throw new Error(`No measure ${measureCode}`);
  return found.unit;
};

const target = (
  measureCode: string,
  value: number | Unknown,
  tolerance: Tolerance,
  toleranceRationale: string | null,
): MeasureTarget => ({
  measureCode: code(measureCode),
  unit: unitOf(measureCode),
  target: value,
  tolerance,
  toleranceRationale,
});

const points = (amount: number): Tolerance => ({ kind: 'absolute', amount });
const percentOfTarget = (percent: number): Tolerance => ({ kind: 'relative', percent });

/** The agreement's revenue lines, reused by both PPRRs' monitoring. */
const revenueBudget = [
  { service: 'Children’s Social Care', budget: pounds(38_412_000) },
  { service: 'Early Help and Prevention', budget: pounds(5_934_000) },
  { service: 'Education Services', budget: pounds(9_876_000) },
  { service: 'Special Educational Needs and Inclusion', budget: pounds(4_210_000) },
  { service: 'Home to School Transport', budget: pounds(4_863_000) },
  { service: 'Youth Offending Service', budget: pounds(1_187_000) },
  { service: 'Directorate Management and Support', budget: pounds(1_521_000) },
] as const;

/** The earmarked reserve the committee asked about on 16 June 2021 (seed 002). */
export const SEND_RESERVE_NAME = 'SEND – Written Statement of Action';

export const cfseAgreement2021: PortfolioAgreement = {
  portfolioCode: CFSE,
  year: fy('2021/22'),
  status: 'approved',
  considered: { committeeId: childrenAndFamiliesScrutiny.id, date: date('2021-06-16') },
  approved: { body: 'Cabinet', date: date('2021-06-29') },
  priorities: [
    {
      number: 1,
      title: 'Best start in life',
      outcomes: [
        'More children are ready for school at the end of the Early Years Foundation Stage.',
        'Eligible families take up their funded early education entitlement.',
      ],
    },
    {
      number: 2,
      title: 'Education, employment and skills',
      outcomes: [
        'Every child attends a Good or Outstanding school.',
        'Young people progress into education, employment, training or an apprenticeship at 16-18.',
      ],
    },
    {
      number: 3,
      title: 'Early help, health and wellbeing',
      outcomes: [
        'Families get the right help early, through a timely Early Help Assessment.',
        'Children and young people have good physical and emotional health.',
      ],
    },
    {
      number: 4,
      title: 'Safeguarding and children in our care',
      outcomes: [
        'Children are safe in their families and communities.',
        'Children Looked After live in stable, local homes and find permanence quickly.',
      ],
    },
    {
      number: 5,
      title: 'Special educational needs and disabilities (SEND)',
      outcomes: [
        'Education, Health and Care Plans are issued on time and meet children’s needs.',
        'Children with SEND attend school regularly and achieve well.',
        'The actions in the SEND Written Statement of Action are delivered.',
      ],
    },
  ],
  targets: [
    target(
      'CFSE.3',
      80,
      points(3),
      'Take-up varies term by term with the number of eligible families the DWP identifies; 3 points covers that variation.',
    ),
    target(
      'CFSE.5',
      unknown(
        'The EYFS Profile was not collected in 2019/20 or 2020/21 (Covid-19): no target until a new baseline exists.',
      ),
      { kind: 'none' },
      null,
    ),
    target(
      'CFSE10',
      92,
      points(1.5),
      'One primary school changing grade moves the figure by about 1.5 points.',
    ),
    target(
      'CFSE11',
      78.8,
      points(2),
      'With 14 secondary schools, one school improving or declining moves the figure by 5–7 points, so the Amber band is kept narrow: any single-school change shows as Red or Green.',
    ),
    target(
      'CFSE12(ii)',
      90,
      points(5),
      'Few special schools and pupil referral units: the cohort is small, so the band is wider.',
    ),
    target(
      'CFSE.28',
      5.5,
      percentOfTarget(10),
      'Apprenticeship numbers are small (about 300 young people); 10% of the target allows for seasonal starts.',
    ),
    target(
      'CFSE.30',
      4.5,
      points(0.5),
      'Matches the tolerance used across Greater Manchester for NEET and not known.',
    ),
    target(
      'CFSE.65',
      75,
      points(5),
      'The measure has missed its target for several years; a 5-point band separates steady improvement (Amber) from no progress (Red).',
    ),
    target('CFSE.60', 32, points(1), 'NCMP figures move slowly; one point is a real change.'),
    target(
      'CFSE.67',
      unknown('A volume measure reported for context: the agreement sets no target.'),
      { kind: 'none' },
      null,
    ),
    target(
      'CFSE.40',
      62,
      percentOfTarget(5),
      'Five per cent of the target is about 20 children: the level of change Cabinet asked to see explained.',
    ),
    target(
      'CFSE.42',
      20,
      points(2),
      'Re-referral rates fluctuate by about 2 points quarter to quarter.',
    ),
    target('CFSE.45', 9, points(1), 'One point is about four children.'),
    target(
      'CFSE.48',
      400,
      percentOfTarget(10),
      'A three-year average of a small number of adoptions; 10% allows for one or two complex placements.',
    ),
    target(
      'CFSE.52',
      60,
      points(5),
      'Monthly volumes of new plans are small (20–40), so single cases move the figure.',
    ),
    target(
      'CFSE.55',
      20,
      points(2),
      'Termly absence for a cohort of about 1,800 pupils; 2 points is the usual term-to-term variation.',
    ),
    target(
      'CFSE.56',
      unknown(
        'Key Stage 2 assessments were cancelled in 2020 and 2021 (Covid-19): no target until results resume.',
      ),
      { kind: 'none' },
      null,
    ),
  ],
  revenueBudget,
  reserves: [
    {
      name: SEND_RESERVE_NAME,
      balance: pounds(794_000),
      plannedUse: pounds(480_000),
      purpose:
        'Strategic work in response to the CQC and Ofsted SEND area inspection, including the single point of access for wellbeing established in April 2021.',
    },
    {
      name: 'Children’s Social Care Placements Reserve',
      balance: pounds(1_250_000),
      plannedUse: pounds(600_000),
      purpose: 'Smoothing the cost of high-cost external placements.',
    },
    {
      name: 'Supporting Families Programme Reserve',
      balance: pounds(612_000),
      plannedUse: pounds(612_000),
      purpose: 'Payment-by-results grant carried forward for the Supporting Families programme.',
    },
    {
      name: 'Educational Psychology Traded Service Reserve',
      balance: pounds(85_000),
      plannedUse: null,
      purpose: null,
    },
  ],
  savings: [
    {
      reference: 'CFSE/21-01',
      title: 'Reduce reliance on external residential placements through in-borough provision',
      target: pounds(750_000),
    },
    {
      reference: 'CFSE/21-02',
      title: 'Early Help and Prevention service redesign',
      target: pounds(300_000),
    },
    {
      reference: 'CFSE/21-03',
      title: 'Home to school transport: independent travel training and personal travel budgets',
      target: pounds(250_000),
    },
  ],
  capital: [
    {
      scheme: 'Schools Condition Programme',
      budget: pounds(3_450_000),
      fundingSource: 'DfE School Condition Allocation',
    },
    {
      scheme: 'Special school and resourced provision expansion',
      budget: pounds(2_800_000),
      fundingSource: 'DfE High Needs Provision Capital Allocation',
    },
    {
      scheme: 'Secondary school basic need expansion',
      budget: pounds(4_100_000),
      fundingSource: 'DfE Basic Need grant',
    },
    {
      scheme: 'In-borough children’s residential home',
      budget: pounds(1_200_000),
      fundingSource: 'Prudential borrowing',
    },
  ],
};

// ---------------------------------------------------------------- results

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

const H1_2020 = midYear('2020/21');
const Q3_2020 = quarter('2020/21', 3);
const H1_2021 = midYear('2021/22');
const Q3_2021 = quarter('2021/22', 3);

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

// ---------------------------------------------------------------- the PPRRs

const forecastsMidYear = [
  39_650_000, 5_812_000, 9_702_000, 4_388_000, 5_297_000, 1_305_000, 1_498_000,
];
const forecastsQ3 = [39_905_000, 5_790_000, 9_655_000, 4_421_000, 5_342_000, 1_398_000, 1_486_000];

const monitoring = (
  forecasts: readonly number[],
  reserveUse: FinancialMonitoring['reserves'],
  savings: FinancialMonitoring['savings'],
  capital: FinancialMonitoring['capital'],
  extraCommentary: readonly string[],
): FinancialMonitoring => {
  const revenue = revenueBudget.map((line, i) => ({
    service: line.service,
    budget: line.budget,
    forecast: pounds(forecasts[i] ?? 0),
  }));
  const budget = revenue.reduce((sum, line) => sum + line.budget, 0);
  const forecast = revenue.reduce((sum, line) => sum + line.forecast, 0);
  return {
    revenue,
    reserves: reserveUse,
    savings,
    capital,
    commentary: [
      `The Portfolio cash limit is ${poundsCell(budget)} and the forecast out-turn is ${poundsCell(forecast)}, an overspend of ${poundsCell(forecast - budget)}.`,
      ...extraCommentary,
    ],
  };
};

export const cfseMidYearReport: PerformanceReport = {
  id: reportId('stockport-cfse-2021-22-mid-year'),
  portfolioCode: CFSE,
  year: fy('2021/22'),
  kind: 'mid-year',
  period: H1_2021,
  reportTo: midYearReport.reportTo,
  date: date('2021-11-24'),
  reportOf: [...midYearReport.reportOf],
  title: midYearReport.title,
  sections: [
    { heading: midYearReport.introductionHeading, paragraphs: [...midYearReport.introduction] },
  ],
  recommendations: {
    lead: midYearReport.recommendationsLead,
    style: 'lettered',
    items: [...midYearReport.recommendations],
  },
  partOne: [
    {
      priorityNumber: 1,
      title: 'Best start in life',
      highlights: [
        'Take-up of funded places by eligible two-year-olds has recovered to 76.8%, from 71.4% at the same point last year.',
      ],
      exceptions: [
        'There is no Good Level of Development result for 2020/21: the EYFS Profile was not collected (Covid-19).',
      ],
      measureCodes: [code('CFSE.3'), code('CFSE.5')],
    },
    {
      priorityNumber: 2,
      title: 'Education, employment and skills',
      highlights: [
        '92.3% of primary pupils attend a Good or Outstanding school, above the target of 92%.',
      ],
      exceptions: [
        'CFSE11: 66.3% of secondary pupils attend a Good or Outstanding school against a target of 78.8%; routine Ofsted inspections resumed only in September 2021.',
        'CFSE.28: apprenticeship participation remains low at 3.8% as employers recover from Covid-19.',
        'CFSE.30: the September figure for NEET and not known (6.8%) is high while destinations are confirmed.',
      ],
      measureCodes: [
        code('CFSE10'),
        code('CFSE11'),
        code('CFSE12(ii)'),
        code('CFSE.28'),
        code('CFSE.30'),
      ],
    },
    {
      priorityNumber: 3,
      title: 'Early help, health and wellbeing',
      highlights: [
        'The single point of access for wellbeing, opened in April 2021, has handled over 900 requests.',
      ],
      exceptions: [
        'CFSE.65: the Early Help Assessment conversion rate (62.4%) remains well below the target of 75%.',
      ],
      measureCodes: [code('CFSE.65'), code('CFSE.60'), code('CFSE.67')],
    },
    {
      priorityNumber: 4,
      title: 'Safeguarding and children in our care',
      highlights: ['Re-referrals within 12 months (21.3%) are below the England average of 22.7%.'],
      exceptions: [
        'CFSE.40: the rate of Children Looked After (63.4 per 10,000) is above target, though below regional and England averages.',
      ],
      measureCodes: [code('CFSE.40'), code('CFSE.42'), code('CFSE.45')],
    },
    {
      priorityNumber: 5,
      title: 'Special educational needs and disabilities (SEND)',
      highlights: [
        'The SEND Written Statement of Action is on track; the monitoring visit is expected in spring 2022.',
      ],
      exceptions: [
        'CFSE.52: 44.9% of new Education, Health and Care Plans were issued within 20 weeks against a target of 60%.',
      ],
      measureCodes: [code('CFSE.52'), code('CFSE.55'), code('CFSE.56')],
    },
  ],
  partTwo: monitoring(
    forecastsMidYear,
    [
      { name: SEND_RESERVE_NAME, balance: pounds(794_000), forecastUse: pounds(480_000) },
      {
        name: 'Children’s Social Care Placements Reserve',
        balance: pounds(1_250_000),
        forecastUse: pounds(900_000),
      },
      {
        name: 'Supporting Families Programme Reserve',
        balance: pounds(612_000),
        forecastUse: pounds(540_000),
      },
      {
        name: 'Educational Psychology Traded Service Reserve',
        balance: pounds(85_000),
        forecastUse: unknown('Traded service income for the autumn term is not yet confirmed.'),
      },
    ],
    [
      {
        title: 'Reduce reliance on external residential placements through in-borough provision',
        target: pounds(750_000),
        forecast: pounds(450_000),
        commentary:
          'The second in-borough home opens later than planned; the shortfall is met from the placements reserve.',
      },
      {
        title: 'Early Help and Prevention service redesign',
        target: pounds(300_000),
        forecast: pounds(300_000),
        commentary: 'Achieved.',
      },
      {
        title: 'Home to school transport: independent travel training and personal travel budgets',
        target: pounds(250_000),
        forecast: pounds(120_000),
        commentary: 'Fewer families than expected have taken up personal travel budgets.',
      },
    ],
    [
      {
        scheme: 'Schools Condition Programme',
        budget: pounds(3_450_000),
        forecast: pounds(3_210_000),
        commentary: 'Two roofing schemes moved to the summer holidays 2022.',
      },
      {
        scheme: 'Special school and resourced provision expansion',
        budget: pounds(2_800_000),
        forecast: pounds(2_100_000),
        commentary: 'Design work on the new resourced provision takes longer than planned.',
      },
      {
        scheme: 'Secondary school basic need expansion',
        budget: pounds(4_100_000),
        forecast: pounds(4_100_000),
        commentary: null,
      },
      {
        scheme: 'In-borough children’s residential home',
        budget: pounds(1_200_000),
        forecast: pounds(950_000),
        commentary: 'Planning permission was granted in October 2021.',
      },
    ],
    [
      'The main pressure is the cost of external residential placements for Children Looked After.',
      'Home to school transport is overspent because more children with an Education, Health and Care Plan need transport.',
    ],
  ),
  furtherInformation: [...midYearReport.furtherInformation],
  contacts: [...cfseContacts],
};

export const cfseQ3Report: PerformanceReport = {
  id: reportId('stockport-cfse-2021-22-q3'),
  portfolioCode: CFSE,
  year: fy('2021/22'),
  kind: 'third-quarter-update',
  period: Q3_2021,
  reportTo: 'CHILDREN AND FAMILIES SCRUTINY COMMITTEE',
  date: date('2022-03-09'),
  reportOf: ['DIRECTOR OF CHILDREN’S SERVICES', 'DIRECTOR OF EDUCATION'],
  title: 'PORTFOLIO PERFORMANCE AND RESOURCES – THIRD QUARTER UPDATE REPORT 2021/22',
  sections: [{ heading: 'Introduction and Background', paragraphs: [...q3Item.summaryParagraphs] }],
  recommendations: {
    lead: q3Item.recommendationsLead,
    style: 'bulleted',
    items: [...q3Item.recommendations],
  },
  partOne: [
    {
      priorityNumber: 1,
      title: 'Best start in life',
      highlights: ['Autumn term take-up of funded two-year-old places reached 79.2%.'],
      exceptions: [],
      measureCodes: [code('CFSE.3')],
    },
    {
      priorityNumber: 2,
      title: 'Education, employment and skills',
      highlights: ['One secondary school re-inspected in November 2021 was judged Good.'],
      exceptions: [
        'CFSE11 remains Red at 68.9% against the target of 78.8%.',
        'CFSE.28: apprenticeship numbers are again low due to Covid-19 (3.6%).',
      ],
      measureCodes: [
        code('CFSE10'),
        code('CFSE11'),
        code('CFSE12(ii)'),
        code('CFSE.28'),
        code('CFSE.30'),
      ],
    },
    {
      priorityNumber: 3,
      title: 'Early help, health and wellbeing',
      highlights: [
        'Stockport MOSAIC, the young people’s drug and alcohol service, was rated Good overall by the CQC after its inspection in December 2021.',
      ],
      exceptions: [
        'CFSE.65: the Early Help Assessment conversion rate has not met its target for five years; a review of the pathway started in January 2022.',
      ],
      measureCodes: [code('CFSE.65'), code('CFSE.67')],
    },
    {
      priorityNumber: 4,
      title: 'Safeguarding and children in our care',
      highlights: ['Re-referrals within 12 months fell to 19.8%, within target.'],
      exceptions: [
        'CFSE.45: placement stability has worsened (10.4%).',
        'The number of Children Looked After is growing year on year; an investigation of the placements market, with Greater Manchester work on the sufficiency of places for children in care, reports in the summer.',
      ],
      measureCodes: [code('CFSE.40'), code('CFSE.42'), code('CFSE.45')],
    },
    {
      priorityNumber: 5,
      title: 'Special educational needs and disabilities (SEND)',
      highlights: ['57.3% of new plans were issued within 20 weeks, up from 44.9% at mid-year.'],
      exceptions: ['CFSE.55: persistent absence of pupils with a plan remains above target.'],
      measureCodes: [code('CFSE.52'), code('CFSE.55')],
    },
  ],
  partTwo: monitoring(
    forecastsQ3,
    [
      { name: SEND_RESERVE_NAME, balance: pounds(794_000), forecastUse: pounds(520_000) },
      {
        name: 'Children’s Social Care Placements Reserve',
        balance: pounds(1_250_000),
        forecastUse: pounds(1_050_000),
      },
      {
        name: 'Supporting Families Programme Reserve',
        balance: pounds(612_000),
        forecastUse: pounds(612_000),
      },
      {
        name: 'Educational Psychology Traded Service Reserve',
        balance: pounds(85_000),
        forecastUse: pounds(0),
      },
    ],
    [
      {
        title: 'Reduce reliance on external residential placements through in-borough provision',
        target: pounds(750_000),
        forecast: pounds(400_000),
        commentary: 'The second in-borough home opens in April 2022.',
      },
      {
        title: 'Early Help and Prevention service redesign',
        target: pounds(300_000),
        forecast: pounds(300_000),
        commentary: 'Achieved.',
      },
      {
        title: 'Home to school transport: independent travel training and personal travel budgets',
        target: pounds(250_000),
        forecast: pounds(110_000),
        commentary: null,
      },
    ],
    [
      {
        scheme: 'Schools Condition Programme',
        budget: pounds(3_450_000),
        forecast: pounds(3_180_000),
        commentary: null,
      },
      {
        scheme: 'Special school and resourced provision expansion',
        budget: pounds(2_800_000),
        forecast: pounds(1_950_000),
        commentary: '£850,000 re-profiled into 2022/23.',
      },
      {
        scheme: 'Secondary school basic need expansion',
        budget: pounds(4_100_000),
        forecast: pounds(4_020_000),
        commentary: null,
      },
      {
        scheme: 'In-borough children’s residential home',
        budget: pounds(1_200_000),
        forecast: pounds(1_200_000),
        commentary: 'Building work started in January 2022.',
      },
    ],
    [
      'The Youth Offending Service forecast rises because of remand costs: the rate is set nationally and the Local Authority pays while young people are on remand.',
      'These figures update the Q2+ report considered by CRMG Scrutiny in January and Cabinet on 1 February 2022.',
    ],
  ),
  furtherInformation: [
    'Previous quarterly Performance and Resource Reports - available at; http://democracy.stockport.gov.uk/ieDocHome.aspx?bcr=1',
    'Portfolio Performance and Resource Agreements for 2021/22 – approved by Cabinet on 29 June 2021 are available at; http://democracy.stockport.gov.uk/mgAi.aspx?ID=66658#mgDocuments',
  ],
  contacts: [...cfseContacts],
};
