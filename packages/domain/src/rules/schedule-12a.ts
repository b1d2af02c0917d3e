import { DomainError } from '../errors.js';
import {
  ENGLAND_EXEMPT_PARAGRAPHS,
  WALES_EXEMPT_PARAGRAPHS,
  type ExemptParagraph,
} from '../model/meeting.js';
import type { HolidayRegion } from '../model/people.js';

/**
 * Local Government Act 1972, Schedule 12A (access to information: exempt information). Parts 1–3
 * apply to principal councils in England, Parts 4–6 to those in Wales; the two nations number
 * their paragraphs apart (England 1–7, Wales 12–18), so a paragraph number names its nation and
 * a council cites it as it stands. Wording is statutory: print it verbatim.
 *
 * England: Part 1 as substituted by the Local Government (Access to Information) (Variation)
 * Order 2006 (SI 2006/88).
 *
 * Wales: Part 4 as substituted by the Local Government (Access to Information) (Variation) (Wales)
 * Order 2007 (SI 2007/969 (W.86)), article 3 and the Schedule. Sources, and what each verifies:
 * - VERIFIED from the Order as made (legislation.gov.uk/wsi/2007/969/schedules/made/data.xml):
 *   the headings "PART 4 DESCRIPTIONS OF EXEMPT INFORMATION: WALES" and "PART 5 QUALIFICATIONS:
 *   WALES"; paragraphs 12 to 18 word for word; paragraph 19's opening words, "Information falling
 *   within paragraph 14 above is not exempt information by virtue of that paragraph if it is
 *   required to be registered under —" (the stored copy stops there).
 * - Quoted by a Welsh council, not the Order (Denbighshire, moderngov.denbighshire.gov.uk
 *   mgReasonsRestricted.aspx?ID=10130, "By virtue of paragraph(s) 14 of Part 4"): paragraph 19's
 *   list of Acts, the Companies Act 1985 … the Charities Act 1993, the same six in the same order;
 *   and paragraph 21's "Information which (a) falls within any of paragraphs 12 to 15, 17 and 18;
 *   and (b) is not prevented from being exempt by virtue of …, is exempt information if and so
 *   long, as in all the circumstances of the case, the public interest in maintaining the
 *   exemption outweighs the public interest in disclosing the information." TO BE VERIFIED
 *   against the Order: the list's (a)–(f) lettering; in paragraph 21, the "above" after "17 and
 *   18" and "paragraph 19 or 20 above" (the council writes "the ‘qualifications’ above").
 * - Paragraph 20 (development for which the authority may grant itself planning permission) is
 *   Part 2 paragraph 9's wording for England, found in no Welsh source: TO BE VERIFIED.
 *
 * Naming a paragraph is necessary, not sufficient: the qualifications are judgements for the
 * proper officer; the product records the paragraph they relied on and, where they recorded it,
 * the outcome of the public interest test.
 */
export type ExemptNation = HolidayRegion;

export const ENGLAND_PARAGRAPHS: Readonly<
  Record<(typeof ENGLAND_EXEMPT_PARAGRAPHS)[number], string>
> = {
  1: 'Information relating to any individual.',
  2: 'Information which is likely to reveal the identity of an individual.',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
  6: 'Information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment.',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
};

/** Part 4, "Descriptions of exempt information: Wales" (SI 2007/969, Schedule), verbatim. */
export const WALES_PARAGRAPHS: Readonly<Record<(typeof WALES_EXEMPT_PARAGRAPHS)[number], string>> =
  {
    12: 'Information relating to a particular individual.',
    13: 'Information which is likely to reveal the identity of an individual.',
    14: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
    15: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
    16: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
    17: 'Information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment.',
    18: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
  };

/** Every paragraph of both nations, by number. */
export const SCHEDULE_12A_PARAGRAPHS: Readonly<Record<ExemptParagraph, string>> = {
  ...ENGLAND_PARAGRAPHS,
  ...WALES_PARAGRAPHS,
};

type Nation = {
  readonly paragraphs: readonly ExemptParagraph[];
  /** The Part of Schedule 12A holding the descriptions. */
  readonly part: 1 | 4;
  /** "1 to 7", for messages. */
  readonly range: string;
  /** The paragraphs the public interest test reaches (England paragraph 10, Wales paragraph 21). */
  readonly publicInterestParagraphs: readonly ExemptParagraph[];
  /** The same, for messages. */
  readonly publicInterestRange: string;
  /** The Part holding the qualifications, and their text. */
  readonly qualificationsPart: 2 | 5;
  readonly qualifications: readonly string[];
};

const REGISTERED =
  '(a) the Companies Act 1985; (b) the Friendly Societies Act 1974; (c) the Friendly Societies Act 1992; (d) the Industrial and Provident Societies Acts 1965 to 1978; (e) the Building Societies Act 1986; or (f) the Charities Act 1993.';
const DEVELOPMENT =
  'Information is not exempt information if it relates to proposed development for which the local planning authority may grant itself planning permission pursuant to regulation 3 of the Town and Country Planning General Regulations 1992.';
const publicInterest = (falls: string, qualified: string): string =>
  `Information which (a) falls within any of paragraphs ${falls} above; and (b) is not prevented from being exempt by virtue of paragraph ${qualified} above, is exempt information if and so long, as in all the circumstances of the case, the public interest in maintaining the exemption outweighs the public interest in disclosing the information.`;

