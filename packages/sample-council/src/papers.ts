/**
 * The sample council's papers written elsewhere (issue 12, item 8): an officer's Word report, a
 * tagged PDF appendix, an untagged PDF appendix and an exempt PDF appendix, attached to item 6 of
 * Stockport's 9 March 2022 meeting (the Children's Placement Sufficiency Strategy). Invented, like
 * the rest of that item.
 *
 * This package holds what the papers say and where they go; their bytes are made at build time by
 * the reporter (`apps/reporter/scripts/make-sample-papers.mjs`: the Word report with the `docx`
 * package, the tagged appendix drawn by the reporter itself, the untagged ones with pdf-lib), which
 * then attaches them with `attachSamplePapers` and writes the data set with its `files/` folder
 * beside it. The API's seed (`sample-council.json`) holds no files: the seed attaches the Word
 * report and the tagged appendix afterwards, from the reporter's build, through its file store
 * (ADR019; apps/api/src/database/sample-papers.seeder.ts).
 */
import type {
  AttachedFile,
  AttachmentMediaType,
  CouncilDataset,
  Exemption,
  ItemDocument,
  ItemDocumentRole,
} from '@scrutineer/domain';

/** How the paper's bytes are made: a Word document, a tagged PDF of our own, or an untagged PDF. */
export type SamplePaperFormat = 'docx' | 'tagged-pdf' | 'untagged-pdf';

export type SamplePaperSection = {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** A bulleted list after the paragraphs. */
  readonly bullets?: readonly string[];
};

