import type { ConvertedBlock, ConvertedReport, ConvertedRun } from '../model/converted-report.js';

/*
 * The words of a converted Word report (ConvertedReport), in reading order, one passage per
 * line: what search indexes of an attached DOCX. Headings, paragraphs, list items, table cells
 * (a row per line), figures' alt text and notes; never an image's data.
 */

const runsText = (runs: readonly ConvertedRun[]): string =>
  runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

const blockLines = (block: ConvertedBlock): string[] => {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [runsText(block.runs)];
    case 'list':
      return block.items.map((item) => runsText(item.runs));
    case 'table':
      return block.rows.map((row) => row.map((cell) => runsText(cell.runs)).join(' '));
    case 'figure':
      return [block.alt.trim()];
    case 'notes':
      return block.notes.map((note) => `${note.label} ${runsText(note.runs)}`);
  }
};

/** The report's text, a line per passage (empty ones left out). */
export const convertedReportText = (report: Pick<ConvertedReport, 'blocks'>): string =>
  report.blocks
    .flatMap(blockLines)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
