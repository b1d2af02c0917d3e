import { describe, expect, it } from '@jest/globals';
import { convertedTag } from './converted-reports.js';

describe('convertedTag', () => {
  it('names the SHA-256, the converter version and the coding', () => {
    expect(convertedTag('abc', null)).toMatch(/^"abc-docx\d+"$/);
    expect(convertedTag('abc', 'br')).toMatch(/^"abc-docx\d+-br"$/);
  });
});
