import { describe, expect, it } from '@jest/globals';
import type { AgendaItem, CouncilDataset, MeetingDocument } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { checkPackLayout } from './pack-layout-check.js';

const sample = loadSampleCouncil();
const MARCH = sampleIds.stockportMarch2022;

/** The sample with meeting `id`'s agenda changed by `change`. */
const withAgenda = (
  id: string,
  change: (items: readonly AgendaItem[]) => AgendaItem[],
): CouncilDataset => ({
  ...sample,
  meetings: sample.meetings.map((document): MeetingDocument =>
    document.meeting.id === id
      ? { ...document, agendaItems: change(document.agendaItems) }
      : document,
  ),
});

/** A sentence long enough that a cell holding it three times is taller than an A4 page. */
const LONG_CELL = 'The provider will report quarterly on every placement it holds. '.repeat(120);

const tallTable = (item: AgendaItem): AgendaItem => ({
  ...item,
  documents: [
    ...item.documents,
    {
      title: 'Appendix 3: placement reports',
      role: 'appendix',
      exemption: null,
      content: {
        kind: 'table',
        caption: 'Placement reporting',
        header: ['Provider', 'Reports', 'Notes'],
        rows: [
          ['Short', 'Short', 'Short'],
          [LONG_CELL, LONG_CELL, LONG_CELL],
        ],
      },
    },
  ],
});

describe(checkPackLayout.name, () => {
  it('finds nothing in the sample council’s packs, in either edition', () => {
    for (const document of sample.meetings) {
      for (const edition of ['public', 'confidential'] as const) {
        expect(checkPackLayout(sample, document.meeting.id, edition)).toEqual([]);
      }
    }
  });

  it('finds a report on the agenda with no pages in the pack, so no page range', () => {
    const dataset = withAgenda(MARCH, (items) =>
      items.map((item) => (item.number === '7' ? { ...item, documents: [] } : item)),
    );
    expect(checkPackLayout(dataset, MARCH, 'public')).toEqual([
      {
        severity: 'warning',
        code: 'PACK.NO_PAGE_RANGE',
        message: expect.stringContaining('Item 7'),
        where: {
          document: 'agenda-pack',
          itemNumber: '7',
          performanceReportId: null,
          measureCode: null,
          path: '$.agendaItems[6].documents',
        },
      },
    ]);
  });

  it('finds a table row that with its header cannot fit one page, and only that row', () => {
    const dataset = withAgenda(MARCH, (items) =>
      items.map((item) => (item.number === '6' ? tallTable(item) : item)),
    );
    const findings = checkPackLayout(dataset, MARCH, 'public');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      code: 'PACK.TABLE_ROW_TOO_TALL',
      where: { itemNumber: '6', path: '$.agendaItems[5].documents' },
    });
    expect(findings[0]?.message).toContain('row 2 of the table “Placement reporting”');
  });

  it('never lays out exempt content for the public edition, so never names any', () => {
    const dataset = withAgenda(MARCH, (items) =>
      items.map((item) => (item.exemption !== null ? tallTable(item) : item)),
    );
    const confidential = checkPackLayout(dataset, MARCH, 'confidential');
    expect(confidential.map((finding) => finding.code)).toEqual(['PACK.TABLE_ROW_TOO_TALL']);
    expect(checkPackLayout(dataset, MARCH, 'public')).toEqual([]);
  });
});
