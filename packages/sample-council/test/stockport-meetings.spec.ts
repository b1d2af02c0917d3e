// The three Stockport meetings: agendas, minutes, declarations and the seeds' minutes.
import { checkPublication, isUnknown } from '@scrutineer/domain';
import { sampleIds } from '../src/index.js';
import { dataset, meeting, minuteOf } from './sample.js';

const stockportCommittees = new Set(
  dataset.committees.filter((c) => c.authorityId === 'stockport').map((c) => c.id as string),
);
const stockportMeetings = dataset.meetings.filter((d) =>
  stockportCommittees.has(d.meeting.committeeId),
);

describe('Stockport meetings', () => {
  it('are three, held, with published agendas, approved minutes except the latest (draft)', () => {
    expect(stockportMeetings.map((d) => d.meeting.date)).toEqual([
      '2021-06-16',
      '2021-11-24',
      '2022-03-09',
    ]);
    expect(stockportMeetings.every((d) => d.meeting.status === 'held')).toBe(true);
    expect(stockportMeetings.every((d) => d.meeting.agendaPublishedAt !== null)).toBe(true);
    expect(stockportMeetings.map((d) => d.minutes?.status)).toEqual([
      'approved',
      'approved',
      'draft',
    ]);
  });

  it('were published, like the West Sussex agenda, at least five clear days before the meeting', () => {
    for (const document of dataset.meetings) {
      const committee = dataset.committees.find((c) => c.id === document.meeting.committeeId);
      const authority = dataset.authorities.find((a) => a.id === committee?.authorityId);
      const publishedAt = document.meeting.agendaPublishedAt;
      if (authority === undefined || publishedAt === null) throw new Error('unpublished');
      const check = checkPublication(publishedAt, document.meeting.date, authority);
      expect([document.meeting.id, check.isOnTime, check.explanation]).toEqual([
        document.meeting.id,
        true,
        expect.stringContaining('on time'),
      ]);
    }
  });

  it('number minutes through the municipal year, so they differ from agenda numbers', () => {
    const refs = stockportMeetings.flatMap((d) => d.minutes?.minutes.map((m) => m.ref.sequence));
    expect(refs).toEqual(Array.from({ length: refs.length }, (_, i) => i + 1));
    const november = meeting(sampleIds.stockportNovember2021);
    expect(minuteOf(november, '12').agendaItemNumber).toBe('5');
  });

  it('keep the order taken: in June item 7 was taken before item 6', () => {
    const june = meeting(sampleIds.stockportJune2021);
    expect(minuteOf(june, '6')).toMatchObject({ agendaItemNumber: '7', takenOrder: 6 });
    expect(minuteOf(june, '7')).toMatchObject({ agendaItemNumber: '6', takenOrder: 7 });
  });

  it('open with apologies, minutes, declarations and call-in', () => {
    for (const document of stockportMeetings) {
      expect(document.agendaItems.slice(0, 5).map((i) => i.kind)).toEqual(
        expect.arrayContaining(['apologies', 'minutes', 'declarations', 'call-in']),
      );
    }
  });

  it('minute the draft agreement (seed 002) with its two actions and "That the report be noted."', () => {
    const june = meeting(sampleIds.stockportJune2021);
    const item = june.agendaItems.find((i) => i.number === '6');
    expect(item?.title).toBe(
      'Portfolio Performance and Resources - Draft Portfolio Agreement 2021/22',
    );
    const minute = minuteOf(june, '7');
    expect(minute.agendaItemNumber).toBe('6');
    expect(minute.actions.map((a) => a.text)).toEqual([
      'the comparative information would be provided to the Committee',
      'a written response would be provided to the Committee',
    ]);
    expect(minute.resolution).toEqual({ kind: 'single', text: 'That the report be noted.' });
    const comments = minute.blocks.flatMap((b) => b.comments);
    expect(comments[0]?.point).toContain('£794,000 for SEND – Written Statement of Action');
    expect(comments[0]?.response).toMatch(/^In response, it was stated/);
  });

  it('minute the Q3 update (seed 000) in grouped comments under the report’s headings', () => {
    const march = meeting(sampleIds.stockportMarch2022);
    const minute = march.minutes?.minutes.find((m) => m.agendaItemNumber === '5');
    const headings = minute?.blocks.flatMap((b) => (b.kind === 'comment-group' ? [b.heading] : []));
    expect(headings).toEqual([
      'Part One - Portfolio Overview',
      'Priority Two',
      'Priority Three',
      'Part Two – Financial Resources and Monitoring',
    ]);
    expect(minute?.resolution).toEqual({ kind: 'single', text: 'That the report be noted.' });
  });

  it('record declarations in all three states, with withdrew true, false and unknown', () => {
    const kinds = dataset.meetings.map((d) => d.declarations.kind);
    expect(new Set(kinds)).toEqual(new Set(['none-made', 'made', 'not-recorded']));
    const made = meeting(sampleIds.stockportNovember2021).declarations;
    if (made.kind !== 'made') throw new Error('November declarations should be made');
    expect(made.declarations.map((d) => d.about.kind).sort()).toEqual([
      'agenda-item',
      'agenda-item',
      'subject',
    ]);
    const withdrew = made.declarations.map((d) => (isUnknown(d.withdrew) ? 'unknown' : d.withdrew));
    expect(withdrew).toEqual(expect.arrayContaining([true, false, 'unknown']));
  });

  it('approve the June minutes subject to an amendment of minute 2, which June holds', () => {
    const approval = minuteOf(meeting(sampleIds.stockportNovember2021), '9').previousMinutes;
    expect(approval?.meetingDate).toBe('2021-06-16');
    const amended = approval?.amendments[0]?.minuteRef ?? '';
    expect(minuteOf(meeting(sampleIds.stockportJune2021), amended).title).toBe(
      'Appointment of Vice-Chair',
    );
  });

  it('hold an election with two nominations and a motion with proposer, seconder and vote', () => {
    const all = stockportMeetings.flatMap((d) => d.minutes?.minutes ?? []);
    const election = all.flatMap((m) => m.elections)[0];
    expect(election?.nominations).toHaveLength(2);
    expect(election?.elected?.name).toBe('Councillor Mark Bramhall');
    const motion = all.flatMap((m) => m.motions).find((m) => m.vote?.kind === 'show-of-hands');
    expect(motion?.proposer).not.toBeNull();
    expect(motion?.seconder).not.toBeNull();
    expect(motion?.vote).toEqual({
      kind: 'show-of-hands',
      count: { for: 7, against: 2, abstain: 1 },
    });
  });
});