export type SamplePaper = {
  /** Stable name of the paper, for tests and the generator. */
  readonly id: string;
  readonly meetingId: string;
  readonly itemNumber: string;
  /** The document's title on the agenda. */
  readonly title: string;
  readonly role: ItemDocumentRole;
  readonly exemption: Exemption | null;
  readonly fileName: string;
  readonly format: SamplePaperFormat;
  /** The title printed in the file (and its document properties). */
  readonly heading: string;
  readonly sections: readonly SamplePaperSection[];
  readonly table?: {
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
};

export const samplePaperMediaType = (format: SamplePaperFormat): AttachmentMediaType =>
  format === 'docx'
    ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    : 'application/pdf';

/** `sampleIds.stockportMarch2022` (not imported: index.ts re-exports this module). */
const MEETING = 'stockport-cfsc-2022-03-09';
const ITEM = '6';

export const samplePapers: readonly SamplePaper[] = [
  {
    id: 'sufficiency-word-report',
    meetingId: MEETING,
    itemNumber: ITEM,
    title: 'Placement Sufficiency: Report of the Director of Children’s Services',
    role: 'report',
    exemption: null,
    fileName: 'Placement Sufficiency Strategy - Director report.docx',
    format: 'docx',
    heading: 'Placement Sufficiency Strategy 2022-25: Director’s Report',
    sections: [
      {
        heading: 'Purpose of the report',
        paragraphs: [
          'This report introduces the draft Placement Sufficiency Strategy 2022-25 and asks the Scrutiny Committee for its comments before the strategy goes to Cabinet.',
        ],
      },
      {
        heading: 'What the strategy proposes',
        paragraphs: ['The strategy rests on three commitments over the next three years.'],
        bullets: [
          'Recruit forty more in-borough foster carers.',
          'Open two small children’s homes in Stockport.',
          'Reduce the number of children placed more than twenty miles away.',
        ],
      },
    ],
    table: {
      header: ['Placement type', 'March 2021', 'March 2022'],
      rows: [
        ['In-house fostering', '182', '190'],
        ['Independent fostering', '96', '101'],
        ['Residential', '31', '35'],
      ],
    },
  },
  {
    id: 'sufficiency-needs-analysis',
    meetingId: MEETING,
    itemNumber: ITEM,
    title: 'Appendix 1 – Sufficiency Needs Analysis',
    role: 'appendix',
    exemption: null,
    fileName: 'Appendix 1 - Sufficiency Needs Analysis.pdf',
    format: 'tagged-pdf',
    heading: 'Appendix 1 – Sufficiency Needs Analysis',
    sections: [
      {
        heading: 'Children looked after',
        paragraphs: [
          'The number of children looked after by the Council has grown each year since 2017, and the needs analysis expects it to keep growing until 2025.',
        ],
      },
      {
        heading: 'Where children live',
        paragraphs: [
          'Most children looked after live with foster carers; one in eight lives in a children’s home, and half of those homes are outside the borough.',
        ],
      },
    ],
    table: {
      header: ['Year', 'Children looked after'],
      rows: [
        ['2019/20', '476'],
        ['2020/21', '498'],
        ['2021/22', '517'],
      ],
    },
  },
  {
    id: 'sufficiency-consultation',
    meetingId: MEETING,
    itemNumber: ITEM,
    title: 'Appendix 2 – Consultation Responses',
    role: 'appendix',
    exemption: null,
    fileName: 'Appendix 2 - Consultation Responses.pdf',
    format: 'untagged-pdf',
    heading: 'Appendix 2 – Consultation Responses',
    sections: [
      {
        heading: 'Responses received',
        paragraphs: [
          'Sixty-two foster carers, young people and partners answered the consultation.',
          'Most asked for more homes in the borough, so children can stay at their schools.',
        ],
      },
    ],
  },
  {
    id: 'sufficiency-provider-costs',
    meetingId: MEETING,
    itemNumber: ITEM,
    title: 'Appendix 3 – Provider Costs',
    role: 'appendix',
    exemption: { paragraph: 3 },
    fileName: 'Appendix 3 - Provider Costs (exempt).pdf',
    format: 'untagged-pdf',
    heading: 'Appendix 3 – Provider Costs (not for publication)',
    sections: [
      {
        heading: 'Weekly costs by provider',
        paragraphs: [
          'Brightwater Care Homes Ltd charges the Council a weekly fee of £5,480 for each residential placement.',
          'Northway Fostering Partnership charges a weekly fee of £1,120, rising to £1,260 from April 2022.',
        ],
      },
    ],
  },
];

/**
 * The data set with each paper attached to its item as a `file` document, after the item's own
 * documents; `files` holds each paper's file by its id (made by whoever made the bytes). Throws
 * when a paper's meeting or item is not in the data set or a paper has no file.
 */
export const attachSamplePapers = (
  dataset: CouncilDataset,
  files: ReadonlyMap<string, AttachedFile>,
  papers: readonly SamplePaper[] = samplePapers,
): CouncilDataset => {
  for (const paper of papers) {
    const meeting = dataset.meetings.find((document) => document.meeting.id === paper.meetingId);
    if (!meeting?.agendaItems.some((item) => item.number === paper.itemNumber))
      throw new Error(
        `Sample paper ${paper.id}: no item ${paper.itemNumber} in ${paper.meetingId}`,
      );
    if (!files.has(paper.id)) throw new Error(`Sample paper ${paper.id} has no file`);
  }
  const documentOf = (paper: SamplePaper): ItemDocument => ({
    title: paper.title,
    role: paper.role,
    exemption: paper.exemption,
    content: { kind: 'file', file: files.get(paper.id) as AttachedFile },
  });
  return {
    ...dataset,
    meetings: dataset.meetings.map((document) => ({
      ...document,
      agendaItems: document.agendaItems.map((item) => {
        const attached = papers.filter(
          (paper) => paper.meetingId === document.meeting.id && paper.itemNumber === item.number,
        );
        return attached.length === 0
          ? item
          : { ...item, documents: [...item.documents, ...attached.map(documentOf)] };
      }),
    })),
  };
};

/**
 * The exempt papers' text (40 characters or longer), which `exemptPassages` cannot see (a file's
 * text is in its bytes): a public pack, route or file must contain none of it.
 */
export const samplePaperExemptPassages = (
  papers: readonly SamplePaper[] = samplePapers,
): string[] =>
  papers
    .filter((paper) => paper.exemption !== null)
    .flatMap((paper) => paper.sections.flatMap((section) => section.paragraphs))
    .filter((text) => text.length >= 40);
