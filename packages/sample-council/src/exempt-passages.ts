import type { CouncilDataset, ItemDocument, MinuteBlock } from '@scrutineer/domain';

/** Shorter strings (a price, a score, "Lot 1") could appear in public text by chance. */
const MIN_LENGTH = 40;

const documentTexts = (document: ItemDocument): string[] => {
  switch (document.content.kind) {
    case 'sections':
      return document.content.sections.flatMap((section) => [
        section.heading,
        ...section.paragraphs,
      ]);
    case 'table':
      return [document.content.caption, ...document.content.rows.flat()];
    case 'performance-report':
    // An attached file's text is in its bytes, not in the data set.
    case 'file':
      return [];
  }
};

const blockTexts = (block: MinuteBlock): string[] => {
  const comments = block.comments.flatMap((c) => [c.point, c.response ?? '']);
  return block.kind === 'paragraph' ? [block.text, ...comments] : comments;
};

/**
 * Every passage of exempt text in a data set (exempt documents, the documents of exempt items,
 * the minutes of exempt items), at least 40 characters long. A public edition must contain
 * none of them: tests of packs, minutes and API responses search their output for these.
 */
export const exemptPassages = (dataset: CouncilDataset): string[] => {
  const passages = dataset.meetings.flatMap((document) => [
    ...document.agendaItems.flatMap((item) =>
      item.documents
        .filter((d) => item.exemption !== null || d.exemption !== null)
        .flatMap(documentTexts),
    ),
    ...(document.minutes?.minutes ?? [])
      .filter((minute) => minute.exemption !== null)
      .flatMap((minute) => [
        ...minute.blocks.flatMap(blockTexts),
        ...(minute.resolution === null
          ? []
          : minute.resolution.kind === 'single'
            ? [minute.resolution.text]
            : minute.resolution.points.map((point) => point.text)),
      ]),
  ]);
  return [...new Set(passages.filter((text) => text.length >= MIN_LENGTH))];
};
