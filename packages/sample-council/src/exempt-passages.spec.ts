import type { CouncilDataset, MeetingDocument } from '@scrutineer/domain';
import { exemptPassages } from './exempt-passages.js';
import { loadSampleCouncil } from './index.js';

const LONG_EXEMPT =
  'The preferred bidder offered a confidential rebate of nine per cent on block bookings.';
const LONG_PUBLIC =
  'This public paragraph explains the background to the report in ordinary words.';

const sample = loadSampleCouncil();
const base = sample.meetings[0] as MeetingDocument;

/** One meeting with a public item (public report, exempt appendix) and an exempt item. */
const dataset = (): CouncilDataset => ({
  ...sample,
  meetings: [
    {
      ...base,
      agendaItems: [
        {
          ...(base.agendaItems[0] as MeetingDocument['agendaItems'][number]),
          exemption: null,
          documents: [
            {
              title: 'Report',
              role: 'report',
              exemption: null,
              content: {
                kind: 'sections',
                sections: [{ heading: 'Background', paragraphs: [LONG_PUBLIC] }],
              },
            },
            {
              title: 'Appendix',
              role: 'appendix',
              exemption: { paragraph: 3 },
              content: {
                kind: 'table',
                caption: 'Prices',
                header: ['Bidder'],
                rows: [['£4,185'], [LONG_EXEMPT]],
              },
            },
          ],
        },
        {
          ...(base.agendaItems[1] as MeetingDocument['agendaItems'][number]),
          exemption: { paragraph: 3 },
          documents: [
            {
              title: 'PPRR',
              role: 'report',
              exemption: null,
              content: {
                kind: 'performance-report',
                performanceReportId: sample.performanceReports[0]!.id,
              },
            },
          ],
        },
      ],
      minutes: null,
    },
  ],
});

describe(exemptPassages.name, () => {
  it('returns the long exempt text of exempt appendices, never public text or short cells', () => {
    expect(exemptPassages(dataset())).toEqual([LONG_EXEMPT]);
  });

  it('finds the sample’s bidders, operator rates and the exempt minute', () => {
    const passages = exemptPassages(sample);
    expect(passages.some((p) => p.includes('Northvale Care Partnership Limited'))).toBe(true);
    expect(passages.some((p) => p.includes('Mersey Valley Passenger Services'))).toBe(true);
    expect(passages.some((p) => p.startsWith('Members asked why Kestrel Lodge'))).toBe(true);
  });
});
