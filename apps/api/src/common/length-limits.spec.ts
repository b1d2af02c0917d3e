import { describe, expect, it } from '@jest/globals';
import { lengthProblems, MAX_TEXT } from './length-limits.js';

describe(lengthProblems.name, () => {
  it('holds bounded fields to their column and other text to the general limit, with paths', () => {
    const sut = lengthProblems({
      number: '12345678901',
      title: 'x'.repeat(501),
      ref: { text: 'x'.repeat(31), sequence: 1 },
      blocks: [{ text: 'x'.repeat(1000) }, { text: 'y'.repeat(MAX_TEXT + 1) }],
    });
    expect(sut.map((p) => p.path)).toEqual([
      '$.number',
      '$.title',
      '$.ref.text',
      '$.blocks[1].text',
    ]);
  });

  it('accepts text within its limits', () => {
    expect(
      lengthProblems({
        number: '5a',
        title: 'Minutes',
        ref: { text: 'OS.190' },
        reportOf: ['Director'],
      }),
    ).toEqual([]);
  });
});
