/**
 * `npm run bench:attachments -w @scrutineer/reporter`: the issue 12 aim for merged packs. A
 * synthetic agenda pack (AGENDA_PACK_PRESET of @scrutineer/sample-council/synthetic, `--items`
 * report items) is rendered twice, each run in a fresh process: as it is, and with one attached
 * PDF on every report item, merged in (`renderAgendaPack` with `attachedFiles`: draw with reserved
 * pages, then `mergeAttachments`). The attachment is a tagged PDF our reporter drew (a
 * one-portfolio synthetic pack cut to `--pages` measures-table pages), so every merge grafts a
 * structure tree. Prints both times, their ratio and peak RSS.
 *
 * Options: --items 20 --runs 3 (the fastest run is reported, with the least CPU time and the
 * highest peak RSS of the runs) --keep
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { AgendaItem, CouncilDataset } from '@scrutineer/domain';

type Result = {
  pages: number;
  ms: number;
  /** CPU time of the process over the same span (user + system, all threads): steadier than
   * wall time on a shared machine, where the other processes' load stretches the wall time. */
  cpuMs: number;
  peakRssMb: number;
  attachedPages?: number;
};

const CREATION_DATE = new Date(Date.UTC(2021, 10, 15, 9, 0, 0));
const megabytes = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const option = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
};

const synthetic = async (portfolios: number, measures?: number) => {
  const { AGENDA_PACK_PRESET, buildSyntheticCouncil } =
    await import('@scrutineer/sample-council/synthetic');
  return buildSyntheticCouncil({
    ...AGENDA_PACK_PRESET,
    portfolios,
    ...(measures === undefined ? {} : { measuresPerPortfolio: measures }),
  });
};

/** A tagged PDF of about `pages` pages drawn by the reporter (a one-portfolio pack). */
const makeAttachment = async (pages: number, path: string): Promise<number> => {
  const { renderAgendaPack } = await import('@scrutineer/reporter');
  const { PDFDocument } = await import('pdf-lib');
  // Measures rows set the length: search for the count that gives `pages` pages.
  for (let measures = 20; measures <= 400; measures += 5) {
    const { dataset, meetingId } = await synthetic(1, measures);
    const out = createWriteStream(path);
    await renderAgendaPack(dataset, meetingId, 'public', out, { creationDate: CREATION_DATE });
    await finished(out);
    const count = (await PDFDocument.load(readFileSync(path))).getPageCount();
    if (count >= pages) return count;
  }
  throw new Error(`no synthetic pack reaches ${pages} pages`);
};

const withAttachments = (
  dataset: CouncilDataset,
  meetingId: string,
  bytes: Uint8Array,
  pageCount: number,
): CouncilDataset => {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    ...dataset,
    meetings: dataset.meetings.map((document) =>
      document.meeting.id !== meetingId
        ? document
        : {
            ...document,
            agendaItems: document.agendaItems.map((item): AgendaItem =>
              item.kind !== 'report' || item.documents.length === 0
                ? item
                : {
                    ...item,
                    documents: [
                      ...item.documents,
                      {
                        title: `Appendix: supporting report for item ${item.number}`,
                        role: 'appendix',
                        exemption: null,
                        content: {
                          kind: 'file',
                          file: {
                            sha256,
                            mediaType: 'application/pdf',
                            byteLength: bytes.byteLength,
                            fileName: 'appendix.pdf',
                            pageCount,
                          },
                        },
                      },
                    ],
                  },
            ),
          },
    ),
  };
};

