// Exempt information in the sample: where it is, and that no public text repeats it.
import type { AgendaItem, CouncilDataset } from '@scrutineer/domain';
import { exemptPassages, sampleIds } from '../src/index.js';
import { dataset } from './sample.js';

describe('exempt information', () => {
  const isExempt = (item: AgendaItem) => item.exemption !== null;

  it.each([
    [sampleIds.stockportMarch2022, 3],
    [sampleIds.flintshireJanuary2022, 14],
  ])(
    'is on %s with an exempt item (paragraph %p) that follows the exclusion of the public',
    (meetingId, paragraph) => {
      const document = dataset.meetings.find((d) => d.meeting.id === meetingId);
      const items = document?.agendaItems ?? [];
      const exempt = items.filter(isExempt);
      expect(exempt.map((i) => i.exemption?.paragraph)).toEqual([paragraph]);
      const exclusion = items.find((i) => i.kind === 'exclusion-of-public');
      expect(exclusion?.order).toBe((exempt[0]?.order ?? 0) - 1);
      expect(exempt[0]?.documents.some((d) => d.content.kind === 'table')).toBe(true);
    },
  );

  it('has exempt items on those two meetings only: one English (Part 1), one Welsh (Part 4)', () => {
    const withExempt = dataset.meetings.filter((d) => d.agendaItems.some(isExempt));
    expect(withExempt.map((d) => d.meeting.id)).toEqual([
      sampleIds.stockportMarch2022,
      sampleIds.flintshireJanuary2022,
    ]);
  });

  it('includes a public report with an exempt appendix (paragraph 3)', () => {
    const publicWithExemptAppendix = dataset.meetings.flatMap((d) =>
      d.agendaItems.filter(
        (i) => i.exemption === null && i.documents.some((doc) => doc.exemption?.paragraph === 3),
      ),
    );
    expect(publicWithExemptAppendix.map((i) => i.title)).toEqual([
      'Home to School Transport for Children with SEND – Travel Assistance Review',
    ]);
  });

  it('is distinctive and never repeated in public text', () => {
    const passages = exemptPassages(dataset);
    expect(passages.length).toBeGreaterThanOrEqual(10);
    expect(passages.every((p) => p.length >= 40)).toBe(true);
    const publicText = JSON.stringify(publicProjection(dataset));
    expect(passages.filter((p) => publicText.includes(p))).toEqual([]);
    expect(publicText).not.toContain('Northvale');
    expect(publicText).not.toContain('Dyfrdwy');
  });
});

/** The data set as a public edition would show it: exempt documents and minutes removed. */
const publicProjection = (data: CouncilDataset): unknown => ({
  ...data,
  meetings: data.meetings.map((d) => ({
    ...d,
    agendaItems: d.agendaItems.map((i) => ({
      ...i,
      documents: i.exemption === null ? i.documents.filter((doc) => doc.exemption === null) : [],
    })),
    minutes:
      d.minutes === null
        ? null
        : { ...d.minutes, minutes: d.minutes.minutes.filter((m) => m.exemption === null) },
  })),
});
