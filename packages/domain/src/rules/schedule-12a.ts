import { DomainError } from '../errors.js';
import type { ExemptParagraph } from '../model/meeting.js';

/**
 * Local Government Act 1972, Schedule 12A, Part 1 (descriptions of exempt information) as
 * substituted for England by the Local Government (Access to Information) (Variation) Order
 * 2006 (SI 2006/88). Wording is statutory: print it verbatim. Wales has its own Part 1
 * (paragraphs 12–18, SI 2007/1079) that this product does not model yet.
 *
 * Naming a paragraph is necessary, not sufficient: Part 2 qualifies the descriptions (e.g.
 * paragraph 3 does not cover information that must be registered under the Companies Acts) and
 * paragraph 10 applies a public interest test. Those are judgements for the proper officer; the
 * product records the paragraph they relied on.
 */
export const SCHEDULE_12A_PARAGRAPHS: Readonly<Record<ExemptParagraph, string>> = {
  1: 'Information relating to any individual.',
  2: 'Information which is likely to reveal the identity of an individual.',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
  6: 'Information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment.',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
};

export const isExemptParagraph = (value: unknown): value is ExemptParagraph =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;

export type ExemptionDescription = {
  readonly paragraph: ExemptParagraph;
  /** The statutory description. */
  readonly description: string;
  /** The notice a public pack prints in place of the item: "Not for publication by virtue of paragraph 3 …". */
  readonly notice: string;
};

/** The paragraph's statutory description and the public-pack notice; a paragraph outside 1–7 is an error. */
export const describeExemption = (paragraph: number): ExemptionDescription => {
  if (!isExemptParagraph(paragraph)) {
    throw new DomainError(
      'EXEMPTION.PARAGRAPH_REQUIRED',
      `Schedule 12A paragraph must be a whole number from 1 to 7, got ${String(paragraph)}`,
      { value: paragraph },
    );
  }
  return {
    paragraph,
    description: SCHEDULE_12A_PARAGRAPHS[paragraph],
    notice: `Not for publication by virtue of paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972.`,
  };
};
