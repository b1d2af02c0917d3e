// The CFSE mid-year PPRR 2021/22, considered on 24 November 2021.
import type { PerformanceReport } from '@scrutineer/domain';
import { code, date, fy, pounds, reportId, unknown } from '../helpers.js';
import { midYearReport } from '../seed-text.data.js';
import { CFSE, cfseContacts } from '../stockport-people.data.js';
import { SEND_RESERVE_NAME } from './agreement.js';
import { monitoring } from './monitoring.js';
import { H1_2021 } from './periods.js';

const forecastsMidYear = [
  39_650_000, 5_812_000, 9_702_000, 4_388_000, 5_297_000, 1_305_000, 1_498_000,
];

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
