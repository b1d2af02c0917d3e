import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../common/problem.js';
import { fts5Query } from './query-syntax.js';

describe(fts5Query.name, () => {
  it('ANDs the words and quotes each, so none is an operator', () => {
    expect(fts5Query('school transport')).toBe('("school" AND "transport")');
    expect(fts5Query('NEAR budget*')).toBe('("NEAR" AND "budget")');
    expect(fts5Query('title:fees')).toBe('"title fees"');
  });

  it('keeps phrases, exclusions and or', () => {
    expect(fts5Query('"call in" -budget')).toBe('"call in" NOT ("budget")');
    expect(fts5Query('fees or charges')).toBe('"fees" OR "charges"');
    expect(fts5Query('a b -c or d')).toBe('("a" AND "b") NOT ("c") OR "d"');
  });

  it('survives stray quotes and punctuation', () => {
    expect(fts5Query('"unclosed phrase')).toBe('"unclosed phrase"');
    expect(fts5Query('O\'Neill "" ; --')).toBe('"O Neill"');
  });

  it('refuses a query with nothing to find', () => {
    for (const query of ['', '   ', '-budget', '"" or', '!!! ---'])
      expect(() => fts5Query(query)).toThrow(ApiError);
  });
});
