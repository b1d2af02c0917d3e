// West Sussex: the two Quarter 2 2021/22 Performance and Resources Reports.
import type { PerformanceReport } from '@scrutineer/domain';
import { code, date, fy, pounds, reportId } from '../helpers.js';
import { westSussexMinute33 as seed } from '../seed-text.data.js';
import { CYP, LS } from './people.js';
import { Q2 } from './performance.js';

const prrCommon = {
  year: fy('2021/22'),
  kind: 'mid-year' as const,
  period: Q2,
  reportTo: 'Children and Young People’s Services Scrutiny Committee',
  date: date('2021-11-17'),
  reportOf: ['Director of Finance and Support Services'],
  sections: [{ heading: 'Summary', paragraphs: [seed.summary] }],
  recommendations: {
    lead: 'The Committee are asked to:',
    style: 'bulleted' as const,
    items: [seed.ask],
  },
  furtherInformation: [],
  contacts: [],
};

export const westSussexReports: readonly PerformanceReport[] = [
  {
    ...prrCommon,
    id: reportId('west-sussex-cyp-2021-22-q2'),
    portfolioCode: CYP,
    title: 'Performance and Resources Report – Quarter 2 2021/22: Children and Young People',
    partOne: [
      {
        priorityNumber: 1,
        title: 'Keeping people safe from vulnerable situations',
        highlights: ['Interest in fostering applications has increased.'],
        exceptions: ['Re-referrals within 12 months (23%) are above the target of 22%.'],
        measureCodes: [code('CYP.1'), code('CYP.2'), code('CYP.3')],
      },
    ],
    partTwo: {
      revenue: [
        {
          service: 'Children’s Social Care',
          budget: pounds(118_600_000),
          forecast: pounds(121_950_000),
        },
        { service: 'Early Help', budget: pounds(9_800_000), forecast: pounds(9_450_000) },
        {
          service: 'Fostering and Adoption',
          budget: pounds(22_300_000),
          forecast: pounds(22_100_000),
        },
      ],
      reserves: [],
      savings: [],
      capital: [],
      commentary: [
        'The financial position has improved since quarter one; external placement fees remain the main pressure.',
      ],
    },
  },
  {
    ...prrCommon,
    id: reportId('west-sussex-ls-2021-22-q2'),
    portfolioCode: LS,
    title: 'Performance and Resources Report – Quarter 2 2021/22: Learning and Skills',
    partOne: [
      {
        priorityNumber: 1,
        title: 'Helping people and communities to fulfil their potential',
        highlights: [
          'The number of parents claiming the parental mileage rate has doubled since 2020.',
        ],
        exceptions: [
          'The Dedicated Schools Grant high needs block remains under pressure from the rise in EHCPs.',
        ],
        measureCodes: [code('LS.1'), code('LS.2'), code('LS.3')],
      },
    ],
    partTwo: {
      revenue: [
        {
          service: 'Education and Skills',
          budget: pounds(24_100_000),
          forecast: pounds(24_600_000),
        },
        {
          service: 'Home to School Transport',
          budget: pounds(23_900_000),
          forecast: pounds(25_200_000),
        },
      ],
      reserves: [],
      savings: [],
      capital: [
        {
          scheme: 'Queen Elizabeth II Jubilee School',
          budget: pounds(6_500_000),
          forecast: pounds(7_300_000),
          commentary: 'Delayed: the original contractor withdrew and retendering raised costs.',
        },
      ],
      commentary: ['Pressures are mainly due to the increase in Education, Health and Care Plans.'],
    },
  },
];
