import type { ExemptParagraph, Exemption } from '@scrutineer/domain';

/**
 * An exemption is two columns wherever it is stored (agenda items, item documents, minutes): the
 * Schedule 12A paragraph (null when open) and the public interest test's recorded outcome (null
 * when none was recorded).
 */
export type ExemptionColumns = {
  exemptParagraph: number | null;
  exemptPublicInterestTest: string | null;
};

export const exemptionFromColumns = (row: ExemptionColumns): Exemption | null =>
  row.exemptParagraph === null
    ? null
    : {
        paragraph: row.exemptParagraph as ExemptParagraph,
        ...(row.exemptPublicInterestTest === null
          ? {}
          : { reasonPublicInterestTest: row.exemptPublicInterestTest }),
      };

export const exemptionToColumns = (exemption: Exemption | null): ExemptionColumns => ({
  exemptParagraph: exemption?.paragraph ?? null,
  exemptPublicInterestTest: exemption?.reasonPublicInterestTest ?? null,
});
