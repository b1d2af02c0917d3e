import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { MeetingDocument } from '@scrutineer/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ical from 'node-ical';
import { MinutesPublishedAt1795438000000 } from '../src/database/migrations/1795438000000-MinutesPublishedAt.js';
import { migrations } from '../src/database/migrations/index.js';
import { exportMeeting, SAMPLE, withMeetingId } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

/** A sample meeting moved to `date` at `startTime`, its agenda published, not yet held. */
const upcoming = (
  sample: MeetingDocument,
  id: string,
  date: string,
  startTime: string | null,
  venue: string,
): MeetingDocument => {
  const copy = JSON.parse(JSON.stringify(withMeetingId(sample, id))) as {
    meeting: Record<string, unknown>;
    attendance: unknown;
    declarations: unknown;
    minutes: unknown;
  };
  Object.assign(copy.meeting, {
    date,
    startTime,
    venue,
    status: 'agenda-published',
    agendaPublishedAt: `${date.slice(0, 8)}01T09:00:00.000Z`,
  });
  copy.attendance = { kind: 'not-recorded', reason: 'The meeting has not been held yet.' };
  copy.declarations = { kind: 'not-recorded' };
  copy.minutes = null;
  return copy as unknown as MeetingDocument;
};

const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter(
    (component): component is ical.VEvent => component.type === 'VEVENT',
  );

