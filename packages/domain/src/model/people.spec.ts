import { problemsOf } from '../schema/validate.js';
import { Committee, COMMITTEE_PURPOSE_MAX_LENGTH } from './people.js';

const committee = {
  id: 'stockport-cfsc',
  authorityId: 'stockport',
  name: 'Children and Families Scrutiny Committee',
  memberships: [],
  clerk: null,
  portfolioCodes: ['CFSE'],
};

describe('Committee.purpose', () => {
  it('takes a purpose, a null or none (a committee stored before the field was added)', () => {
    expect(problemsOf(Committee, { ...committee, purpose: 'Scrutinises services.' })).toEqual([]);
    expect(problemsOf(Committee, { ...committee, purpose: null })).toEqual([]);
    expect(problemsOf(Committee, committee)).toEqual([]);
  });

  it('takes a purpose of exactly the longest length, with line breaks', () => {
    const longest = `${'a'.repeat(COMMITTEE_PURPOSE_MAX_LENGTH - 2)}\n\nb`.slice(
      0,
      COMMITTEE_PURPOSE_MAX_LENGTH,
    );
    expect(longest).toHaveLength(COMMITTEE_PURPOSE_MAX_LENGTH);
    expect(problemsOf(Committee, { ...committee, purpose: longest })).toEqual([]);
  });

  it('refuses one character too many, an empty purpose and a non-string at $.purpose', () => {
    for (const purpose of ['a'.repeat(COMMITTEE_PURPOSE_MAX_LENGTH + 1), '', 3]) {
      const problems = problemsOf(Committee, { ...committee, purpose });
      expect(problems.map((p) => p.path)).toEqual(['$.purpose']);
    }
  });

  it('describes the field for the OpenAPI document, with its limit', () => {
    const schema = Committee.properties.purpose as unknown as {
      description?: string;
      anyOf: { maxLength?: number }[];
    };
    expect(schema.description).toMatch(/terms of reference/);
    expect(schema.anyOf[0]?.maxLength).toBe(COMMITTEE_PURPOSE_MAX_LENGTH);
  });
});
