/**
 * The PDF/UA checker finds nothing in what we publish: every document `scrutineer-pack sample`
 * writes, and a synthetic council's agenda pack in both editions.
 */
import { loadSampleCouncil } from '@scrutineer/sample-council';
import { AGENDA_PACK_PRESET, buildSyntheticCouncil } from '@scrutineer/sample-council/synthetic';
import { chooseSampleDocuments } from '../../cli/sample-command.js';
import { renderAgendaPack } from '../../index.js';
import { checkPdfUa, formatPdfUaFindings } from '../../pdfua/check-pdf-ua.js';
import { renderToBytes } from '../render-bytes.js';

const expectNoFindings = async (bytes: Uint8Array): Promise<void> => {
  const findings = await checkPdfUa(bytes);
  // The formatted list makes a failure say which rule, where.
  expect(formatPdfUaFindings(findings)).toBe('');
};

describe('PDF/UA check of the sample council', () => {
  const dataset = loadSampleCouncil();
  const documents = chooseSampleDocuments(dataset);

  it('chooses the nine documents the sample command writes', () => {
    expect(documents.map((document) => document.fileName)).toHaveLength(9);
  });

  it.each(documents.map((document) => [document.fileName, document] as const))(
    '%s passes',
    async (_name, document) => {
      await expectNoFindings(
        await renderToBytes((out) => document.render(dataset, out, undefined)),
      );
    },
    60_000,
  );
});

describe('PDF/UA check of a synthetic agenda pack', () => {
  const { dataset, meetingId } = buildSyntheticCouncil({
    ...AGENDA_PACK_PRESET,
    portfolios: 2,
    measuresPerPortfolio: 16,
    paragraphsPerReport: 6,
  });

  it.each(['public', 'confidential'] as const)(
    'the %s edition passes',
    async (edition) => {
      await expectNoFindings(
        await renderToBytes((out) => renderAgendaPack(dataset, meetingId, edition, out)),
      );
    },
    120_000,
  );

  it('passes with letters fontkit draws from composite glyphs (ŵ, ŷ, â), whose components the subset holds', async () => {
    // Encoding the subset adds the components of a composite glyph; pdfkit's CIDSet left them out
    // until draw/fonts.ts gave every encoded glyph its width (the Flintshire pack found it).
    const [meeting, ...others] = dataset.meetings;
    if (meeting === undefined) throw new Error('The synthetic council has no meeting');
    const [item, ...rest] = meeting.agendaItems;
    if (item === undefined) throw new Error('The synthetic meeting has no agenda item');
    const welsh = {
      ...dataset,
      meetings: [
        {
          ...meeting,
          agendaItems: [
            { ...item, title: 'Adroddiad ŵyr a ŷd – Cyngor Sir y Fflint â Chraffu' },
            ...rest,
          ],
        },
        ...others,
      ],
    };
    const bytes = await renderToBytes((out) => renderAgendaPack(welsh, meetingId, 'public', out));
    await expectNoFindings(bytes);
  }, 120_000);
});
