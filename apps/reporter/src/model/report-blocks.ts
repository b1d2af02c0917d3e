import type { AgendaItem, ItemDocument, Recommendations, ReportSection } from '@scrutineer/domain';
import type { Block } from './document-model.js';
import { formatDate, printedListLabel } from './domain-rules.js';
import type { MeetingContext } from './lookup.js';
import { contactRuns } from './wording.js';

/** Numbered sections "1. Introduction" with paragraphs 1.1, 1.2 …, starting at section `from`. */
export const numberedSections = (sections: readonly ReportSection[], from = 1): Block[] =>
  sections.flatMap((section, index) => {
    const number = from + index;
    return [
      {
        kind: 'heading',
        level: 2,
        runs: [{ text: `${number}. ${section.heading}` }],
      } satisfies Block,
      ...section.paragraphs.map((text, paragraph): Block => ({
        kind: 'paragraph',
        label: `${number}.${paragraph + 1}`,
        runs: [{ text }],
      })),
    ];
  });

export const recommendationBlocks = (
  recommendations: Recommendations,
  number: number | null,
): Block[] => [
  {
    kind: 'heading',
    level: 2,
    runs: [{ text: number === null ? 'Recommendations' : `${number}. Recommendations` }],
  },
  { kind: 'paragraph', runs: [{ text: recommendations.lead }], keepWithNext: true },
  {
    kind: 'list',
    items: recommendations.items.map((text, index) => ({
      label: printedListLabel(recommendations.style, index + 1),
      runs: [{ text }],
    })),
  },
];

export const contactBlocks = (
  contacts: AgendaItem['contacts'],
  heading = 'Contact officers',
): Block[] =>
  contacts.length === 0
    ? []
    : [
        { kind: 'heading', level: 2, look: 3, runs: [{ text: heading }] },
        ...contacts.map((contact): Block => ({
          kind: 'paragraph',
          runs: contactRuns(contact),
        })),
      ];

/** A report's header block in the pack: REPORT TO (the meeting's committee), DATE, REPORT OF, REPORT TITLE. */
export const reportHeader = (
  context: MeetingContext,
  item: AgendaItem,
  document: ItemDocument,
): Block => ({
  kind: 'key-value',
  keyWidth: 120,
  rows: [
    { key: 'REPORT TO:', value: [{ text: context.committee.name.toUpperCase() }] },
    { key: 'DATE:', value: [{ text: formatDate(context.document.meeting.date).toUpperCase() }] },
    ...(item.reportOf.length > 0
      ? [
          {
            key: 'REPORT OF:',
            value: [{ text: item.reportOf.join('\n').toUpperCase(), style: 'bold' as const }],
          },
        ]
      : []),
    {
      key: 'REPORT TITLE:',
      value: [{ text: document.title.toUpperCase(), style: 'bold' as const }],
    },
  ],
});
