import { describe, expect, it } from '@jest/globals';
import { GenerationPageCache } from './data-generations.js';

describe(GenerationPageCache.name, () => {
  it('serves an entry only under the token it was made with', () => {
    const sut = new GenerationPageCache<string>();
    sut.set('g1', 'page', 'old');
    expect(sut.get('g1', 'page')).toBe('old');
    expect(sut.get('g2', 'page')).toBeUndefined();
  });

  it('drops every entry made under an older token when one under a newer token is stored', () => {
    const sut = new GenerationPageCache<string>();
    sut.set('g1', 'a', 'a1');
    sut.set('g2', 'b', 'b2');
    expect(sut.get('g2', 'a')).toBeUndefined();
    expect(sut.get('g2', 'b')).toBe('b2');
  });

  it('keeps at most its limit, dropping the oldest entry first', () => {
    const sut = new GenerationPageCache<number>(2);
    sut.set('g', 'a', 1);
    sut.set('g', 'b', 2);
    sut.set('g', 'c', 3);
    expect([sut.get('g', 'a'), sut.get('g', 'b'), sut.get('g', 'c')]).toEqual([undefined, 2, 3]);
  });

  it('keeps at most its size bound, dropping the oldest first, and never an entry larger than it', () => {
    const sut = new GenerationPageCache<string>(100, { maxSize: 10, sizeOf: (v) => v.length });
    sut.set('g', 'a', 'aaaa');
    sut.set('g', 'b', 'bbbb');
    sut.set('g', 'c', 'cccc');
    expect([sut.get('g', 'a'), sut.get('g', 'b'), sut.get('g', 'c')]).toEqual([
      undefined,
      'bbbb',
      'cccc',
    ]);
    sut.set('g', 'huge', 'x'.repeat(11));
    expect(sut.get('g', 'huge')).toBeUndefined();
    expect(sut.get('g', 'c')).toBe('cccc');
    // Replacing an entry counts its new size only: both still fit.
    sut.set('g', 'c', 'cccccc');
    expect([sut.get('g', 'b'), sut.get('g', 'c')]).toEqual(['bbbb', 'cccccc']);
  });
});