describeEachDatabase('the public record: calendars, feeds and open data', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const sample = await exportMeeting(t, SAMPLE.stockportMarch2022);
    for (const document of [
      upcoming(sample, 'bst-before', '2022-03-26', '18:00', 'Town Hall, Committee Room 2'),
      upcoming(sample, 'bst-after', '2022-03-28', '18:00', 'Town Hall; Room 1, Stockport'),
      upcoming(sample, 'no-time', '2022-03-30', null, 'Online'),
    ])
      await t
        .http()
        .post('/api/v1/imports/meetings')
        .set(bearer(t.tokens.clerk))
        .send(document)
        .expect(201);
    // Three imports on top of the app's start: 30 s was not enough at load 16.
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('serves every published meeting as iCalendar, with times right across the change to BST', async () => {
    const response = await t.http().get('/api/v1/calendar.ics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
    const byUid = new Map(events(response.text).map((event) => [event.uid, event]));
    const before = byUid.get('meeting-bst-before@scrutineer.invalid');
    const after = byUid.get('meeting-bst-after@scrutineer.invalid');
    const allDay = byUid.get('meeting-no-time@scrutineer.invalid');
    // 18:00 in London is 18:00Z before the last Sunday of March 2022 (the 27th), 17:00Z after it.
    expect(before?.start.toISOString()).toBe('2022-03-26T18:00:00.000Z');
    expect(after?.start.toISOString()).toBe('2022-03-28T17:00:00.000Z');
    expect(response.text).toContain('DTSTART;TZID=Europe/London:20220328T180000');
    expect(response.text).toContain('DTSTART;VALUE=DATE:20220330');
    expect(allDay?.datetype).toBe('date');
    expect(after?.location).toBe('Town Hall; Room 1, Stockport');
    expect(after?.url).toBe('http://127.0.0.1:3001/meetings/bst-after');
    expect(after?.status).toBe('CONFIRMED');
    // Every published sample meeting is there too, and no unpublished one.
    expect(byUid.has(`meeting-${SAMPLE.stockportMarch2022}@scrutineer.invalid`)).toBe(true);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers.vary).toMatch(/Authorization/);
  });

  it('bumps SEQUENCE on a change and says STATUS:CANCELLED for a cancelled meeting', async () => {
    const sequenceOf = async (): Promise<ical.VEvent | undefined> =>
      events(
        (await t.http().get(`/api/v1/committees/${SAMPLE.committee}/calendar.ics`).expect(200))
          .text,
      ).find((event) => event.uid === 'meeting-bst-after@scrutineer.invalid');
    const first = await sequenceOf();
    const meeting = await t
      .http()
      .get('/api/v1/meetings/bst-after')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    await t
      .http()
      .patch('/api/v1/meetings/bst-after')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', meeting.headers.etag as string)
      .send({ status: 'cancelled' })
      .expect(200);
    const second = await sequenceOf();
    expect(Number(second?.sequence)).toBe(Number(first?.sequence) + 1);
    expect(second?.status).toBe('CANCELLED');
    expect(second?.uid).toBe(first?.uid);
    // A PUT of the meeting's attendance is a change to the meeting too.
    const cancelled = await t
      .http()
      .get('/api/v1/meetings/bst-after')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    await t
      .http()
      .put('/api/v1/meetings/bst-after/attendance')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', cancelled.headers.etag as string)
      .send({ kind: 'not-recorded', reason: 'The meeting was cancelled.' })
      .expect(200);
    const third = await sequenceOf();
    expect(Number(third?.sequence)).toBe(Number(second?.sequence) + 1);
  });

  it('answers 404 for the calendar and feed of no such committee, 400 for a query', async () => {
    await t.http().get('/api/v1/committees/no-such-committee/calendar.ics').expect(404);
    await t.http().get('/api/v1/committees/no-such-committee/feed.atom').expect(404);
    await t.http().get('/api/v1/calendar.ics?limit=5').expect(400);
  });

  it('dates an empty feed by its committee, so its ETag holds until something changes', async () => {
    const created = await t
      .http()
      .post('/api/v1/committees')
      .set(bearer(t.tokens.clerk))
      .send({
        id: 'stockport-empty',
        authorityId: 'stockport',
        name: 'Empty Committee',
        memberships: [],
        clerk: null,
        portfolioCodes: [],
      })
      .expect(201);
    // One Host (each supertest call listens on a new port, and the self link names it).
    const read = () =>
      t
        .http()
        .get('/api/v1/committees/stockport-empty/feed.atom')
        .set('Host', 'record.example')
        .expect(200);
    const first = await read();
    const parsed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(first.text) as {
      feed: { updated: string; entry?: unknown[] };
    };
    expect(parsed.feed.entry ?? []).toHaveLength(0);
    expect(parsed.feed.updated).toBe(created.body.updatedAt);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await read();
    expect(second.headers.etag).toBe(first.headers.etag);
    await t
      .http()
      .get('/api/v1/committees/stockport-empty/feed.atom')
      .set('Host', 'record.example')
      .set('If-None-Match', first.headers.etag as string)
      .expect(304);
  });

  it('serves an Atom feed of agendas and minutes published, newest first', async () => {
    const response = await t.http().get('/api/v1/feed.atom').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(response.text)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['entry', 'link'].includes(name),
    }).parse(response.text) as {
      feed: {
        id: string;
        updated: string;
        entry: {
          id: string;
          updated: string;
          title: string;
          link: { '@_href': string; '@_type': string }[];
        }[];
      };
    };
    const entries = parsed.feed.entry;
    expect(entries.length).toBeGreaterThan(3);
    expect(entries.length).toBeLessThanOrEqual(50);
    const updated = entries.map((entry) => entry.updated);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(parsed.feed.updated).toBe(updated[0]);
    expect(
      entries.every((entry) => entry.id.startsWith('tag:scrutineer.invalid,2026:meeting/')),
    ).toBe(true);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    const agenda = entries.find((entry) => entry.id.endsWith('/bst-before/agenda'));
    expect(agenda?.updated).toBe('2022-03-01T09:00:00.000Z');
    expect(agenda?.link.map((link) => link['@_href'])).toEqual([
      'http://127.0.0.1:3001/meetings/bst-before',
      expect.stringMatching(/\/api\/v1\/meetings\/bst-before\/agenda-pack\.pdf$/),
    ]);
    const minutes = entries.find((entry) =>
      entry.id.endsWith(`/${SAMPLE.stockportMarch2022}/minutes`),
    );
    expect(minutes?.title).toMatch(/^Minutes published: /);
    const pdf =
      minutes?.link.find((link) => link['@_type'] === 'application/pdf')?.['@_href'] ?? '';
    await t.http().get(new URL(pdf).pathname).expect(200);
  });

  it('adds a minutes entry when a meeting’s minutes are started', async () => {
    const before = await t.http().get('/api/v1/feed.atom').expect(200);
    expect(before.text).not.toContain('meeting/bst-before/minutes');
    const meeting = await t
      .http()
      .get('/api/v1/meetings/bst-before')
      .set(bearer(t.tokens.clerk))
      .expect(200);
    await t
      .http()
      .patch('/api/v1/meetings/bst-before/minutes')
      .set(bearer(t.tokens.clerk))
      .set('If-Match', meeting.headers.etag as string)
      .send({ closedAt: '19:30' })
      .expect(200);
    const after = await t
      .http()
      .get(`/api/v1/committees/${SAMPLE.committee}/feed.atom`)
      .expect(200);
    const parsed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(after.text) as {
      feed: { entry: { id: string }[] };
    };
    expect(parsed.feed.entry[0]?.id).toBe('tag:scrutineer.invalid,2026:meeting/bst-before/minutes');
  });

  it('serves Open Civic Data events, people and organizations, paged, with sources', async () => {
    const page = await t.http().get('/api/v1/open-data/events?limit=5').expect(200);
    expect(page.body).toMatchObject({ limit: 5, offset: 0 });
    expect(page.body.items).toHaveLength(5);
    const event = (
      await t.http().get('/api/v1/open-data/events?limit=100').expect(200)
    ).body.items.find((e: { id: string }) => e.id === 'bst-after');
    expect(event).toMatchObject({
      _type: 'event',
      start_date: '2022-03-28T18:00:00+01:00',
      all_day: false,
      timezone: 'Europe/London',
      status: 'cancelled',
      location: { name: 'Town Hall; Room 1, Stockport' },
      sources: [{ url: 'http://127.0.0.1:3001/meetings/bst-after' }],
    });
    const exempt = event.agenda.find(
      (item: { classification: string[] }) => item.classification[0] === 'exempt',
    );
    expect(exempt).toMatchObject({ notes: [], extras: { exemptParagraph: 3 } });
    const people = await t.http().get('/api/v1/open-data/people?limit=3').expect(200);
    expect(people.body.items[0]).toMatchObject({
      _type: 'person',
      sources: [{ url: expect.stringContaining('/members/') }],
    });
    const organizations = await t
      .http()
      .get('/api/v1/open-data/organizations?limit=100')
      .expect(200);
    const classes = organizations.body.items.map(
      (o: { classification: string }) => o.classification,
    );
    expect(classes).toContain('legislature');
    expect(classes).toContain('committee');
    expect(organizations.body.total).toBe(organizations.body.items.length);
    // A committee's purpose travels as its extras; a council has none.
    const cfsc = (await t.http().get('/api/v1/committees/stockport-cfsc').expect(200)).body;
    expect(cfsc.purpose).toEqual(expect.any(String));
    const byId = new Map(
      organizations.body.items.map((o: { id: string; extras: { purpose: string | null } }) => [
        o.id,
        o.extras.purpose,
      ]),
    );
    expect(byId.get('stockport-cfsc')).toBe(cfsc.purpose);
    expect(byId.get('stockport')).toBeNull();
    const second = await t
      .http()
      .get('/api/v1/open-data/organizations?limit=2&offset=2')
      .expect(200);
    expect(second.body.items.map((o: { id: string }) => o.id)).toEqual(
      organizations.body.items.slice(2, 4).map((o: { id: string }) => o.id),
    );
  });

  it('serves meetings, decisions and results as CSV files', async () => {
    const meetings = await t.http().get('/api/v1/open-data/meetings.csv').expect(200);
    expect(meetings.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(meetings.text.startsWith('\uFEFFid,committee_id,')).toBe(true);
    // The venue holds a comma: quoted.
    expect(meetings.text).toContain('"Town Hall; Room 1, Stockport"');
    const decisions = await t.http().get('/api/v1/open-data/decisions.csv').expect(200);
    expect(decisions.text.split('\r\n')[0]).toBe(
      '\uFEFFid,meeting_id,meeting_date,committee,minute_ref,resolution,updated_at,url',
    );
    const results = await t.http().get('/api/v1/open-data/results.csv').expect(200);
    const rows = results.text.split('\r\n');
    const header = rows[0]?.replace('\uFEFF', '').split(',') ?? [];
    const rag = header.indexOf('rag');
    const api = (await t.http().get('/api/v1/results?limit=1&sort=measure').expect(200)).body
      .items[0];
    expect(rows.length - 2).toBe(
      (await t.http().get('/api/v1/results?limit=1').expect(200)).body.total,
    );
    expect(results.text).toContain(`,${api.rag.status},`);
    expect(rag).toBeGreaterThan(0);
  });

  it('lets a page on another origin read anonymously, never with a token', async () => {
    const read = await t
      .http()
      .get('/api/v1/feed.atom')
      .set('Origin', 'https://example.org')
      .expect(200);
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
    expect(read.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // The CSP stays the API's own: nothing it serves may load or run anything.
    expect(read.headers['content-security-policy']).toContain("default-src 'none'");
    const preflight = await t
      .http()
      .options('/api/v1/open-data/events')
      .set('Origin', 'https://example.org')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'if-none-match');
    expect(preflight.status).toBe(204);
    const withToken = await t
      .http()
      .options('/api/v1/open-data/events')
      .set('Origin', 'https://example.org')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(withToken.headers['access-control-allow-origin']).toBeUndefined();
    const write = await t
      .http()
      .post('/api/v1/meetings')
      .set('Origin', 'https://example.org')
      .send({});
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
  });

  // Last: it migrates down and up again, which drops what later migrations added.
  it('backfills when stored minutes were published with when their meeting was created', async () => {
    const meeting = (
      await t.http().get(`/api/v1/meetings/${SAMPLE.stockportMarch2022}`).expect(200)
    ).body;
    // Undo MinutesPublishedAt and every migration after it, newest first, then redo them all:
    // undoing only the last one would test whichever migration happens to be newest.
    const later =
      migrations.length -
      migrations.findIndex((m) => m.name === MinutesPublishedAt1795438000000.name);
    for (let i = 0; i < later; i++) await t.dataSource.undoLastMigration({ transaction: 'all' });
    const [row] = (await t.dataSource.query('SELECT * FROM "meetings"')) as object[];
    expect(Object.keys(row ?? {})).not.toContain('minutes_published_at');
    await t.dataSource.runMigrations({ transaction: 'all' });
    const feed = await t.http().get('/api/v1/feed.atom').expect(200);
    const parsed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(feed.text) as {
      feed: { entry: { id: string; updated: string }[] };
    };
    const minutes = parsed.feed.entry.find((entry) =>
      entry.id.endsWith(`/${SAMPLE.stockportMarch2022}/minutes`),
    );
    expect(minutes?.updated).toBe(meeting.createdAt);
    // Minutes started through the API before the migration are dated the same way (the earliest
    // they can have been published), and a meeting without minutes has no entry.
    expect(parsed.feed.entry.some((entry) => entry.id.endsWith('/bst-after/minutes'))).toBe(false);
  }, 60_000);
});
