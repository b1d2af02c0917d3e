import { jest } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exemptPassages,
  loadSampleCouncil,
  samplePaperExemptPassages,
} from '@scrutineer/sample-council';
import { AGENDA_PACK_PRESET, buildSyntheticCouncil } from '@scrutineer/sample-council/synthetic';
import { EXIT_CODES } from '../src/cli/cli-error.js';
import { runCli as run } from './run-cli.js';
import { pagesContaining, readPdf } from '../src/testing/read-pdf.js';

// The first render in a jest process loads pdfkit and the fonts: several seconds on a busy machine.
jest.setTimeout(60_000);

describe('scrutineer-pack (in process)', () => {
  let folder: string;
  let councilPath: string;
  // One short mid-year report: enough to print quickly.
  const { dataset, meetingId } = buildSyntheticCouncil({
    ...AGENDA_PACK_PRESET,
    portfolios: 1,
    measuresPerPortfolio: 12,
    paragraphsPerReport: 4,
  });

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scrutineer-cli-'));
    councilPath = join(folder, 'council.json');
    await writeFile(councilPath, JSON.stringify(dataset));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const filesIn = async (): Promise<string[]> => (await readdir(folder)).sort();

  describe('usage', () => {
    it('prints the commands and the exit codes with --help', async () => {
      const result = await run('--help');
      expect(result.code).toBe(EXIT_CODES.ok);
      for (const text of [
        'agenda',
        'minutes',
        'report',
        'sample',
        'Exit codes:',
        'output path cannot be written',
        'nothing is left behind',
      ]) {
        expect(result.stdout).toContain(text);
      }
    });

    it('prints a command’s own options with <command> --help', async () => {
      const result = await run('agenda', '--help');
      expect(result.code).toBe(EXIT_CODES.ok);
      expect(result.stdout).toMatch(
        /--meeting <id>[\s\S]*--edition <edition>[\s\S]*--out <file>[\s\S]*--input <file>[\s\S]*--api <url>/,
      );
    });

    it.each([
      [[], /Usage: scrutineer-pack/],
      [['print'], /unknown command 'print'/],
      [['agenda', '--out', 'x.pdf'], /required option '--meeting <id>' not specified/],
      [
        ['agenda', '--meeting', 'm', '--edition', 'secret', '--out', 'x.pdf'],
        /Allowed choices are public, confidential/,
      ],
      [
        [
          'agenda',
          '--meeting',
          'm',
          '--input',
          'a.json',
          '--api',
          'http://localhost:1',
          '--out',
          'x.pdf',
        ],
        /cannot be used with option '--api <url>'/,
      ],
    ])('exits with the usage code for %j', async (argv, message) => {
      const result = await run(...argv);
      expect(result.code).toBe(EXIT_CODES.usage);
      expect(result.stderr).toMatch(message);
    });

    it('rejects a creation date that is not a date, before writing anything', async () => {
      const out = join(folder, 'pack.pdf');
      const result = await run(
        'agenda',
        '--meeting',
        meetingId,
        '--input',
        councilPath,
        '--creation-date',
        'yesterday',
        '--out',
        out,
      );
      expect(result).toMatchObject({
        code: EXIT_CODES.usage,
        stderr: expect.stringContaining('--creation-date yesterday is not an ISO 8601 date-time'),
      });
      expect(await filesIn()).toEqual(['council.json']);
    });
  });

  describe('agenda --supplement', () => {
    const march = 'stockport-cfsc-2022-03-09';

    it('writes Supplementary Agenda No. N of the sample council, and refuses one that is not there', async () => {
      const out = join(folder, 'supplement.pdf');
      const result = await run('agenda', '--meeting', march, '--supplement', '1', '--out', out);
      expect(result).toMatchObject({ code: EXIT_CODES.ok, stderr: '' });
      expect(result.stdout).toContain(`Wrote ${out} (2 pages)`);
      const pdf = await readPdf(await readFile(out), { readFonts: false });
      expect(pdf.pages[0]).toContain('Supplementary Agenda No. 1');
      expect(pdf.pages[1]).toContain('Appendix – Children Looked After');
      const missing = join(folder, 'missing.pdf');
      const none = await run('agenda', '--meeting', march, '--supplement', '2', '--out', missing);
      expect(none.code).toBe(EXIT_CODES.notFound);
      expect(none.stderr).toContain('has no Supplementary Agenda No. 2');
      expect(await filesIn()).toEqual(['council.json', 'supplement.pdf']);
    });

    it.each(['0', '-1', '1.5', 'one'])(
      'exits with the usage code for --supplement %s',
      async (n) => {
        const result = await run('agenda', '--meeting', march, '--supplement', n, '--out', 'x.pdf');
        expect(result.code).toBe(EXIT_CODES.usage);
        expect(result.stderr).toContain('a supplementary agenda is numbered 1, 2');
      },
    );

    it('documents the option in the help', async () => {
      expect((await run('agenda', '--help')).stdout).toMatch(/--supplement <n>/);
      expect((await run('--help')).stdout).toContain('agenda --supplement N');
    });
  });

  describe('agenda', () => {
    it('writes the pack from a data file and says where and how many pages', async () => {
      const out = join(folder, 'pack.pdf');
      const result = await run(
        'agenda',
        '--meeting',
        meetingId,
        '--edition',
        'public',
        '--input',
        councilPath,
        '--out',
        out,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(EXIT_CODES.ok);
      const pdf = await readPdf(await readFile(out), { readFonts: false });
      expect(result.stdout).toBe(`Wrote ${out} (${pdf.pageCount} pages)\n`);
      expect(pdf.pages.join('\n')).toContain('Benchmark Scrutiny Committee');
      expect(pdf.pages.join('\n')).toContain('Portfolio 1 Performance and Resource Report');
      expect(await filesIn()).toEqual(['council.json', 'pack.pdf']);
    });

    it('gives a byte-identical file for the same data and creation date', async () => {
      const args = [
        'agenda',
        '--meeting',
        meetingId,
        '--input',
        councilPath,
        '--creation-date',
        '2021-11-05T09:00:00Z',
      ];
      expect((await run(...args, '--out', join(folder, 'a.pdf'))).code).toBe(EXIT_CODES.ok);
      expect((await run(...args, '--out', join(folder, 'b.pdf'))).code).toBe(EXIT_CODES.ok);
      expect(await readFile(join(folder, 'a.pdf'))).toEqual(await readFile(join(folder, 'b.pdf')));
    });

    it('names the meetings it knows when the meeting is unknown, and writes nothing', async () => {
      const result = await run(
        'agenda',
        '--meeting',
        'no-such-meeting',
        '--input',
        councilPath,
        '--out',
        join(folder, 'pack.pdf'),
      );
      expect(result.code).toBe(EXIT_CODES.notFound);
      expect(result.stderr).toContain(`No meeting "no-such-meeting" in ${councilPath}.`);
      expect(result.stderr).toContain(`${meetingId} (Benchmark Scrutiny Committee 1, 2021-11-15)`);
      expect(await filesIn()).toEqual(['council.json']);
    });

    it('refuses an output folder that does not exist', async () => {
      const out = join(folder, 'missing', 'pack.pdf');
      const result = await run(
        'agenda',
        '--meeting',
        meetingId,
        '--input',
        councilPath,
        '--out',
        out,
      );
      expect(result.code).toBe(EXIT_CODES.unwritable);
      expect(result.stderr).toContain(
        `Cannot write ${out}: the folder ${join(folder, 'missing')} does not exist.`,
      );
      expect(await filesIn()).toEqual(['council.json']);
    });

    it('refuses an output path that is a folder', async () => {
      const result = await run(
        'agenda',
        '--meeting',
        meetingId,
        '--input',
        councilPath,
        '--out',
        folder,
      );
      expect(result.code).toBe(EXIT_CODES.unwritable);
      expect(result.stderr).toContain('it is a folder');
    });
  });

  describe('bad input files', () => {
    const agendaFrom = (input: string) =>
      run('agenda', '--meeting', meetingId, '--input', input, '--out', join(folder, 'pack.pdf'));

    it('says when the file cannot be read', async () => {
      const result = await agendaFrom(join(folder, 'missing.json'));
      expect(result.code).toBe(EXIT_CODES.badInput);
      expect(result.stderr).toContain(
        `Cannot read ${join(folder, 'missing.json')}: no such file or folder.`,
      );
    });

    it('says when the file is not JSON', async () => {
      await writeFile(councilPath, '{ "schemaVersion": 1, ');
      const result = await agendaFrom(councilPath);
      expect(result.code).toBe(EXIT_CODES.badInput);
      expect(result.stderr).toContain(`${councilPath} is not valid JSON:`);
      expect(await filesIn()).toEqual(['council.json']);
    });

    it('prints every problem of an invalid data set with its JSON path', async () => {
      const [meeting] = dataset.meetings;
      const broken = {
        ...dataset,
        meetings: [{ ...meeting, meeting: { ...meeting?.meeting, date: '15/11/2021', venue: 7 } }],
      };
      await writeFile(councilPath, JSON.stringify(broken));
      const result = await agendaFrom(councilPath);
      expect(result.code).toBe(EXIT_CODES.badInput);
      expect(result.stderr).toMatch(/is not a valid council data set \(\d+ problems?\):/);
      expect(result.stderr).toContain('$.meetings[0].meeting.date');
      expect(result.stderr).toContain('$.meetings[0].meeting.venue');
      expect(await filesIn()).toEqual(['council.json']);
    });

    it('explains that a single meeting document is not enough', async () => {
      await writeFile(councilPath, JSON.stringify(dataset.meetings[0]));
      const result = await agendaFrom(councilPath);
      expect(result.code).toBe(EXIT_CODES.badInput);
      expect(result.stderr).toContain(
        'holds a single MeetingDocument; scrutineer-pack needs a CouncilDataset',
      );
    });
  });

  describe('minutes and report', () => {
    it('says when the meeting has no minutes yet', async () => {
      const result = await run(
        'minutes',
        '--meeting',
        meetingId,
        '--input',
        councilPath,
        '--out',
        join(folder, 'm.pdf'),
      );
      expect(result.code).toBe(EXIT_CODES.notFound);
      expect(result.stderr).toContain(`Meeting "${meetingId}" (2021-11-15) has no minutes yet.`);
      expect(await filesIn()).toEqual(['council.json']);
    });

    it('writes a performance report on its own', async () => {
      const out = join(folder, 'pprr.pdf');
      const result = await run(
        'report',
        '--report',
        'PAAA-2021-mid-year',
        '--input',
        councilPath,
        '--out',
        out,
      );
      expect(result.code).toBe(EXIT_CODES.ok);
      const pdf = await readPdf(await readFile(out), { readFonts: false });
      expect(pdf.pages.join(' ').replace(/\s+/g, ' ')).toContain(
        'Portfolio 1 Performance and Resource Report',
      );
    });

    it('names the reports it knows when the report is unknown', async () => {
      const result = await run(
        'report',
        '--report',
        'nope',
        '--input',
        councilPath,
        '--out',
        join(folder, 'r.pdf'),
      );
      expect(result.code).toBe(EXIT_CODES.notFound);
      expect(result.stderr).toContain('No performance report "nope"');
      expect(result.stderr).toContain(
        'PAAA-2021-mid-year (Portfolio 1 Performance and Resource Report: Mid-Year 2021/22)',
      );
    });
  });

  describe('sample', () => {
    it('writes the sample council’s packs, PPRR and minutes and says where they are', async () => {
      const outDir = join(folder, 'out');
      const result = await run('sample', '--out-dir', outDir);
      // The Word report on Stockport's item 6 is converted and drawn: nothing to warn of.
      expect(result.stderr).toBe('');
      expect(result.code).toBe(EXIT_CODES.ok);
      const expected = [
        'flintshire-2022-01-13-agenda-confidential.pdf',
        'flintshire-2022-01-13-agenda-public.pdf',
        'flintshire-2022-01-13-minutes.pdf',
        'pprr-stockport-cfse-2021-22-q3.pdf',
        'stockport-2022-03-09-agenda-confidential.pdf',
        'stockport-2022-03-09-agenda-public.pdf',
        'stockport-2022-03-09-minutes.pdf',
        'stockport-2022-03-09-supplement-1-public.pdf',
        'west-sussex-2021-11-17-minutes.pdf',
      ];
      expect((await readdir(outDir)).sort()).toEqual(expected);
      expect(result.stdout).toContain(`The sample council's documents are in ${outDir}\n`);
      for (const name of expected) expect(result.stdout).toContain(`Wrote ${join(outDir, name)} (`);
      const secrets = exemptPassages(loadSampleCouncil());
      const read = async (name: string) =>
        readPdf(await readFile(join(outDir, name)), { readFonts: false });
      const flat = (pages: readonly string[]) => pages.join(' ').replace(/\s+/g, ' ');
      // England's pack and Wales's withhold their exempt items alike.
      for (const [prefix, notice] of [
        ['stockport-2022-03-09', 'paragraph 3 of Part 1 of Schedule 12A'],
        ['flintshire-2022-01-13', 'paragraph 14 of Part 4 of Schedule 12A'],
      ] as const) {
        const publicPack = await read(`${prefix}-agenda-public.pdf`);
        const confidentialPack = await read(`${prefix}-agenda-confidential.pdf`);
        const printed = secrets.filter((secret) =>
          flat(confidentialPack.pages).includes(secret.slice(0, 40)),
        );
        expect(printed.length).toBeGreaterThan(0);
        for (const secret of printed)
          expect(flat(publicPack.pages)).not.toContain(secret.slice(0, 40));
        expect(flat(publicPack.pages)).toContain(notice);
      }
      // Stockport's item 6 carries the sample papers: the tagged and the untagged appendix merged
      // after the item's own pages; the exempt appendix only in the confidential pack.
      const stockportPublic = await read('stockport-2022-03-09-agenda-public.pdf');
      const stockportConfidential = await read('stockport-2022-03-09-agenda-confidential.pdf');
      const item6 = pagesContaining(
        stockportPublic,
        '6. Children’s Placement Sufficiency Strategy',
      );
      for (const text of [
        'The number of children looked after by the Council has grown each year',
        'Sixty-two foster carers, young people and partners answered the consultation.',
      ]) {
        const pages = pagesContaining(stockportPublic, text);
        expect(pages).toHaveLength(1);
        expect(pages[0]).toBeGreaterThan(Math.max(...item6));
      }
      const paperSecrets = samplePaperExemptPassages();
      for (const secret of paperSecrets) {
        expect(flat(stockportPublic.pages)).not.toContain(secret);
        expect(flat(stockportConfidential.pages)).toContain(secret);
      }
      // Stockport's late appendix, in the supplement the sample published.
      const supplement = await read('stockport-2022-03-09-supplement-1-public.pdf');
      expect(flat(supplement.pages)).toContain('Supplementary Agenda No. 1');
      expect(flat(supplement.pages)).toContain(
        'Late paper: Appendix – Children Looked After: Placements at 28 February 2022, published in Supplementary Agenda No. 1.',
      );
      expect(flat(stockportPublic.pages)).toContain('published in Supplementary Agenda No. 1.');
      const westSussex = await read('west-sussex-2021-11-17-minutes.pdf');
      expect(flat(westSussex.pages)).toContain('33.1');
      // Wales's minutes: the exclusion in Part 4's words, the exempt minute withheld.
      const welsh = flat((await read('flintshire-2022-01-13-minutes.pdf')).pages);
      expect(welsh).toContain('by virtue of paragraph 14 of Part 4 of Schedule 12A');
      expect(welsh).toContain('This item was considered in private.');
      expect(secrets.filter((secret) => welsh.includes(secret.slice(0, 40)))).toEqual([]);
    });

    it('says when the output folder cannot be made', async () => {
      await writeFile(join(folder, 'taken'), 'a file');
      const result = await run('sample', '--out-dir', join(folder, 'taken', 'out'));
      expect(result.code).toBe(EXIT_CODES.unwritable);
      expect(result.stderr).toContain(
        `Cannot create ${join(folder, 'taken', 'out')}: a part of the path is not a folder.`,
      );
    });
  });
});