const NATIONS: Readonly<Record<ExemptNation, Nation>> = {
  england: {
    paragraphs: ENGLAND_EXEMPT_PARAGRAPHS,
    part: 1,
    range: '1 to 7',
    publicInterestParagraphs: ENGLAND_EXEMPT_PARAGRAPHS,
    publicInterestRange: '1 to 7',
    qualificationsPart: 2,
    qualifications: [
      `8. Information falling within paragraph 3 above is not exempt information by virtue of that paragraph if it is required to be registered under ${REGISTERED}`,
      `9. ${DEVELOPMENT}`,
      `10. ${publicInterest('1 to 7', '8 or 9')}`,
    ],
  },
  wales: {
    paragraphs: WALES_EXEMPT_PARAGRAPHS,
    part: 4,
    range: '12 to 18',
    publicInterestParagraphs: [12, 13, 14, 15, 17, 18],
    publicInterestRange: '12 to 15, 17 and 18',
    qualificationsPart: 5,
    qualifications: [
      `19. Information falling within paragraph 14 above is not exempt information by virtue of that paragraph if it is required to be registered under ${REGISTERED}`,
      `20. ${DEVELOPMENT}`,
      `21. ${publicInterest('12 to 15, 17 and 18', '19 or 20')}`,
    ],
  },
};

export const isExemptParagraph = (value: unknown): value is ExemptParagraph =>
  typeof value === 'number' && Object.hasOwn(SCHEDULE_12A_PARAGRAPHS, value);

/** The nation whose Schedule 12A paragraphs an authority in `region` cites. */
export const exemptParagraphsFor = (region: ExemptNation): readonly ExemptParagraph[] =>
  NATIONS[region].paragraphs;

/** "1 to 7" or "12 to 18". */
export const exemptParagraphRange = (region: ExemptNation): string => NATIONS[region].range;

/** The nation a paragraph belongs to (the numbering does not overlap). */
export const nationOfParagraph = (paragraph: ExemptParagraph): ExemptNation =>
  paragraph >= 12 ? 'wales' : 'england';

/** Part 2 (England) or Part 5 (Wales): the qualifications, numbered as in the Schedule. */
export const schedule12AQualifications = (
  region: ExemptNation,
): { readonly part: 2 | 5; readonly paragraphs: readonly string[] } => ({
  part: NATIONS[region].qualificationsPart,
  paragraphs: NATIONS[region].qualifications,
});

/**
 * Null when an authority in `region` may cite `paragraph`; otherwise the message naming the
 * range that applies ("… a Welsh authority cites Part 4, paragraphs 12 to 18 …").
 */
export const exemptParagraphProblem = (region: ExemptNation, paragraph: unknown): string | null => {
  const nation = NATIONS[region];
  if (typeof paragraph === 'number' && nation.paragraphs.includes(paragraph as ExemptParagraph))
    return null;
  const who = region === 'wales' ? 'an authority in Wales' : 'an authority in England';
  return `Schedule 12A paragraph ${JSON.stringify(paragraph)} does not apply to ${who}: it cites Part ${nation.part}, paragraphs ${nation.range}`;
};

/**
 * Null when the public interest test reaches `paragraph` (England: Part 2 paragraph 10, all of
 * 1 to 7; Wales: Part 5 paragraph 21, paragraphs 12 to 15, 17 and 18); otherwise why its outcome
 * cannot be recorded there. Legal professional privilege in Wales (paragraph 16) is exempt
 * without the test, so an outcome recorded on it is a clerk's error, not a record.
 */
export const publicInterestTestProblem = (paragraph: ExemptParagraph): string | null => {
  const nation = NATIONS[nationOfParagraph(paragraph)];
  if (nation.publicInterestParagraphs.includes(paragraph)) return null;
  const test =
    nation.qualificationsPart === 5 ? 'paragraph 21 of Part 5' : 'paragraph 10 of Part 2';
  return `The public interest test (${test} of Schedule 12A) does not reach paragraph ${paragraph} of Part ${nation.part}: it applies to paragraphs ${nation.publicInterestRange}; leave reasonPublicInterestTest out`;
};

export type ExemptionDescription = {
  readonly paragraph: ExemptParagraph;
  readonly nation: ExemptNation;
  /** The Part of Schedule 12A the paragraph is in: 1 (England) or 4 (Wales). */
  readonly part: 1 | 4;
  /** The statutory description. */
  readonly description: string;
  /** The notice a public pack prints in place of the item: "Not for publication by virtue of paragraph 3 …". */
  readonly notice: string;
  /** Whether the public interest test (paragraph 10, or 21 in Wales) reaches this paragraph. */
  readonly publicInterestTestApplies: boolean;
};

/** The paragraph's statutory description and the public-pack notice; an unknown paragraph is an error. */
export const describeExemption = (paragraph: number): ExemptionDescription => {
  if (!isExemptParagraph(paragraph)) {
    throw new DomainError(
      'EXEMPTION.PARAGRAPH_REQUIRED',
      `Schedule 12A paragraph must be one of 1 to 7 (England) or 12 to 18 (Wales), got ${String(paragraph)}`,
      { value: paragraph },
    );
  }
  const nation = nationOfParagraph(paragraph);
  const { part, publicInterestParagraphs } = NATIONS[nation];
  return {
    paragraph,
    nation,
    part,
    description: SCHEDULE_12A_PARAGRAPHS[paragraph],
    notice: `Not for publication by virtue of paragraph ${paragraph} of Part ${part} of Schedule 12A to the Local Government Act 1972.`,
    publicInterestTestApplies: publicInterestParagraphs.includes(paragraph),
  };
};

/** The agenda's exclusion resolution, for items whose paragraphs are shown against each. */
export const exclusionResolution = (region: ExemptNation): string =>
  `The Committee is asked to resolve that the public be excluded from the meeting during consideration of the following items, on the grounds that they involve the likely disclosure of exempt information as defined in the paragraph of Part ${NATIONS[region].part} of Schedule 12A to the Local Government Act 1972 shown against each item.`;
