import { join, resolve } from 'node:path';
import type {
  Authority,
  CouncilDataset,
  MeetingDocument,
  PerformanceReport,
} from '@scrutineer/domain';
import { agendaReportIds, publishedSupplements, supplementTitle } from '@scrutineer/domain';
import {
  renderAgendaPack,
  renderMinutes,
  renderPerformanceReport,
  type AgendaPackRenderOptions,
} from '../index.js';
import { filesBesideDataset, printsAttachedFiles } from './attached-files.js';
import { describeFsError } from './atomic-write.js';
import { CliError, EXIT_CODES } from './cli-error.js';
import { loadDataset } from './dataset-source.js';
import { makeFolder } from './make-folder.js';
import { samplePapersDatasetPath } from '../sample-papers.js';
import { renderToFile, type CliIo } from './render-to-file.js';

/** One file `sample` writes. */
export type SampleDocument = {
  readonly fileName: string;
  readonly description: string;
  readonly render: (
    dataset: CouncilDataset,
    out: NodeJS.WritableStream,
    onProgress: ((pagesDone: number) => void) | undefined,
    /** An agenda pack draws its attached files from here; without it they print as notices. */
    attachedFiles?: AgendaPackRenderOptions['attachedFiles'],
  ) => ReturnType<typeof renderAgendaPack>;
};

/**
 * The sample council with its papers attached (a Word report, a tagged, an untagged and an exempt
 * PDF appendix), and the papers beside it in `files/`: made at build time by
 * scripts/make-sample-papers.mjs, read back the way `--input` reads any data set.
 */
export { samplePapersDatasetPath };

/**
 * Picks the showcase documents from the data, not by fixed ids: the public and confidential packs
 * of the first meeting with an exempt item or appendix in each nation (England and Wales cite
 * different Parts of Schedule 12A) and the public edition of each supplementary agenda it
 * published, a PPRR (the one on that meeting's agenda
 * when there is one), and for every authority the minutes of one minuted meeting (the exempt
 * meeting's own when it is minuted).
 */
export const chooseSampleDocuments = (dataset: CouncilDataset): SampleDocument[] => {
  const documents: SampleDocument[] = [];
  // A meeting with a whole exempt item shows the two editions at their most different.
  const exemptMeetings = [...new Set(dataset.authorities.map((a) => a.region))].flatMap(
    (region) => {
      const inRegion = dataset.meetings.filter(
        (document) => authorityOfMeeting(dataset, document)?.region === region,
      );
      const meeting = inRegion.find(hasExemptItem) ?? inRegion.find(hasExemptContent);
      return meeting === undefined ? [] : [meeting];
    },
  );
  // The PPRR and the minutes prefer the first (England's) exempt meeting.
  const exemptMeeting = exemptMeetings[0];
  for (const shown of exemptMeetings) {
    const prefix = meetingPrefix(dataset, shown);
    for (const edition of ['public', 'confidential'] as const) {
      documents.push({
        fileName: `${prefix}-agenda-${edition}.pdf`,
        description: `${edition} agenda pack`,
        render: (data, out, onProgress, attachedFiles) =>
          renderAgendaPack(data, shown.meeting.id, edition, out, {
            ...progressOption(onProgress),
            ...(attachedFiles === undefined || !printsAttachedFiles(data, shown.meeting.id, edition)
              ? {}
              : { attachedFiles }),
          }),
      });
    }
    // Each supplementary agenda the meeting published, as the public read it.
    for (const { supplement } of publishedSupplements(shown.agendaItems)) {
      documents.push({
        fileName: `${prefix}-supplement-${supplement}-public.pdf`,
        description: `public ${supplementTitle(supplement)}`,
        render: (data, out, onProgress, attachedFiles) =>
          renderAgendaPack(data, shown.meeting.id, 'public', out, {
            ...progressOption(onProgress),
            supplement,
            ...(attachedFiles === undefined ||
            !printsAttachedFiles(data, shown.meeting.id, 'public', supplement)
              ? {}
              : { attachedFiles }),
          }),
      });
    }
  }
  const report = choosePerformanceReport(dataset, exemptMeeting);
  if (report !== undefined) {
    documents.push({
      fileName: `pprr-${slug(report.id)}.pdf`,
      description: `performance report "${report.title}"`,
      render: (data, out, onProgress) =>
        renderPerformanceReport(data, report.id, out, progressOption(onProgress)),
    });
  }
  for (const authority of dataset.authorities) {
    const minuted = dataset.meetings.filter(
      (document) =>
        document.minutes !== null && authorityOfMeeting(dataset, document)?.id === authority.id,
    );
    const meeting = minuted.find((document) => document === exemptMeeting) ?? minuted[0];
    if (meeting === undefined) continue;
    documents.push({
      fileName: `${meetingPrefix(dataset, meeting)}-minutes.pdf`,
      description: `${authority.shortName} minutes`,
      render: (data, out, onProgress) =>
        renderMinutes(data, meeting.meeting.id, out, progressOption(onProgress)),
    });
  }
  return documents;
};

