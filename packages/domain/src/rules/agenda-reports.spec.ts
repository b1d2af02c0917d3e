import { describe, expect, it } from '@jest/globals';
import type { AgendaItem, ItemDocument } from '../model/meeting.js';
import { agendaReportIds } from './agenda-reports.js';

const report = (id: string): ItemDocument => ({
  title: id,
  role: 'report',
  exemption: null,
  content: { kind: 'performance-report', performanceReportId: id as never },
});
const item = (...documents: ItemDocument[]): AgendaItem => ({ documents }) as unknown as AgendaItem;

describe(agendaReportIds.name, () => {
  it('lists the performance reports of an agenda in agenda order, each once', () => {
    const inline: ItemDocument = { ...report('x'), content: { kind: 'sections', sections: [] } };
    expect(
      agendaReportIds({
        agendaItems: [item(inline), item(report('q3'), report('h1')), item(report('q3'))],
      }),
    ).toEqual(['q3', 'h1']);
    expect(agendaReportIds({ agendaItems: [] })).toEqual([]);
  });
});
