// The record says what happened, once, in the council's words: each case renders a PDF and reads
// it back (issue 9, "Faithfulness").
import type { CouncilDataset, MeetingDocument, Minute } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { renderAgendaPack, renderMinutes } from '../index.js';
import { renderedText as pdfText } from '../testing/render-bytes.js';

const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

/** The sample council with one meeting changed; the loaded data set is left as it is. */
const withMeeting = (
  dataset: CouncilDataset,
  meetingId: string,
  change: (document: MeetingDocument) => MeetingDocument,
): CouncilDataset => ({
  ...dataset,
  meetings: dataset.meetings.map((document) =>
    document.meeting.id === meetingId ? change(structuredClone(document)) : document,
  ),
});

const changeMinute = (
  document: MeetingDocument,
  ref: string,
  change: (minute: Minute) => Minute,
): MeetingDocument => {
  if (!document.minutes) throw new Error(`${document.meeting.id} has no minutes`);
  return {
    ...document,
    minutes: {
      ...document.minutes,
      minutes: document.minutes.minutes.map((minute) =>
        minute.ref.text === ref ? change(minute) : minute,
      ),
    },
  };
};

const minutesText = (dataset: CouncilDataset, meetingId: string): Promise<string> =>
  pdfText((out) => renderMinutes(dataset, meetingId, out));

describe('faithful minutes', () => {
  let dataset: CouncilDataset;
  beforeAll(() => {
    dataset = loadSampleCouncil();
  });

  it('prints a resolution that carries its own lead with that lead, once, in the council’s casing', async () => {
    const changed = withMeeting(dataset, sampleIds.stockportMarch2022, (document) =>
      changeMinute(document, '19', (minute) => ({
        ...minute,
        resolution: { kind: 'single', text: 'RESOLVED: That the report be noted.' },
      })),
    );
    const text = await minutesText(changed, sampleIds.stockportMarch2022);
    expect(text).toContain('RESOLVED: That the report be noted.');
    expect(text).not.toMatch(/RESOLVED\s*–\s*RESOLVED/i);
  });

  it('prints a resolution that is already the last numbered paragraph under that number, not a new one', async () => {
    const resolved = 'Resolved – that the report be noted.';
    const changed = withMeeting(dataset, sampleIds.westSussexNovember2021, (document) =>
      changeMinute(document, '33', (minute) => ({
        ...minute,
        blocks: [
          ...minute.blocks,
          { kind: 'paragraph', ref: '33.6', text: resolved, comments: [] },
        ],
        resolution: { kind: 'single', text: resolved },
      })),
    );
    const text = await minutesText(changed, sampleIds.westSussexNovember2021);
    expect(text).toContain(`33.6 ${resolved}`);
    expect(occurrences(text, 'that the report be noted')).toBe(1);
    expect(text).not.toContain('33.7');
    expect(text).not.toMatch(/Resolved – Resolved/i);
  });

  it('publishes no sentence about what the record does not hold', async () => {
    // West Sussex's source gives neither the declarations nor the closing time.
    const westSussex = await minutesText(dataset, sampleIds.westSussexNovember2021);
    expect(westSussex).not.toContain('does not say whether any declarations');
    expect(westSussex).not.toContain('was not recorded');
    const nobodyNamed = withMeeting(dataset, sampleIds.westSussexNovember2021, (document) => ({
      ...document,
      attendance:
        document.attendance.kind === 'recorded'
          ? { ...document.attendance, present: [] }
          : document.attendance,
    }));
    const text = await minutesText(nobodyNamed, sampleIds.westSussexNovember2021);
    expect(text).not.toContain('None recorded');
    expect(text).not.toMatch(/\bPresent\b/);
    const notRecorded = withMeeting(dataset, sampleIds.westSussexNovember2021, (document) => ({
      ...document,
      attendance: { kind: 'not-recorded', reason: 'The source gives no attendance.' },
    }));
    expect(await minutesText(notRecorded, sampleIds.westSussexNovember2021)).not.toContain(
      'Attendance was not recorded',
    );
  });

  it('prints apologies and declarations once: as their own minutes when the minutes hold them', async () => {
    const text = await minutesText(dataset, sampleIds.stockportNovember2021);
    expect(occurrences(text, 'Apologies for absence were received from')).toBe(1);
    expect(occurrences(text, 'Councillor Sarah Kershaw')).toBe(1);
    expect(text).toContain('8. Apologies Apologies for absence were received from');
    expect(occurrences(text, 'personal interest')).toBe(1);
    expect(text).toContain('10. Declarations of Interest');
    // West Sussex minuted neither: its attendance block keeps the apologies.
    const westSussex = await minutesText(dataset, sampleIds.westSussexNovember2021);
    expect(occurrences(westSussex, 'Apologies for absence were received from')).toBe(1);
  });

  it('lists a substitute as present, with the member they sat for', async () => {
    const changed = withMeeting(dataset, sampleIds.westSussexNovember2021, (document) => {
      if (document.attendance.kind !== 'recorded') throw new Error('attendance not recorded');
      const [absent] = document.attendance.apologies;
      const substitute = { name: 'Ms Pat Substitute', memberId: null };
      return {
        ...document,
        attendance: {
          ...document.attendance,
          substitutes: [{ person: substitute, forMember: absent ?? null }],
        },
      };
    });
    const text = await minutesText(changed, sampleIds.westSussexNovember2021);
    const present = /Present (.*?) Apologies/.exec(text)?.[1] ?? '';
    expect(present).toContain('Ms Pat Substitute (substitute for');
    expect(occurrences(text, 'Ms Pat Substitute')).toBe(1);
  });
});

