import { DomainError } from '../errors.js';
import { describeExemption, isExemptParagraph, SCHEDULE_12A_PARAGRAPHS } from './schedule-12a.js';

describe(describeExemption.name, () => {
  it('gives the statutory wording of paragraph 3 and the public-pack notice', () => {
    expect(describeExemption(3)).toEqual({
      paragraph: 3,
      description:
        'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
      notice:
        'Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.',
    });
  });

  it('describes all seven paragraphs, each differently', () => {
    const descriptions = [1, 2, 3, 4, 5, 6, 7].map((p) => describeExemption(p).description);
    expect(new Set(descriptions).size).toBe(7);
    expect(descriptions[0]).toBe('Information relating to any individual.');
    expect(descriptions[4]).toBe(
      'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
    );
    expect(Object.keys(SCHEDULE_12A_PARAGRAPHS)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it.each([0, 8, 3.5, Number.NaN, -3])('rejects paragraph %p with the value', (paragraph) => {
    expect(isExemptParagraph(paragraph)).toBe(false);
    try {
      describeExemption(paragraph);
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('EXEMPTION.PARAGRAPH_REQUIRED');
      expect((error as DomainError).data['value']).toBe(paragraph);
    }
  });

  it('knows a string is not a paragraph', () => {
    expect(isExemptParagraph('3')).toBe(false);
  });
});
