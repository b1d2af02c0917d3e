// GET /meetings/:id keeps its answers per generation of the meetings area (meetings.service.ts
// `getSerialised`, database/meeting-read-generation.ts): a repeat is one read of the token; every
// write of a row an answer shows makes the kept answers stale; each class of caller has its own
// answer; and on SQLite an answer read while a write is open is never kept.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { MeetingEntity } from '../src/meetings/meeting.entity.js';
import { MeetingsService } from '../src/meetings/meetings.service.js';
import { anonymousCaller, type Caller } from '../src/auth/caller.js';
import { MeetingReadGenerationSubscriber } from '../src/database/meeting-read-generation.js';
import { FILE_STORE, type FileStore } from '../src/files/file-store.js';
import { SAMPLE } from './support/documents.js';
import { makePdf, uploadDocument } from './support/attachments.js';
import { createMeeting, reportItem } from './support/meetings.js';
import { countStatements, type StatementCount } from './support/statement-count.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

type Answer = {
  venue: string | null;
  committeeName: string;
  version: number;
  agendaItems: {
    id: string;
    version: number;
    title: string;
    summary: string | null;
    isWithheld: boolean;
    documents: {
      title: string;
      content: { kind: string; file?: { sha256: string; checks: unknown } };
    }[];
  }[];
};

const caller = (role: Caller['role']): Caller =>
  role === 'anonymous'
    ? anonymousCaller(null)
    : { role, name: role, portfolioCodes: ['CFSE'], tokenId: null, requestId: null };

