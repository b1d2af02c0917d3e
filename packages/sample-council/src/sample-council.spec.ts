import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assessResultTrend,
  checkPublication,
  isDomainError,
  isUnknown,
  parseCouncilDataset,
  type AgendaItem,
  type CouncilDataset,
  type MeetingDocument,
  type Minute,
} from '@scrutineer/domain';
import {
  exemptPassages,
  findMeeting,
  findPerformanceReport,
  loadCouncilDataset,
  loadSampleCouncil,
  sampleCouncilPath,
  sampleIds,
} from './index.js';
import { sampleCouncilSource } from './source/sample-council.data.js';

const dataset = loadSampleCouncil();

const meeting = (id: string): MeetingDocument => {
  const found = findMeeting(dataset, id);
  if (found === undefined) throw new Error(`No meeting ${id}`);
  return found;
};

const minuteOf = (document: MeetingDocument, ref: string): Minute => {
  const found = document.minutes?.minutes.find((m) => m.ref.text === ref);
  if (found === undefined) throw new Error(`No minute ${ref} in ${document.meeting.id}`);
  return found;
};

const stockportCommittees = new Set(
  dataset.committees.filter((c) => c.authorityId === 'stockport').map((c) => c.id as string),
);
const stockportMeetings = dataset.meetings.filter((d) =>
  stockportCommittees.has(d.meeting.committeeId),
);

describe('the sample council file', () => {
  it('parses with no problems', () => {
    const raw: unknown = JSON.parse(readFileSync(sampleCouncilPath, 'utf8'));
    const parsed = parseCouncilDataset(raw);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('is what the typed sources generate (run `npm run generate` after editing src/source)', () => {
    const raw: unknown = JSON.parse(readFileSync(sampleCouncilPath, 'utf8'));
    expect(raw).toEqual(JSON.parse(JSON.stringify(sampleCouncilSource)));
  });

  it('holds two authorities, their committees and the three portfolios', () => {
    expect(dataset.authorities.map((a) => a.name)).toEqual([
      'Stockport Metropolitan Borough Council',
      'West Sussex County Council',
    ]);
    expect(dataset.portfolios.map((p) => p.code)).toEqual(['CFSE', 'CYP', 'LS']);
    expect(dataset.portfolios[0]?.cabinetMember?.name).toBe('Councillor Colin Foster');
  });

  it('uses unique ids everywhere', () => {
    const unique = (values: readonly string[]) => expect(new Set(values).size).toBe(values.length);
    unique(dataset.authorities.map((a) => a.id));
    unique(dataset.members.map((m) => m.id));
    unique(dataset.committees.map((c) => c.id));
    unique(dataset.portfolios.map((p) => p.code));
    unique(dataset.measures.map((m) => m.code));
    unique(dataset.performanceReports.map((r) => r.id));
    unique(dataset.meetings.map((d) => d.meeting.id));
    unique(dataset.results.map((r) => `${r.measureCode} ${JSON.stringify(r.period)}`));
    for (const document of dataset.meetings) {
      unique(document.agendaItems.map((i) => i.number));
      unique((document.minutes?.minutes ?? []).map((m) => m.ref.text));
    }
  });

  it('money is whole pence everywhere', () => {
    const amounts = [
      ...dataset.agreements.flatMap((a) => [
        ...a.revenueBudget.map((l) => l.budget),
        ...a.reserves.flatMap((r) => [r.balance, r.plannedUse ?? 0]),
        ...a.savings.map((s) => s.target),
        ...a.capital.map((c) => c.budget),
      ]),
      ...dataset.performanceReports.flatMap((r) => [
        ...r.partTwo.revenue.flatMap((l) => [l.budget, isUnknown(l.forecast) ? 0 : l.forecast]),
        ...r.partTwo.reserves.flatMap((l) => [
          l.balance,
          isUnknown(l.forecastUse) ? 0 : l.forecastUse,
        ]),
      ]),
    ];
    expect(amounts.length).toBeGreaterThan(40);
    expect(amounts.filter((a) => !Number.isSafeInteger(a))).toEqual([]);
  });
});

describe('loadCouncilDataset', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sample-council-'));

  it('names the file when it is not JSON', () => {
    const path = join(directory, 'broken.json');
    writeFileSync(path, '{ "schemaVersion": 1,');
    expect(() => loadCouncilDataset(path)).toThrow(`${path} is not valid JSON`);
  });

  it('lists each problem with its JSON path when the data set is invalid', () => {
    const path = join(directory, 'invalid.json');
    const broken = JSON.parse(JSON.stringify(sampleCouncilSource)) as {
      agreements: { reserves: { balance: number }[] }[];
    };
    const reserve = broken.agreements[0]?.reserves[0];
    if (reserve === undefined) throw new Error('no reserve');
    reserve.balance = 794_000.5; // pounds with a fraction, not pence
    writeFileSync(path, JSON.stringify(broken));
    let caught: unknown;
    try {
      loadCouncilDataset(path);
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught)).toBe(true);
    expect((caught as Error).message).toContain(path);
    expect((caught as Error).message).toContain('$.agreements[0].reserves[0].balance');
  });
});

