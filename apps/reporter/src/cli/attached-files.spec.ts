// `scrutineer-pack agenda --input DIR/council.json` with attached files beside the data set in
// DIR/files/<sha256>.pdf|.docx (issue 12, item 8): merged into the pack after their item (parsed
// back), and a missing or altered file is a clear error with exit code 3, never a stack trace.
import { jest } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CouncilDataset, ItemDocument } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { sha256, untaggedPdf, withAttachedFiles } from '../fixtures/attachments.fixture.js';
import { makeDocxReport } from '../testing/docx-fixture.js';
import { pagesContaining, readPdf } from '../testing/read-pdf.js';
import { runCli } from '../../test/run-cli.js';
import { attachedFileName } from './attached-files.js';
import { CliError, EXIT_CODES } from './cli-error.js';
import { loadSampleCouncilWithPapers } from './sample-command.js';

jest.setTimeout(60_000);

const MARCH = sampleIds.stockportMarch2022;
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('attached files beside the data set', () => {
  let folder: string;
  let councilPath: string;
  let appendixA: Uint8Array;
  let appendixB: Uint8Array;
  let dataset: CouncilDataset;
  const out = () => join(folder, 'pack.pdf');
  const pathOf = (bytes: Uint8Array, mediaType = 'application/pdf' as const) =>
    join(folder, 'files', attachedFileName({ sha256: sha256(bytes), mediaType }));

  beforeAll(async () => {
    appendixA = await untaggedPdf('Appendix A marker', 3, { title: 'Appendix A' });
    appendixB = await untaggedPdf('Appendix B marker', 2, { title: 'Appendix B' });
    dataset = await withAttachedFiles(loadSampleCouncil(), MARCH, [
      {
        itemNumber: '6',
        fixtures: [
          { title: 'Appendix A – Needs Analysis', bytes: appendixA },
          { title: 'Appendix B – Consultation', bytes: appendixB },
        ],
      },
    ]);
  });

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scrutineer-files-'));
    councilPath = join(folder, 'council.json');
    await writeFile(councilPath, JSON.stringify(dataset));
    await mkdir(join(folder, 'files'));
    await writeFile(pathOf(appendixA), appendixA);
    await writeFile(pathOf(appendixB), appendixB);
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const agenda = (...extra: string[]) =>
    runCli('agenda', '--meeting', MARCH, '--input', councilPath, '--out', out(), ...extra);

  it('merges the attached PDFs after their item, their pages counted with the pack', async () => {
    const result = await agenda();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT_CODES.ok);
    const pdf = await readPdf(await readFile(out()), { readFonts: false });
    expect(result.stdout).toContain(`(${pdf.pages.length} pages)`);
    // The same pack without the files' documents is five pages shorter, less the notices' room.
    const without = join(folder, 'without.json');
    await writeFile(without, JSON.stringify(loadSampleCouncil()));
    const plain = join(folder, 'plain.pdf');
    expect(
      (await runCli('agenda', '--meeting', MARCH, '--input', without, '--out', plain)).code,
    ).toBe(EXIT_CODES.ok);
    const plainPages = (await readPdf(await readFile(plain), { readFonts: false })).pages.length;
    expect(pdf.pages.length).toBe(plainPages + 5);
    // Each attached page in order, right after item 6's own pages and before item 7.
    const item6 = pagesContaining(pdf, '6. Children’s Placement Sufficiency Strategy');
    const item7 = pagesContaining(pdf, '7. Scrutiny Work Programme');
    const attached = [1, 2, 3]
      .map((n) => pagesContaining(pdf, `Appendix A marker page ${n}`))
      .concat([1, 2].map((n) => pagesContaining(pdf, `Appendix B marker page ${n}`)));
    const first = Math.max(...item6);
    expect(attached).toEqual([1, 2, 3, 4, 5].map((n) => [first + n]));
    expect(item7.at(-1)).toBe(first + 6);
    // Numbered with the rest of the pack; "Agenda Item 6" is on the item's first page, not here.
    expect(pdf.pages[first]).toContain(`Page ${first + 1}`);
    expect(pdf.pages[first]).not.toContain('Agenda Item 6');
    expect(result.stdout).toContain('Wrote');
  });

  it('says which file is missing and which document names it (exit 3, nothing written)', async () => {
    await rm(pathOf(appendixB));
    const result = await agenda();
    expect(result.code).toBe(EXIT_CODES.badInput);
    expect(result.stderr).toContain(
      `scrutineer-pack: Cannot read the attached file ${pathOf(appendixB)}: no such file or folder.`,
    );
    expect(result.stderr).toContain(
      `"Appendix B – Consultation" (item 6 of meeting ${MARCH}) names Appendix B – Consultation.pdf`,
    );
    expect(result.stderr).toContain(`${join(folder, 'files')}/<sha256>.pdf or .docx`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    await expect(stat(out())).rejects.toThrow();
  });

  it('refuses a file whose bytes are not the ones the data set names (exit 3)', async () => {
    const altered = Buffer.from(appendixA);
    altered[altered.length - 10] = (altered[altered.length - 10] ?? 0) ^ 0xff;
    await writeFile(pathOf(appendixA), altered);
    const result = await agenda();
    expect(result.code).toBe(EXIT_CODES.badInput);
    expect(result.stderr).toContain(
      `scrutineer-pack: The attached file ${pathOf(appendixA)} is not the file ${councilPath} names: it has ${altered.byteLength} bytes and SHA-256 ${sha256(altered)}, the data set says ${appendixA.byteLength} bytes and SHA-256 ${sha256(appendixA)}.`,
    );
    expect(result.stderr).toContain('"Appendix A – Needs Analysis" (item 6 of meeting');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    await expect(stat(out())).rejects.toThrow();
    // A file cut short is refused the same way, before the merge reads it.
    await writeFile(pathOf(appendixA), appendixA.subarray(0, 100));
    const short = await agenda();
    expect(short.code).toBe(EXIT_CODES.badInput);
    expect(short.stderr).toContain('has 100 bytes');
  });

  it('draws a Word attachment read from beside the data set in the pack', async () => {
    const docx = await makeDocxReport({ clean: true });
    const word: ItemDocument = {
      title: 'Director’s report (Word)',
      role: 'report',
      exemption: null,
      content: {
        kind: 'file',
        file: {
          sha256: sha256(docx),
          mediaType: WORD,
          byteLength: docx.byteLength,
          fileName: 'report.docx',
        },
      },
    };
    const withWord: CouncilDataset = {
      ...dataset,
      meetings: dataset.meetings.map((document) =>
        document.meeting.id !== MARCH
          ? document
          : {
              ...document,
              agendaItems: document.agendaItems.map((item) =>
                item.number === '6' ? { ...item, documents: [...item.documents, word] } : item,
              ),
            },
      ),
    };
    await writeFile(councilPath, JSON.stringify(withWord));
    await writeFile(
      join(folder, 'files', attachedFileName({ sha256: sha256(docx), mediaType: WORD })),
      docx,
    );
    const result = await agenda();
    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.stderr).toBe('');
    const pdf = await readPdf(await readFile(out()), { readFonts: false });
    expect(pagesContaining(pdf, 'Appendix A marker page 1')).toHaveLength(1);
    // Converted and drawn in the pack's flow, not a notice naming its file.
    expect(pagesContaining(pdf, 'report.docx')).toHaveLength(0);
    expect(pagesContaining(pdf, 'Purpose of the report').length).toBeGreaterThan(0);
  });

  it('says where the files are read from in --help', async () => {
    const help = await runCli('--help');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'the CLI reads its bytes from DIR/files/<sha256>.pdf or DIR/files/<sha256>.docx',
    );
  });

  it('says the sample papers are not built, rather than failing on a missing file', async () => {
    const missing = join(folder, 'nowhere', 'sample-council.json');
    const error = await loadSampleCouncilWithPapers(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT_CODES.failure);
    expect((error as CliError).message).toBe(
      `The sample council's papers are not built (${missing} is missing): run \`npm run build -w @scrutineer/reporter\` first.`,
    );
  });
});
