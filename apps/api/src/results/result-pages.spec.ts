import { describe, expect, it } from '@jest/globals';
import { ResultPages } from './result-pages.js';

/** Takes every page due for refill, filling each as the refill does unless `fill` is false. */
const refills = (sut: ResultPages<string>, token: string, fill = false): string[] => {
  const keys: string[] = [];
  for (let next = sut.nextToRefill(token); next !== undefined; next = sut.nextToRefill(token)) {
    keys.push(next.query);
    if (fill) sut.set(token, next.key, next.query, `${next.key} ${token}`, next.wanted);
  }
  return keys;
};

describe(ResultPages.name, () => {
  it('serves a page only under the token it was read for', () => {
    const sut = new ResultPages<string>();
    sut.set('g1', 'a', 'qa', 'A');
    expect(sut.get('g1', 'a')).toBe('A');
    expect(sut.get('g2', 'a')).toBeUndefined();
  });

  it('refills, under the new token, the pages served from the cache under the old one, not those read once', () => {
    const sut = new ResultPages<string>();
    sut.set('g1', 'twice', 'q-twice', 'T');
    sut.set('g1', 'once', 'q-once', 'O');
    expect(sut.hasWanted()).toBe(false);
    sut.get('g1', 'twice');
    expect(sut.hasWanted()).toBe(true);
    sut.advance('g2');
    expect(sut.get('g2', 'twice')).toBeUndefined();
    // Not for a token the pages are not kept for (one older, or one not looked up yet).
    expect(sut.nextToRefill('g1')).toBeUndefined();
    expect(refills(sut, 'g2')).toEqual(['q-twice']);
    expect(refills(sut, 'g2')).toEqual([]);
  });

  it('skips a page a reader read again before the refill got to it, and keeps it wanted', () => {
    const sut = new ResultPages<string>();
    sut.set('g1', 'a', 'qa', 'A1');
    sut.set('g1', 'b', 'qb', 'B1');
    sut.get('g1', 'a');
    sut.get('g1', 'b');
    sut.set('g2', 'a', 'qa', 'A2');
    expect(refills(sut, 'g2')).toEqual(['qb']);
    sut.advance('g3');
    expect(refills(sut, 'g3')).toEqual(['qa']);
  });

  it('refills a page nobody reads any more for two generations, then lets it go', () => {
    const sut = new ResultPages<string>();
    sut.set('g1', 'a', 'qa', 'A');
    sut.get('g1', 'a');
    const generations = ['g2', 'g3', 'g4'].map((token) => {
      sut.advance(token);
      return refills(sut, token, true);
    });
    expect(generations).toEqual([['qa'], ['qa'], []]);
  });

  it('refills at most its bound, and keeps at most its limit of pages', () => {
    const sut = new ResultPages<string>(3, 2);
    for (const key of ['a', 'b', 'c', 'd']) {
      sut.set('g1', key, `q${key}`, key);
      sut.get('g1', key);
    }
    expect(sut.get('g1', 'a')).toBeUndefined();
    sut.advance('g2');
    expect(refills(sut, 'g2')).toEqual(['qc', 'qd']);
  });
});
