import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { MinuteInput, problemsOf } from '@scrutineer/domain';
import { SAMPLE } from './support/documents.js';
import { bearer, createTestApp, describeEachDatabase, type TestApp } from './support/test-app.js';

/** A small seeded generator (mulberry32), so a failure names the seed that made it. */
const random = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T;
  return { next, int, pick };
};

/** Text at the edges: empty, one character, at and past the limit, other scripts, emoji, quotes (and, rarely, NUL). */
const PIECES = ['a', 'é', 'Ł', '—', '’', '"', "'", '\\', '<b>', '😀', '中', ' ', '\n', '\t'];

describeEachDatabase('minutes: any body the schema accepts is stored as sent', (kind) => {
  let t: TestApp;
  const meetingId = 'cfsc-2031-02-03';
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t
      .http()
      .post('/api/v1/meetings')
      .set(bearer(t.tokens.clerk))
      .send({ id: meetingId, committeeId: SAMPLE.committee, date: '2031-02-03' })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 201 and reads back the same minute, or 400 naming the field, never 500', async () => {
    const clerk = bearer(t.tokens.clerk);
    const outcomes = { created: 0, refused: 0 };
    for (let seed = 1; seed <= 60; seed += 1) {
      const r = random(seed);
      /** Mostly what the schema accepts; now and then just past it (`rarely`). */
      const rarely = (): boolean => r.next() < 0.01;
      const text = (max: number, min = 0): string => {
        const length = rarely()
          ? r.pick([max + 1, Math.max(0, min - 1)])
          : r.pick([min, min + 1, max, r.int(min, Math.min(max, 40))]);
        const made = Array.from({ length }, () => r.pick(PIECES)).join('');
        return made !== '' && rarely() ? `${made.slice(1)}\u0000` : made;
      };
      const nullable = <T>(value: () => T): T | null => (r.next() < 0.3 ? null : value());
      const person = () => ({ name: text(200, 1), memberId: nullable(() => text(64, 1)) });
      const count = () =>
        r.next() < 0.2
          ? { kind: 'unknown', reason: text(50, 1) }
          : { for: r.int(0, 60), against: r.int(0, 60), abstain: rarely() ? -1 : r.int(0, 60) };
      const number = rarely()
        ? r.pick([1_000_000, 2_147_483_648])
        : r.pick([1, r.int(1, 500), 999_999]);
      const refText = `${r.pick(['', 'OS.', 'C/', 'Min '])}${number}`;
      const body = {
        ref: { text: refText, sequence: number },
        agendaItemNumber: nullable(() => text(10, 1)),
        takenOrder: rarely() ? r.pick([0, 2_147_483_648]) : r.pick([1, r.int(1, 30), 999_999]),
        title: text(300, 1),
        blocks: Array.from({ length: r.int(0, 3) }, () =>
          r.next() < 0.5
            ? {
                kind: 'paragraph',
                ref: nullable(() => text(20)),
                text: text(2000),
                comments: [
                  { topic: nullable(() => text(300)), point: text(200, 1), response: null },
                ],
              }
            : { kind: 'comment-group', heading: nullable(() => text(300)), comments: [] },
        ),
        motions: Array.from({ length: r.int(0, 2) }, () => ({
          text: text(500, 1),
          proposer: nullable(person),
          seconder: nullable(person),
          vote: r.pick([
            null,
            { kind: 'unanimous' },
            { kind: 'show-of-hands', count: count() },
            { kind: 'secret-ballot', count: count() },
            { kind: 'recorded', votes: [{ member: person(), cast: r.pick(['for', 'against']) }] },
          ]),
          outcome: r.pick(['carried', 'lost', 'withdrawn', 'not-recorded']),
        })),
        elections: [],
        actions: Array.from({ length: r.int(0, 2) }, () => ({
          text: text(300, 1),
          owner: nullable(() => text(300, 1)),
          due: nullable(() =>
            rarely() ? '2031-02-29' : r.pick(['2031-02-28', '0001-01-01', '9999-12-31']),
          ),
          status: r.pick(['open', 'in-progress', 'done', 'dropped']),
        })),
        resolution: r.pick([
          null,
          { kind: 'single', text: text(400, 1) },
          {
            kind: 'list',
            style: r.pick(['lettered', 'roman', 'numbered', 'bulleted']),
            lead: nullable(() => text(100)),
            points: [{ label: text(20), text: text(100, 1) }],
          },
        ]),
        previousMinutes: nullable(() => ({
          meetingDate: nullable(() => '2031-01-06'),
          amendments: [{ minuteRef: text(30), text: text(100, 1) }],
        })),
        exemption: nullable(() => ({ paragraph: rarely() ? 8 : r.int(1, 7) })),
      };
      const accepted = problemsOf(MinuteInput, body).length === 0;
      const response = await t
        .http()
        .post(`/api/v1/meetings/${meetingId}/minutes`)
        .set(clerk)
        .send(body);
      const said = `seed ${seed}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
      expect([said, response.status < 500]).toEqual([said, true]);
      if (!accepted) {
        expect([said, response.status]).toEqual([said, 400]);
        outcomes.refused += 1;
        continue;
      }
      expect([said, response.status]).toEqual([said, 201]);
      outcomes.created += 1;
      const read = await t.http().get(`/api/v1/minutes/${response.body.id}`).set(clerk).expect(200);
      expect(read.body).toMatchObject(body);
    }
    // The generator reaches both sides of the schema.
    expect(outcomes.created).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(3);
  });
});