describe('the council’s words, once', () => {
  let dataset: CouncilDataset;
  beforeAll(() => {
    dataset = loadSampleCouncil();
  });

  it('introduces each council’s resolutions in its own style: West Sussex “Resolved –”, Stockport “RESOLVED –”', async () => {
    const westSussex = await minutesText(dataset, sampleIds.westSussexNovember2021);
    expect(westSussex).toContain('33.6 Resolved – That the Committee:');
    expect(westSussex).not.toContain('RESOLVED');
    const stockport = await minutesText(dataset, sampleIds.stockportMarch2022);
    expect(stockport).toContain('RESOLVED – That the report be noted.');
    expect(stockport).not.toMatch(/Resolved –/);
  });

  it('takes the lead from the authority’s style setting', async () => {
    const changed: CouncilDataset = {
      ...dataset,
      authorities: dataset.authorities.map((authority) =>
        authority.id === 'stockport'
          ? { ...authority, style: { ...authority.style, resolutionLead: 'RESOLVED:' } }
          : authority,
      ),
    };
    const text = await minutesText(changed, sampleIds.stockportMarch2022);
    expect(text).toContain('RESOLVED: That the report be noted.');
    expect(text).not.toContain('RESOLVED –');
  });

  it('says once that the previous minutes were approved, never that they “were submitted”', async () => {
    const text = await minutesText(dataset, sampleIds.stockportMarch2022);
    expect(text).not.toContain('were submitted.');
    expect(occurrences(text, 'were approved as a correct record')).toBe(1);
    // With no words of its own the minute gets the one statement, in the same words.
    const bare = withMeeting(dataset, sampleIds.stockportMarch2022, (document) =>
      changeMinute(document, '16', (minute) => ({ ...minute, blocks: [] })),
    );
    const composed = await minutesText(bare, sampleIds.stockportMarch2022);
    expect(composed).toContain(
      '16. Minutes The minutes of the meeting held on 24 November 2021 were approved as a correct record and signed by the Chair.',
    );
    expect(occurrences(composed, 'were approved as a correct record')).toBe(1);
  });

  it('records the exclusion of the public once: the resolution, with its mover and seconder', async () => {
    const text = await minutesText(dataset, sampleIds.stockportMarch2022);
    const minute = /22\. Exclusion of the Public(.*?)23\. /.exec(text)?.[1] ?? '';
    expect(occurrences(minute, 'excluded from the meeting')).toBe(1);
    expect(occurrences(minute, 'moved')).toBe(1);
    expect(occurrences(minute, 'Councillor Helen Ashworth')).toBe(1);
    expect(occurrences(minute, 'RESOLVED')).toBe(1);
    expect(minute).toContain(
      'It was moved by Councillor Helen Ashworth, seconded by Councillor Mark Bramhall and unanimously RESOLVED – That in order to prevent',
    );
  });

  it('records a Welsh exclusion once too, with the public interest test the officer recorded', async () => {
    const text = await minutesText(dataset, sampleIds.flintshireJanuary2022);
    const minute = /41\. Exclusion of the Press and Public(.*?)42\. /.exec(text)?.[1] ?? '';
    expect(occurrences(minute, 'excluded from the meeting')).toBe(1);
    expect(occurrences(minute, 'RESOLVED')).toBe(1);
    expect(minute).toContain(
      'It was moved by Councillor Gwen Llewelyn, seconded by Councillor Rhodri Pryce and unanimously RESOLVED: That the press and public be excluded',
    );
    expect(minute).toContain('paragraph 14 of Part 4 of Schedule 12A');
    expect(minute).toContain('paragraph 21 of Part 5 of Schedule 12A');
  });
});

describe('contacts', () => {
  it('prints a contact with no role as the name alone, with no stray comma', async () => {
    const dataset = loadSampleCouncil();
    const committeeId = dataset.meetings.find(
      (document) => document.meeting.id === sampleIds.stockportMarch2022,
    )?.meeting.committeeId;
    const changed: CouncilDataset = {
      ...dataset,
      committees: dataset.committees.map((committee) =>
        committee.id === committeeId && committee.clerk
          ? { ...committee, clerk: { ...committee.clerk, name: 'Lisa Sampson', role: '' } }
          : committee,
      ),
    };
    const text = await pdfText((out) =>
      renderAgendaPack(changed, sampleIds.stockportMarch2022, 'public', out),
    );
    expect(text).toContain('Lisa Sampson');
    expect(text).not.toMatch(/Lisa Sampson\s*,/);
  }, 30_000);
});