/** One measurement in this process: `child plain|merged <items> <out.pdf> [attachment.pdf pages]`. */
const child = async (): Promise<Result> => {
  const [, , , mode, items, outPath, attachmentPath, attachmentPages] = process.argv;
  const { renderAgendaPack } = await import('@scrutineer/reporter');
  const { dataset, meetingId } = await synthetic(Number(items));
  const bytes = attachmentPath ? new Uint8Array(readFileSync(attachmentPath)) : new Uint8Array();
  const data =
    mode === 'merged'
      ? withAttachments(dataset, meetingId, bytes, Number(attachmentPages))
      : dataset;
  let attachedPages = 0;
  const out = createWriteStream(outPath as string);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const summary = await renderAgendaPack(data, meetingId, 'public', out, {
    creationDate: CREATION_DATE,
    ...(mode === 'merged'
      ? {
          attachedFiles: {
            // A fresh copy each time, as a database read gives.
            load: () => {
              attachedPages += Number(attachmentPages);
              return new Uint8Array(bytes);
            },
          },
        }
      : {}),
  });
  await finished(out);
  const cpu = process.cpuUsage(cpuStart);
  return {
    pages: summary.pages,
    ms: performance.now() - start,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024),
    attachedPages,
  };
};

const runChild = async (args: readonly string[]): Promise<Result> => {
  const self = fileURLToPath(import.meta.url);
  // The heap limit of the render threads that draw and merge packs in the API (ADR015).
  const { RENDER_THREAD_MAX_OLD_GENERATION_MB } = await import('@scrutineer/reporter/jobs');
  const heap = `--max-old-space-size=${RENDER_THREAD_MAX_OLD_GENERATION_MB}`;
  const result = spawnSync(process.execPath, ['--expose-gc', heap, self, 'child', ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`bench child failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Result;
};

const fastest = (results: readonly Result[]): Result => {
  const best = [...results].sort((a, b) => a.ms - b.ms)[0] as Result;
  return {
    ...best,
    cpuMs: Math.min(...results.map((result) => result.cpuMs)),
    peakRssMb: Math.max(...results.map((result) => result.peakRssMb)),
  };
};

const main = async (): Promise<void> => {
  const items = Number(option('--items', '20'));
  const pages = Number(option('--pages', '15'));
  const runs = Number(option('--runs', '3'));
  const folder = mkdtempSync(join(tmpdir(), 'scrutineer-bench-attachments-'));
  process.stderr.write(
    `load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(
        ' ',
      )}; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; files in ${folder}\n`,
  );
  try {
    const attachment = join(folder, 'attachment.pdf');
    const attachmentPages = await makeAttachment(pages, attachment);
    const plain: Result[] = [];
    const merged: Result[] = [];
    for (let run = 0; run < runs; run += 1) {
      plain.push(await runChild(['plain', String(items), join(folder, 'plain.pdf')]));
      merged.push(
        await runChild([
          'merged',
          String(items),
          join(folder, 'merged.pdf'),
          attachment,
          String(attachmentPages),
        ]),
      );
    }
    const a = fastest(plain);
    const b = fastest(merged);
    const lines = [
      `${items} report items; each merged run attaches a ${attachmentPages}-page tagged PDF to each (${b.attachedPages} attached pages)`,
      '| pack | pages | time | CPU time | peak RSS |',
      '|---|---:|---:|---:|---:|',
      `| as drawn | ${a.pages} | ${(a.ms / 1000).toFixed(2)} s | ${(a.cpuMs / 1000).toFixed(2)} s | ${a.peakRssMb} MB |`,
      `| with attachments merged | ${b.pages} | ${(b.ms / 1000).toFixed(2)} s | ${(b.cpuMs / 1000).toFixed(2)} s | ${b.peakRssMb} MB |`,
      `ratio ${(b.ms / a.ms).toFixed(2)}× (aim < 2×; CPU time ${(b.cpuMs / a.cpuMs).toFixed(2)}×), peak RSS ${b.peakRssMb} MB (aim < 300 MB); fastest of ${runs}, load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')} at the end`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    writeFileSync(join(folder, 'result.txt'), lines.join('\n'));
  } finally {
    if (!process.argv.includes('--keep')) rmSync(folder, { recursive: true, force: true });
  }
};

if (process.argv[2] === 'child') {
  process.stdout.write(`${JSON.stringify(await child())}\n`);
} else {
  await main();
}