describeEachDatabase('GET /api/v1/meetings/:id, kept per generation of the meetings', (kind) => {
  let t: TestApp;
  let meetings: MeetingsService;
  let statements: StatementCount;
  let meeting: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    meetings = t.app.get(MeetingsService);
    statements = await countStatements(t.dataSource);
    meeting = await createMeeting(t, { id: 'kept-meeting', date: '2031-03-04' });
  }, 120_000);
  afterAll(async () => {
    statements?.restore();
    await t?.close();
  });

  const tokenOf = (role: Caller['role']): string | undefined =>
    role === 'anonymous' ? undefined : t.tokens[role];
  const read = async (id = meeting.id, role: Caller['role'] = 'clerk'): Promise<Answer> => {
    const call = t.http().get(`/api/v1/meetings/${id}`);
    const token = tokenOf(role);
    return (await (token === undefined ? call : call.set(bearer(token))).expect(200))
      .body as Answer;
  };
  /** The answer built from the database now, past the kept answers. */
  const fresh = async (id = meeting.id, role: Caller['role'] = 'clerk'): Promise<Answer> =>
    JSON.parse(JSON.stringify(await meetings.get(id, caller(role)))) as Answer;
  /** Reads twice (the second from what is kept) and checks both against the database. */
  const readKept = async (id = meeting.id, role: Caller['role'] = 'clerk'): Promise<Answer> => {
    await read(id, role);
    const kept = await read(id, role);
    expect(kept).toEqual(await fresh(id, role));
    return kept;
  };
  const version = async (): Promise<number> => (await fresh()).version;

  it('answers a repeat with one statement, the token, with the same body, ETag and type', async () => {
    // Anonymous: a caller with a token costs a statement of its own (the token's lookup).
    const path = `/api/v1/meetings/${SAMPLE.stockportMarch2022}`;
    const first = await t.http().get(path).expect(200);
    let second: Awaited<typeof first> | undefined;
    const sent = await statements.during(async () => {
      second = await t.http().get(path);
    });
    expect(sent.sql).toHaveLength(1);
    expect(sent.sql[0]).toContain('data_generations');
    expect(second?.status).toBe(200);
    expect(second?.body).toEqual(first.body);
    expect(second?.body).toEqual(await fresh(SAMPLE.stockportMarch2022, 'anonymous'));
    expect(second?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second?.headers.etag).toBe(`"${(first.body as Answer).version}"`);
    expect(second?.headers.vary).toContain('Authorization');
    await t.http().get(path).set('If-None-Match', String(second?.headers.etag)).expect(304);
  });

  it('sees every write of a row the answer shows: the meeting, its committee, its items and documents', async () => {
    await readKept();
    await t
      .http()
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(await version()))
      .send({ venue: 'Council Chamber' })
      .expect(200);
    expect((await readKept()).venue).toBe('Council Chamber');

    const committee = await t.http().get(`/api/v1/committees/${SAMPLE.committee}`).expect(200);
    const { version: committeeVersion, ...committeeBody } = committee.body as {
      version: number;
      name: string;
    };
    await t
      .http()
      .put(`/api/v1/committees/${SAMPLE.committee}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(committeeVersion))
      .send({ ...committeeBody, name: `${committeeBody.name} (renamed)` })
      .expect(200);
    expect((await readKept()).committeeName).toBe(`${committeeBody.name} (renamed)`);

    const added = await t
      .http()
      .post(`/api/v1/meetings/${meeting.id}/agenda-items`)
      .set(bearer(t.tokens.clerk))
      .send(reportItem({ title: 'Kept answers review' }))
      .expect(201);
    const item = added.body as { id: string; version: number };
    expect((await readKept()).agendaItems.map((i) => i.title)).toEqual(['Kept answers review']);

    await t
      .http()
      .put(`/api/v1/agenda-items/${item.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(item.version))
      .send(reportItem({ title: 'Kept answers reviewed' }))
      .expect(200);
    expect((await readKept()).agendaItems.map((i) => i.title)).toEqual(['Kept answers reviewed']);

    await uploadDocument(t, item.id, {
      file: await makePdf('Kept appendix', 1),
      filename: 'appendix.pdf',
      fields: { title: 'Appendix K', role: 'appendix' },
    }).expect(201);
    const withFile = await readKept();
    const file = withFile.agendaItems[0]?.documents.find((d) => d.title === 'Appendix K')?.content
      .file;
    expect(file?.checks).not.toBeNull();

    // The file's stored facts alone (no document row written): DatabaseFileStore.put marks it.
    const store = t.app.get<FileStore>(FILE_STORE);
    await t.dataSource.transaction(async (manager) => {
      const bytes = await store.get(manager, file?.sha256 ?? '');
      const [facts] = [...(await store.has(manager, [file?.sha256 ?? ''])).values()];
      if (bytes === null || facts === undefined) throw new Error('the upload was not stored');
      await store.put(manager, { ...facts, bytes, checks: null });
    });
    const afterPut = await readKept();
    expect(
      afterPut.agendaItems[0]?.documents.find((d) => d.title === 'Appendix K')?.content.file
        ?.checks,
    ).toBeNull();

    const current = await fresh();
    await t
      .http()
      .delete(`/api/v1/agenda-items/${item.id}`)
      .set(bearer(t.tokens.clerk))
      .set('If-Match', String(current.agendaItems[0]?.version ?? 0))
      .expect(204);
    expect((await readKept()).agendaItems).toEqual([]);
  });

  it('is stale only through the subscriber: without it a write’s answer is not seen (the planted fault)', async () => {
    await readKept();
    const subscribers = t.dataSource.subscribers;
    const at = subscribers.findIndex((s) => s instanceof MeetingReadGenerationSubscriber);
    expect(at).toBeGreaterThanOrEqual(0);
    const [removed] = subscribers.splice(at, 1);
    try {
      await t
        .http()
        .patch(`/api/v1/meetings/${meeting.id}`)
        .set(bearer(t.tokens.clerk))
        .set('If-Match', String(await version()))
        .send({ venue: 'Unseen Room' })
        .expect(200);
      // The kept answer is served: what this suite's other tests check would fail.
      expect((await read()).venue).not.toBe('Unseen Room');
    } finally {
      if (removed !== undefined) subscribers.splice(at, 0, removed);
    }
    // Any write with the subscriber back makes it stale again.
    await t.dataSource.transaction((manager) =>
      manager.update(MeetingEntity, { id: meeting.id }, { venue: 'Seen Room' }),
    );
    expect((await readKept()).venue).toBe('Seen Room');
  });

  it('keeps one answer per class of caller: none sees another’s, in either order', async () => {
    const id = SAMPLE.stockportMarch2022;
    const orders: Caller['role'][][] = [
      ['clerk', 'officer', 'anonymous', 'member'],
      ['anonymous', 'member', 'officer', 'admin'],
    ];
    for (const order of orders) {
      // A write between the rounds: each round starts from nothing kept.
      await t.dataSource.transaction((manager) =>
        manager.increment(MeetingEntity, { id }, 'version', 0),
      );
      for (const role of order) await readKept(id, role);
    }
    // The classes really differ on this meeting: its exempt items are withheld from some.
    const withheld = (answer: Answer): number =>
      answer.agendaItems.filter((i) => i.isWithheld).length;
    expect(withheld(await read(id, 'anonymous'))).toBeGreaterThan(0);
    expect(withheld(await read(id, 'officer'))).toBeGreaterThan(0);
    expect(withheld(await read(id, 'clerk'))).toBe(0);
  });

  it('never keeps an answer holding a write that rolls back', async () => {
    // A committed write first, so no answer is kept under the token the failing write sees.
    await t.dataSource.transaction((manager) =>
      manager.update(MeetingEntity, { id: meeting.id }, { venue: 'Before Room' }),
    );
    const failing = new Error('planted failure');
    let during: Answer | undefined;
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.update(MeetingEntity, { id: meeting.id }, { venue: 'Rolled Back Room' });
        await sleep(50);
        // On SQLite a reader shares the write's connection and sees its uncommitted row.
        during = await read();
        throw failing;
      }),
    ).rejects.toBe(failing);
    if (kind === 'sqlite') expect(during?.venue).toBe('Rolled Back Room');
    else expect(during?.venue).not.toBe('Rolled Back Room');
    const after = await read();
    expect(after.venue).not.toBe('Rolled Back Room');
    expect(after).toEqual(await fresh());
  });
});
