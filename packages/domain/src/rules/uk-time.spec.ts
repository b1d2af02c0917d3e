import { describe, expect, it } from '@jest/globals';
import type { Instant, LocalDate, LocalTime } from '../model/time.js';
import { ukInstantOf, ukIsoWithOffset, ukOffsetMinutesAt } from './uk-time.js';

const at = (date: string, time: string): string =>
  ukInstantOf(date as LocalDate, time as LocalTime);

describe('UK time', () => {
  it('reads a wall-clock time as GMT before the last Sunday of March and as BST after it', () => {
    // BST began at 01:00Z on Sunday 27 March 2022.
    expect(at('2022-03-26', '18:00')).toBe('2022-03-26T18:00:00.000Z');
    expect(at('2022-03-28', '18:00')).toBe('2022-03-28T17:00:00.000Z');
    expect(at('2022-03-27', '00:30')).toBe('2022-03-27T00:30:00.000Z');
    expect(at('2022-03-27', '02:30')).toBe('2022-03-27T01:30:00.000Z');
  });

  it('reads the hour the clocks skip with the offset before the change', () => {
    expect(at('2022-03-27', '01:30')).toBe('2022-03-27T01:30:00.000Z');
  });

  it('goes back to GMT on the last Sunday of October', () => {
    expect(at('2022-10-29', '10:00')).toBe('2022-10-29T09:00:00.000Z');
    expect(at('2022-10-31', '10:00')).toBe('2022-10-31T10:00:00.000Z');
  });

  it('writes an instant with its UK offset', () => {
    expect(ukOffsetMinutesAt('2022-07-01T12:00:00.000Z' as Instant)).toBe(60);
    expect(ukOffsetMinutesAt('2022-01-01T12:00:00.000Z' as Instant)).toBe(0);
    expect(ukIsoWithOffset('2022-03-28T17:00:00.000Z' as Instant)).toBe(
      '2022-03-28T18:00:00+01:00',
    );
    expect(ukIsoWithOffset('2022-03-26T18:00:00.000Z' as Instant)).toBe(
      '2022-03-26T18:00:00+00:00',
    );
  });
});
