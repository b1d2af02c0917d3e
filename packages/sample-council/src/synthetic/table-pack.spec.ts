import { parseCouncilDataset } from '@scrutineer/domain';
import { buildSyntheticTablePack, TABLE_PACK_PRESET } from './table-pack.generator.js';

describe(buildSyntheticTablePack.name, () => {
  const { dataset, meetingId } = buildSyntheticTablePack(TABLE_PACK_PRESET);
  const meeting = dataset.meetings.find((document) => document.meeting.id === meetingId);
  const reports = meeting?.agendaItems.filter((item) => item.kind === 'report') ?? [];

  it('passes the domain’s parseCouncilDataset', () => {
    const parsed = parseCouncilDataset(dataset);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('is 20 reports of 12 paragraphs, a 120 × 6 measures table and 30 money lines and a Total', () => {
    expect(reports).toHaveLength(20);
    for (const item of reports) {
      const [report, measures, money] = item.documents.map((document) => document.content);
      expect(
        report?.kind === 'sections' && report.sections.flatMap((s) => s.paragraphs),
      ).toHaveLength(12);
      expect(measures?.kind === 'table' && measures.rows.map((row) => row.length)).toEqual(
        Array.from({ length: 120 }, () => 6),
      );
      expect(money?.kind === 'table' && money.rows.length).toBe(31);
      expect(money?.kind === 'table' && money.rows.at(-1)?.[0]).toBe('Total');
    }
  });

  it('is the same every time', () => {
    expect(buildSyntheticTablePack(TABLE_PACK_PRESET)).toEqual(
      buildSyntheticTablePack(TABLE_PACK_PRESET),
    );
  });
});
