import { DomainError } from '../errors.js';
import {
  describeExemption,
  ENGLAND_PARAGRAPHS,
  exclusionResolution,
  exemptParagraphProblem,
  exemptParagraphsFor,
  isExemptParagraph,
  publicInterestTestProblem,
  schedule12AQualifications,
  SCHEDULE_12A_PARAGRAPHS,
  WALES_PARAGRAPHS,
} from './schedule-12a.js';
import { exemption } from './validation.js';

const LGA = 'of Schedule 12A to the Local Government Act 1972.';

describe(describeExemption.name, () => {
  it('gives the statutory wording of paragraph 3 and the public-pack notice', () => {
    expect(describeExemption(3)).toEqual({
      paragraph: 3,
      nation: 'england',
      part: 1,
      description:
        'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
      notice:
        'Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.',
      publicInterestTestApplies: true,
    });
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('England paragraph %p: Part 1 notice', (paragraph) => {
    expect(describeExemption(paragraph).notice).toBe(
      `Not for publication by virtue of paragraph ${paragraph} of Part 1 ${LGA}`,
    );
    expect(describeExemption(paragraph).nation).toBe('england');
  });

  it.each([12, 13, 14, 15, 16, 17, 18])('Wales paragraph %p: Part 4 notice', (paragraph) => {
    expect(describeExemption(paragraph).notice).toBe(
      `Not for publication by virtue of paragraph ${paragraph} of Part 4 ${LGA}`,
    );
    expect(describeExemption(paragraph).nation).toBe('wales');
  });

  it('describes all fourteen paragraphs; Wales paragraph 12 differs from England paragraph 1', () => {
    expect(Object.keys(ENGLAND_PARAGRAPHS)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(Object.keys(WALES_PARAGRAPHS)).toEqual(['12', '13', '14', '15', '16', '17', '18']);
    expect(Object.keys(SCHEDULE_12A_PARAGRAPHS)).toHaveLength(14);
    expect(describeExemption(1).description).toBe('Information relating to any individual.');
    expect(describeExemption(12).description).toBe(
      'Information relating to a particular individual.',
    );
    expect(describeExemption(14).description).toBe(describeExemption(3).description);
    expect(describeExemption(16).description).toBe(describeExemption(5).description);
  });

  it('the public interest test reaches every English paragraph and every Welsh one but 16', () => {
    expect([1, 2, 3, 4, 5, 6, 7].every((p) => describeExemption(p).publicInterestTestApplies)).toBe(
      true,
    );
    expect(
      [12, 13, 14, 15, 16, 17, 18].filter((p) => !describeExemption(p).publicInterestTestApplies),
    ).toEqual([16]);
    expect(schedule12AQualifications('wales').part).toBe(5);
    expect(schedule12AQualifications('wales').paragraphs[2]).toMatch(
      /^21\. Information which \(a\) falls within any of paragraphs 12 to 15, 17 and 18 above/,
    );
    expect(schedule12AQualifications('england').paragraphs[0]).toMatch(/^8\. .*paragraph 3 above/);
  });

  it.each([0, 8, 11, 19, 3.5, Number.NaN, -3])(
    'rejects paragraph %p with the value',
    (paragraph) => {
      expect(isExemptParagraph(paragraph)).toBe(false);
      try {
        describeExemption(paragraph);
        throw new Error('expected a DomainError');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('EXEMPTION.PARAGRAPH_REQUIRED');
        expect((error as DomainError).data['value']).toBe(paragraph);
      }
    },
  );

  it('knows a string is not a paragraph', () => {
    expect(isExemptParagraph('3')).toBe(false);
    expect(isExemptParagraph('toString')).toBe(false);
  });
});

describe('which nation’s paragraphs an authority cites', () => {
  it('follows the region', () => {
    expect(exemptParagraphsFor('england')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(exemptParagraphsFor('wales')).toEqual([12, 13, 14, 15, 16, 17, 18]);
  });

  it('refuses an English paragraph in Wales and the reverse, naming the right range', () => {
    expect(exemptParagraphProblem('wales', 14)).toBeNull();
    expect(exemptParagraphProblem('england', 3)).toBeNull();
    expect(exemptParagraphProblem('wales', 3)).toBe(
      'Schedule 12A paragraph 3 does not apply to an authority in Wales: it cites Part 4, paragraphs 12 to 18',
    );
    expect(exemptParagraphProblem('england', 14)).toBe(
      'Schedule 12A paragraph 14 does not apply to an authority in England: it cites Part 1, paragraphs 1 to 7',
    );
    expect(() => exemption(3, 'wales')).toThrow(/Part 4, paragraphs 12 to 18/);
    expect(() => exemption(14, 'england')).toThrow(/Part 1, paragraphs 1 to 7/);
    expect(() => exemption(9, 'wales')).toThrow(/one of 12 to 18 for an authority in Wales/);
    expect(exemption(14, 'wales')).toEqual({ paragraph: 14 });
    expect(exemption(14)).toEqual({ paragraph: 14 });
  });

  it('words the exclusion resolution per nation', () => {
    expect(exclusionResolution('wales')).toContain('the paragraph of Part 4 of Schedule 12A');
    expect(exclusionResolution('england')).toContain('the paragraph of Part 1 of Schedule 12A');
  });
});

describe(publicInterestTestProblem.name, () => {
  it('allows the outcome on every paragraph the test reaches and refuses it on Wales paragraph 16 only', () => {
    const refused = [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18].filter(
      (p) =>
        publicInterestTestProblem(p as Parameters<typeof publicInterestTestProblem>[0]) !== null,
    );
    expect(refused).toEqual([16]);
    expect(publicInterestTestProblem(16)).toBe(
      'The public interest test (paragraph 21 of Part 5 of Schedule 12A) does not reach paragraph 16 of Part 4: it applies to paragraphs 12 to 15, 17 and 18; leave reasonPublicInterestTest out',
    );
  });

  it('agrees with the description of each paragraph', () => {
    for (const p of [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18] as const)
      expect(publicInterestTestProblem(p) === null).toBe(
        describeExemption(p).publicInterestTestApplies,
      );
  });
});
