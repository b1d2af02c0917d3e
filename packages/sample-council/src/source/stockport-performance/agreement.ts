// Stockport CFSE 2021/22: the Portfolio Agreement (priorities, targets, budget, reserves, capital).
import type {
  MeasureTarget,
  PerformanceMeasure,
  PortfolioAgreement,
  Tolerance,
  Unknown,
} from '@scrutineer/domain';
import { code, date, fy, pounds, unknown } from '../helpers.js';
import { CFSE, childrenAndFamiliesScrutiny } from '../stockport-people.data.js';
import { cfseMeasures } from './measures.js';

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
export const revenueBudget = [
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
