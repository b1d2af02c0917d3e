import { describe, expect, it } from '@jest/globals';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe(jsonDepthExceeds.name, () => {
  it('allows the limit and refuses one level more, for arrays and objects', () => {
    const arrays = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
    const objects = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect(jsonDepthExceeds(bytes(arrays(MAX_JSON_DEPTH)))).toBe(false);
    expect(jsonDepthExceeds(bytes(arrays(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(jsonDepthExceeds(bytes(objects(MAX_JSON_DEPTH)))).toBe(false);
    expect(jsonDepthExceeds(bytes(objects(20_000)))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ title: '['.repeat(500), quoted: '\\"[[[[' + '{'.repeat(200) });
    expect(jsonDepthExceeds(bytes(text))).toBe(false);
  });

  it('counts siblings once: a long flat list is shallow', () => {
    expect(jsonDepthExceeds(bytes(JSON.stringify(Array.from({ length: 5000 }, () => [1]))))).toBe(
      false,
    );
  });
});
