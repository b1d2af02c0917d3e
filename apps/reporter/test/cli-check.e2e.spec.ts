import { jest } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  type CouncilDataset,
  type Instant,
  MeetingPublicationCheck,
  type MeetingDocument,
  problemsOf,
} from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { EXIT_CODES } from '../src/cli/cli-error.js';
import { runCheck } from '../src/cli/check-command.js';
import { runCli as run } from './run-cli.js';

// The first layout in a jest process loads pdfkit and the fonts.
jest.setTimeout(60_000);

const MARCH = sampleIds.stockportMarch2022;
const sample = loadSampleCouncil();

/** The sample with the March meeting changed by `change`. */
const withMarch = (change: (document: MeetingDocument) => MeetingDocument): CouncilDataset => ({
  ...sample,
  meetings: sample.meetings.map((document) =>
    document.meeting.id === MARCH ? change(document) : document,
  ),
});

const unpublished = (document: MeetingDocument): MeetingDocument => ({
  ...document,
  meeting: { ...document.meeting, status: 'scheduled', agendaPublishedAt: null },
  minutes: null,
});

/** The exempt item 9 stays; the exclusion-of-the-public item before it goes. */
const withoutExclusion = (document: MeetingDocument): MeetingDocument => ({
  ...unpublished(document),
  agendaItems: document.agendaItems
    .filter((item) => item.kind !== 'exclusion-of-public')
    .map((item, index) => ({ ...item, order: index + 1 })),
});
/** A day that leaves five clear days before the meeting on Wednesday 9 March 2022. */
const ON_TIME = '2022-02-28T09:00:00Z';

describe('scrutineer-pack check', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scrutineer-check-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lists each finding for a person, with where it is, and exits 0 when there are only warnings', async () => {
    const result = await run('check', '--meeting', MARCH, '--at', ON_TIME);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.stdout).toContain(
      'Pre-publication check of Children & Families Scrutiny Committee, Wednesday 9 March 2022 (confidential edition)',
    );
    expect(result.stdout).toContain(
      'WARNING item 5, CFSE12(ii) [MEASURE.NO_NEW_FIGURE] at $.agendaItems[4].documents[0]',
    );
    expect(result.stdout).toContain('0 errors, 1 warning:');
    expect(result.stdout).toContain('Can be published; the warnings are worth fixing first.');
  });

  it('warns of late publication for an agenda not yet published, judged at --at', async () => {
    const path = join(folder, 'unpublished.json');
    await writeFile(path, JSON.stringify(withMarch(unpublished)));
    const late = await run(
      'check',
      '--meeting',
      MARCH,
      '--input',
      path,
      '--at',
      '2022-03-07T09:00:00Z',
    );
    expect(late.code).toBe(EXIT_CODES.ok);
    expect(late.stdout).toContain(
      'WARNING meeting [PUBLICATION.LATE] at $.meeting.agendaPublishedAt',
    );
    expect(late.stdout).toContain('five are required, so it was late');
    const onTime = await run('check', '--meeting', MARCH, '--input', path, '--at', ON_TIME);
    expect(onTime.stdout).not.toContain('PUBLICATION.LATE');
  });

  it('prints the API’s MeetingPublicationCheck with --json, from a data file, in the edition asked for', async () => {
    const path = join(folder, 'council.json');
    await writeFile(path, JSON.stringify(sample));
    const result = await run(
      'check',
      '--meeting',
      MARCH,
      '--input',
      path,
      '--edition',
      'public',
      '--at',
      ON_TIME,
      '--json',
    );
    expect(result.code).toBe(EXIT_CODES.ok);
    const check: unknown = JSON.parse(result.stdout);
    expect(problemsOf(MeetingPublicationCheck, check)).toEqual([]);
    expect(check).toMatchObject({
      meetingId: MARCH,
      edition: 'public',
      canPublish: true,
      errorCount: 0,
      warningCount: 1,
    });
  });

  it('exits 7 and lists the errors when the agenda cannot be published', () => {
    // A data file cannot hold this agenda (import validation refuses an exempt item with no
    // exclusion item, exit 3), but an API can, built item by item: the check's own exit code is
    // tested here on the data, and through --api in apps/api/test/publication-check.e2e.spec.ts.
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = runCheck(
      { stdout: Object.assign(stdout, { isTTY: false }), stderr: new PassThrough() },
      withMarch(withoutExclusion),
      MARCH,
      { edition: 'confidential', at: ON_TIME as Instant, json: false },
    );
    expect(code).toBe(EXIT_CODES.notReady);
    expect(text).toContain('1 error, 1 warning:');
    expect(text).toContain(
      'ERROR   item 9 [AGENDA.NO_EXCLUSION_ITEM] at $.agendaItems[7].exemption',
    );
    expect(text).toContain('Not ready to publish: the errors must be fixed first.');
  });

  it('refuses such a data file as invalid data (exit 3), naming the rule', async () => {
    const path = join(folder, 'bad.json');
    await writeFile(path, JSON.stringify(withMarch(withoutExclusion)));
    const result = await run('check', '--meeting', MARCH, '--input', path, '--at', ON_TIME);
    expect(result.code).toBe(EXIT_CODES.badInput);
    expect(result.stderr).toContain('no exclusion-of-the-public item');
  });

  it('refuses an --at that is not a date-time', async () => {
    const result = await run('check', '--meeting', MARCH, '--at', 'next Tuesday');
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain('--at next Tuesday is not an ISO 8601 date-time');
  });

  it('says which meetings there are for an unknown one', async () => {
    const result = await run('check', '--meeting', 'nope');
    expect(result.code).toBe(EXIT_CODES.notFound);
  });
});
