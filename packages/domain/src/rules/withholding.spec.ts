import { describe, expect, it } from '@jest/globals';
import type { MeetingDocument } from '../model/document.js';
import type { AgendaItem, ItemDocument } from '../model/meeting.js';
import type { Minute } from '../model/minutes.js';
import {
  isWithheld,
  withholdAgendaItem,
  withholdItemDocument,
  withholdMeetingDocument,
  withholdMinute,
} from './withholding.js';

const SECRET = 'The tender prices of the three bidders';

const document = (exempt: boolean): ItemDocument => ({
  title: exempt ? 'Appendix 2: tender evaluation' : 'Report',
  role: exempt ? 'appendix' : 'report',
  exemption: exempt ? { paragraph: 3 } : null,
  content: { kind: 'sections', sections: [{ heading: 'Prices', paragraphs: [SECRET] }] } as never,
});

const item = (exempt: boolean): AgendaItem => ({
  number: exempt ? '12' : '5',
  order: exempt ? 12 : 5,
  kind: 'report',
  title: exempt ? 'Home to school transport contract' : 'Performance report',
  summary: `To consider a report. ${SECRET}`,
  recommendations: { lead: null, style: 'lettered', items: [SECRET] } as never,
  reportOf: ['Director of Education'],
  contacts: [{ name: 'Gaynor Ward', role: 'Manager', email: null, phone: null }],
  exemption: exempt ? { paragraph: 3 } : null,
  documents: [document(false), document(true)],
});

const minute = (exempt: boolean): Minute => ({
  ref: { text: '40', sequence: 40 },
  agendaItemNumber: '12',
  takenOrder: 1,
  title: 'Home to school transport contract',
  blocks: [{ kind: 'paragraph', ref: null, text: SECRET, comments: [] }] as never,
  motions: [{ text: SECRET, proposer: null, seconder: null, vote: null, outcome: 'carried' }],
  elections: [],
  actions: [{ text: SECRET, owner: null, due: null, status: 'open' }] as never,
  resolution: { kind: 'single', text: SECRET } as never,
  previousMinutes: null,
  exemption: exempt ? { paragraph: 3 } : null,
});

describe(isWithheld.name, () => {
  it('withholds exempt content from a reader who may not read it, and only then', () => {
    expect(isWithheld({ exemption: { paragraph: 3 } }, false)).toBe(true);
    expect(isWithheld({ exemption: { paragraph: 3 } }, true)).toBe(false);
    expect(isWithheld({ exemption: null }, false)).toBe(false);
  });
});

describe(withholdItemDocument.name, () => {
  it('keeps an exempt document’s title, role and paragraph, and empties its content', () => {
    expect(withholdItemDocument(document(true), false)).toEqual({
      ...document(true),
      content: { kind: 'sections', sections: [] },
    });
    expect(withholdItemDocument(document(true), true)).toEqual(document(true));
    expect(withholdItemDocument(document(false), false)).toEqual(document(false));
  });
});

describe(withholdAgendaItem.name, () => {
  it('keeps an exempt item’s number, title and paragraph and nothing of its content', () => {
    expect(withholdAgendaItem(item(true), false)).toEqual({
      ...item(true),
      summary: null,
      recommendations: null,
      reportOf: [],
      contacts: [],
      documents: [],
    });
  });

  it('keeps an open item whole but withholds its exempt appendix', () => {
    const sut = withholdAgendaItem(item(false), false);
    expect(sut.summary).toBe(item(false).summary);
    expect(sut.documents[0]).toEqual(document(false));
    expect(sut.documents[1]?.content).toEqual({ kind: 'sections', sections: [] });
  });

  it('gives a reader who may read exempt information everything', () => {
    expect(withholdAgendaItem(item(true), true)).toEqual(item(true));
  });
});

describe(withholdMinute.name, () => {
  it('keeps an exempt minute’s reference, title and paragraph only', () => {
    const sut = withholdMinute(minute(true), false);
    expect(JSON.stringify(sut)).not.toContain(SECRET);
    expect(sut).toMatchObject({ ref: { text: '40' }, title: minute(true).title });
    expect(sut.exemption).toEqual({ paragraph: 3 });
    expect(withholdMinute(minute(false), false)).toEqual(minute(false));
    expect(withholdMinute(minute(true), true)).toEqual(minute(true));
  });
});

describe(withholdMeetingDocument.name, () => {
  const meeting = {
    agendaItems: [item(false), item(true)],
    minutes: { status: 'draft', minutes: [minute(true)] },
  } as unknown as MeetingDocument;

  it('leaves no exempt passage in the public edition', () => {
    const sut = withholdMeetingDocument(meeting, false);
    // The open item's own summary and recommendations carry the passage in this fixture.
    expect(JSON.stringify(sut.agendaItems[1])).not.toContain(SECRET);
    expect(JSON.stringify(sut.agendaItems[0]?.documents[1])).not.toContain(SECRET);
    expect(JSON.stringify(sut.minutes)).not.toContain(SECRET);
    expect(withholdMeetingDocument({ ...meeting, minutes: null }, false).minutes).toBeNull();
  });

  it('is the whole meeting for a reader who may read exempt information', () => {
    expect(withholdMeetingDocument(meeting, true)).toEqual(meeting);
  });
});