/** `scrutineer-pack sample`: writes every chosen document to `outDir` and lists them. */
export const writeSampleDocuments = async (outDir: string, io: CliIo): Promise<void> => {
  await makeFolder(outDir).catch((error: unknown) => {
    throw new CliError(
      EXIT_CODES.unwritable,
      `Cannot create ${outDir}: ${describeFsError(error)}.`,
    );
  });
  const dataset = await loadSampleCouncilWithPapers(samplePapersDatasetPath);
  const files = filesBesideDataset(samplePapersDatasetPath, dataset);
  const documents = chooseSampleDocuments(dataset);
  for (const document of documents) {
    await renderToFile(
      io,
      join(outDir, document.fileName),
      `Rendering ${document.description}`,
      (out, options) => document.render(dataset, out, options.onProgress, files),
    );
  }
  io.stdout.write(`The sample council's documents are in ${resolve(outDir)}\n`);
};

/** The built sample with papers; a clear error (not a stack trace) when it has not been built. */
export const loadSampleCouncilWithPapers = async (path: string): Promise<CouncilDataset> => {
  try {
    return await loadDataset(
      { kind: 'file', path },
      { kind: 'meeting', meetingId: '', edition: 'public' },
    );
  } catch (error) {
    if (error instanceof CliError && error.message.startsWith(`Cannot read ${path}`))
      throw new CliError(
        EXIT_CODES.failure,
        `The sample council's papers are not built (${path} is missing): run \`npm run build -w @scrutineer/reporter\` first.`,
      );
    throw error;
  }
};

const progressOption = (onProgress: ((pagesDone: number) => void) | undefined) =>
  onProgress === undefined ? {} : { onProgress };

const hasExemptItem = (document: MeetingDocument): boolean =>
  document.agendaItems.some((item) => item.exemption !== null);

const hasExemptContent = (document: MeetingDocument): boolean =>
  document.agendaItems.some(
    (item) => item.exemption !== null || item.documents.some((doc) => doc.exemption !== null),
  );

const choosePerformanceReport = (
  dataset: CouncilDataset,
  meeting: MeetingDocument | undefined,
): PerformanceReport | undefined => {
  const onAgenda: readonly string[] = meeting === undefined ? [] : agendaReportIds(meeting);
  return (
    dataset.performanceReports.find((report) => onAgenda.includes(report.id)) ??
    dataset.performanceReports[0]
  );
};

const authorityOfMeeting = (
  dataset: CouncilDataset,
  document: MeetingDocument,
): Authority | undefined => {
  const committee = dataset.committees.find((c) => c.id === document.meeting.committeeId);
  return dataset.authorities.find((authority) => authority.id === committee?.authorityId);
};

const meetingPrefix = (dataset: CouncilDataset, document: MeetingDocument): string =>
  `${slug(authorityOfMeeting(dataset, document)?.shortName ?? 'council')}-${document.meeting.date}`;

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
