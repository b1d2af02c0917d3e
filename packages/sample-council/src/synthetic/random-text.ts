/**
 * Reproducible numbers and council-flavoured filler text for the synthetic council: one seeded
 * stream, no clock and no `Math.random`, so the same options always give the same data set.
 */

export type RandomText = {
  /** The next number of the stream, in [0, 1). */
  readonly next: () => number;
  /** A whole number from `min` to `max`, both included. */
  readonly between: (min: number, max: number) => number;
  readonly pick: <T>(items: readonly T[]) => T;
  /** `words` words, capitalised, with no full stop: a title or a table label. */
  readonly phrase: (words: number) => string;
  /** `words` words, capitalised, with a full stop. */
  readonly sentence: (words: number) => string;
  /** `sentences` sentences of 10 to 21 words: about 16 words each, as committee reports run. */
  readonly paragraph: (sentences: number) => string;
};

const WORDS = (
  'the council committee portfolio performance budget forecast outturn variance reserves savings ' +
  'capital programme children families education schools attainment placements social care ' +
  'assessment review target tolerance quarter improvement services delivery demand pressure ' +
  'members officers scrutiny recommendations priority outcome partnership funding grant ' +
  'allocation monitoring report residents community health wellbeing housing transport ' +
  'strategy resources workforce recruitment retention agency spend transformation digital ' +
  'commissioning contract market providers inspection Ofsted quality assurance early help ' +
  'prevention youth apprenticeships employment skills learning special educational needs'
).split(' ');

/** mulberry32: a 32-bit state, good enough spread for filler, and no dependency. */
const mulberry32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

export const randomText = (seed: number): RandomText => {
  const next = mulberry32(seed);
  const between = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const phrase = (words: number): string => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  };
  const sentence = (words: number): string => `${phrase(words)}.`;
  const paragraph = (sentences: number): string =>
    Array.from({ length: sentences }, () => sentence(between(10, 21))).join(' ');
  return { next, between, pick, phrase, sentence, paragraph };
};