describe('Stockport CFSE 2021/22', () => {
  const agreement = dataset.agreements.find((a) => a.portfolioCode === 'CFSE');

  it('has the approved agreement: considered 16 June, approved by Cabinet 29 June 2021', () => {
    expect(agreement?.status).toBe('approved');
    expect(agreement?.considered?.date).toBe('2021-06-16');
    expect(agreement?.approved).toEqual({ body: 'Cabinet', date: '2021-06-29' });
    expect(agreement?.priorities.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds the SEND – Written Statement of Action reserve at exactly £794,000 (79,400,000 pence)', () => {
    const reserve = agreement?.reserves.find(
      (r) => r.name === 'SEND – Written Statement of Action',
    );
    expect(reserve?.balance).toBe(79_400_000);
  });

  it('sets CFSE11 a target of 78.8%', () => {
    const target = agreement?.targets.find((t) => t.measureCode === 'CFSE11');
    expect(target?.target).toBe(78.8);
    expect(target?.unit).toBe('percent');
  });

  it('has 12–20 measures with the seed codes, and a target for each', () => {
    const codes = dataset.measures.filter((m) => m.portfolioCode === 'CFSE').map((m) => m.code);
    expect(codes.length).toBeGreaterThanOrEqual(12);
    expect(codes.length).toBeLessThanOrEqual(20);
    expect(codes).toEqual(expect.arrayContaining(['CFSE.28', 'CFSE.65', 'CFSE11', 'CFSE12(ii)']));
    expect(agreement?.targets.map((t) => t.measureCode).sort()).toEqual([...codes].sort());
  });

  it('shows CFSE.65 below its target in each of five years, 2017/18 to 2021/22', () => {
    const annual = dataset.results.filter(
      (r) => r.measureCode === 'CFSE.65' && r.period.kind === 'annual',
    );
    expect(annual.map((r) => r.period.year)).toEqual([
      '2017/18',
      '2018/19',
      '2019/20',
      '2020/21',
      '2021/22',
    ]);
    expect(annual.every((r) => typeof r.value === 'number' && r.value < 70)).toBe(true);
  });

  it('has a mid-year and a Q3 2021/22 result for every measure the Q3 update reports', () => {
    const q3 = findPerformanceReport(dataset, sampleIds.cfseQ3Update2021);
    const reported = q3?.partOne.flatMap((p) => p.measureCodes) ?? [];
    expect(reported.length).toBeGreaterThan(8);
    for (const code of reported) {
      const periods = dataset.results
        .filter((r) => r.measureCode === code)
        .map((r) => JSON.stringify(r.period));
      expect(periods).toContain(JSON.stringify({ kind: 'quarter', year: '2021/22', quarter: 3 }));
      expect(periods).toContain(JSON.stringify({ kind: 'quarter', year: '2020/21', quarter: 3 }));
    }
  });

  it('gives every Q3 2021/22 figure a trend on either comparison basis', () => {
    const q3 = dataset.results.filter(
      (r) =>
        r.period.kind === 'quarter' &&
        r.period.year === '2021/22' &&
        r.period.quarter === 3 &&
        typeof r.value === 'number',
    );
    expect(q3.length).toBeGreaterThan(10);
    for (const result of q3) {
      const measure = dataset.measures.find((m) => m.code === result.measureCode);
      if (measure === undefined) throw new Error(`No measure ${result.measureCode}`);
      for (const basis of ['previous-period', 'same-period-last-year'] as const) {
        const trend = assessResultTrend(measure, result, dataset.results, basis);
        expect([result.measureCode, basis, trend.direction]).not.toContain('not-comparable');
      }
    }
  });

  it('prints the mid-year PPRR as seed 001 gives it', () => {
    const report = findPerformanceReport(dataset, sampleIds.cfseMidYear2021);
    expect(report?.reportTo).toBe('CHILDREN AND FAMILIES SCRUTINY COMMITTEE');
    expect(report?.date).toBe('2021-11-24');
    expect(report?.reportOf).toEqual(["DIRECTOR OF CHILDREN'S SERVICES", 'DIRECTOR OF EDUCATION']);
    expect(report?.sections[0]?.paragraphs).toHaveLength(7);
    expect(report?.sections[0]?.paragraphs[6]).toMatch(/^Members are asked where possible/);
    expect(report?.recommendations.style).toBe('lettered');
    expect(report?.recommendations.items).toHaveLength(5);
    expect(report?.contacts.map((c) => `${c.name} ${c.email} ${c.phone}`)).toEqual([
      'Gaynor Ward gaynor.ward@stockport.gov.uk (474 3186)',
      'Gill Dixon gill.dixon@stockport.gov.uk (474 3886)',
      'Peter Hughes peter.hughes@stockport.gov.uk (474 3947)',
    ]);
  });
});

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

describe('exempt information', () => {
  const isExempt = (item: AgendaItem) => item.exemption !== null;

  it('is on one meeting only, whose exempt item (paragraph 3) follows the exclusion of the public', () => {
    const withExempt = dataset.meetings.filter((d) => d.agendaItems.some(isExempt));
    expect(withExempt.map((d) => d.meeting.id)).toEqual([sampleIds.stockportMarch2022]);
    const items = withExempt[0]?.agendaItems ?? [];
    const exempt = items.filter(isExempt);
    expect(exempt.map((i) => i.exemption?.paragraph)).toEqual([3]);
    const exclusion = items.find((i) => i.kind === 'exclusion-of-public');
    expect(exclusion?.order).toBe((exempt[0]?.order ?? 0) - 1);
    expect(exempt[0]?.documents.some((d) => d.content.kind === 'table')).toBe(true);
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
  });
});

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
