// West Sussex minute 33 (seed 004) and the Quarter 2 reports its item carries.
import { sampleIds } from '../src/index.js';
import { dataset, meeting, minuteOf } from './sample.js';

describe('West Sussex minute 33 (seed 004)', () => {
  const westSussex = meeting(sampleIds.westSussexNovember2021);
  const minute = minuteOf(westSussex, '33');

  it('has numbered paragraphs 33.1–33.5 and the resolution as 33.6', () => {
    const refs = minute.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.ref] : []));
    expect(refs).toEqual(['33.1', '33.2', '33.3', '33.4', '33.5']);
    expect(minute.resolution).toMatchObject({
      kind: 'list',
      style: 'numbered',
      lead: 'That the Committee:',
    });
    if (minute.resolution?.kind !== 'list') throw new Error('33.6 should be a list');
    expect(minute.resolution.points.map((p) => p.label)).toEqual(['1', '2', '3', '4']);
    expect(minute.resolution.points[2]?.text).toContain('claim milage');
  });

  it('keeps each bullet’s bold topic and the staffing action with its owner', () => {
    const topics = minute.blocks.flatMap((b) => b.comments.map((c) => c.topic));
    expect(topics).toEqual([
      'Rereferrals',
      'Contacts',
      'Stability of children looked after placements',
      'Staffing vacancies',
      'Transport of Children with an Education, Health and Care Plan (EHCP)',
      'Dedicated Schools Grant',
      'Queen Elizabeth II Jubilee School',
      'EHCP Secondary School pilot',
      'Staffing Vacancies',
    ]);
    expect(minute.actions).toEqual([
      expect.objectContaining({ owner: 'Cabinet Member for Children and Young People' }),
    ]);
  });

  it('carries two portfolios’ reports in one item, and the 23% re-referral rate', () => {
    const item = westSussex.agendaItems.find((i) => i.number === minute.agendaItemNumber);
    const reports = item?.documents.flatMap((d) =>
      d.content.kind === 'performance-report' ? [d.content.performanceReportId] : [],
    );
    expect(reports).toEqual([sampleIds.westSussexCypQ2, sampleIds.westSussexLsQ2]);
    const rereferrals = dataset.results.find(
      (r) =>
        r.measureCode === 'CYP.1' &&
        JSON.stringify(r.period) ===
          JSON.stringify({ kind: 'quarter', year: '2021/22', quarter: 2 }),
    );
    expect(rereferrals?.value).toBe(23);
    expect(rereferrals?.comparators.map((c) => c.kind)).toEqual(['england-average']);
  });
});
