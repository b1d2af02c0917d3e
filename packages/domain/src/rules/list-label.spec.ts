import { describe, expect, it } from '@jest/globals';
import { printedListLabel } from './list-label.js';

describe(printedListLabel.name, () => {
  it('prints labels as the council papers do: a) (i) 1. •', () => {
    expect(printedListLabel('lettered', 1)).toBe('a)');
    expect(printedListLabel('lettered', 5)).toBe('e)');
    expect(printedListLabel('roman', 4)).toBe('(iv)');
    expect(printedListLabel('numbered', 3)).toBe('3.');
    expect(printedListLabel('bulleted', 2)).toBe('•');
  });

  it('refuses a position that is not a whole number from 1', () => {
    expect(() => printedListLabel('lettered', 0)).toThrow(/whole number from 1/);
  });
});
