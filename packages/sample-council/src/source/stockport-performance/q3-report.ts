// The CFSE third-quarter update PPRR 2021/22, considered on 9 March 2022.
import type { PerformanceReport } from '@scrutineer/domain';
import { code, date, fy, pounds, reportId } from '../helpers.js';
import { q3Item } from '../seed-text.data.js';
import { CFSE, cfseContacts } from '../stockport-people.data.js';
import { SEND_RESERVE_NAME } from './agreement.js';
import { monitoring } from './monitoring.js';
import { Q3_2021 } from './periods.js';

const forecastsQ3 = [39_905_000, 5_790_000, 9_655_000, 4_421_000, 5_342_000, 1_398_000, 1_486_000];

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
