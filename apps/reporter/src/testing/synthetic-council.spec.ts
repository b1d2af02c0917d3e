import { parseCouncilDataset } from '@scrutineer/domain';
import { buildSyntheticCouncil, SYNTHETIC_MEETING_ID } from './synthetic-council.js';

describe(buildSyntheticCouncil.name, () => {
  it('makes a data set the domain accepts, with one report agenda item per report', () => {
    const { dataset, meetingId } = buildSyntheticCouncil({ reportCount: 3 });
    const parsed = parseCouncilDataset(dataset);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(meetingId).toBe(SYNTHETIC_MEETING_ID);
    expect(dataset.performanceReports).toHaveLength(3);
    const reportItems = dataset.meetings[0]?.agendaItems.filter((item) => item.kind === 'report');
    expect(reportItems?.map((item) => item.number)).toEqual(['4', '5', '6']);
    expect(dataset.measures).toHaveLength(3 * 80);
  });

  it('gives the same data for the same arguments', () => {
    expect(JSON.stringify(buildSyntheticCouncil({ reportCount: 2, measuresPerReport: 10 }))).toBe(
      JSON.stringify(buildSyntheticCouncil({ reportCount: 2, measuresPerReport: 10 })),
    );
  });

  it('scales to 200 reports with distinct portfolio and measure codes', () => {
    const { dataset } = buildSyntheticCouncil({ reportCount: 200, measuresPerReport: 2 });
    expect(new Set(dataset.portfolios.map((portfolio) => portfolio.code)).size).toBe(200);
    expect(new Set(dataset.measures.map((measure) => measure.code)).size).toBe(400);
  });
});
