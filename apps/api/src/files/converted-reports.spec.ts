import { describe, expect, it } from '@jest/globals';
import { makeDocxReport } from '@scrutineer/reporter/testing';
import { ConvertedReportCache, convertedTag } from './converted-reports.js';

describe(ConvertedReportCache.name, () => {
  const counting = (bytes: Buffer) => {
    const loads: string[] = [];
    return {
      loads,
      load: (sha: string) => async () => {
        loads.push(sha);
        return bytes;
      },
    };
  };

  it('converts a file once, then answers from the kept JSON', async () => {
    const docx = Buffer.from(await makeDocxReport({ clean: true }));
    const cache = new ConvertedReportCache();
    const { loads, load } = counting(docx);
    const lookups: boolean[] = [];
    const first = await cache.json('a', load('a'), (hit) => lookups.push(hit));
    const again = await cache.json('a', load('a'), (hit) => lookups.push(hit));
    expect(again).toBe(first);
    expect(loads).toEqual(['a']);
    expect(lookups).toEqual([false, true]);
    expect(JSON.parse(first)).toMatchObject({ blocks: expect.any(Array), warnings: [] });
  });

  it('shares one conversion between readers at once', async () => {
    const docx = Buffer.from(await makeDocxReport({ clean: true }));
    const cache = new ConvertedReportCache();
    const { loads, load } = counting(docx);
    await Promise.all([cache.json('a', load('a')), cache.json('a', load('a'))]);
    expect(loads).toEqual(['a']);
  });

  it('drops the least recently used beyond its count, and keeps none larger than its bytes', async () => {
    const docx = Buffer.from(await makeDocxReport({ clean: true }));
    const { loads, load } = counting(docx);
    const cache = new ConvertedReportCache(2);
    for (const sha of ['a', 'b', 'a', 'c', 'a', 'b']) await cache.json(sha, load(sha));
    // a is used again before c comes, so b goes; b is converted again at the end.
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size.entries).toBe(2);
    const tiny = new ConvertedReportCache(10, 100);
    await tiny.json('a', load('a'));
    expect(tiny.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('tags a conversion by SHA-256, converter version and content coding', () => {
    expect(convertedTag('abc', null)).toMatch(/^"abc-docx\d+"$/);
    expect(convertedTag('abc', 'br')).toMatch(/^"abc-docx\d+-br"$/);
  });
});
