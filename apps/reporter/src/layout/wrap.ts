import type { FontStyle, Run } from '../model/document-model.js';
import type { TextMetrics } from './metrics.js';

/** A run of text on one line in one style; `x` and `width` in points from the line's start. */
export type Fragment = {
  readonly text: string;
  readonly font: FontStyle;
  readonly colour: string | undefined;
  readonly link: Run['link'];
  readonly x: number;
  readonly width: number;
};

export type Line = { readonly fragments: readonly Fragment[]; readonly width: number };

type Token = {
  readonly text: string;
  readonly run: Run;
  readonly kind: 'word' | 'space' | 'break';
};

/**
 * Replaces what the font cannot draw with a visible `?` and reports each missing character once
 * through `warn`. Tabs and carriage returns become spaces; soft hyphens and zero-width marks go.
 */
export const sanitize = (
  text: string,
  font: FontStyle,
  metrics: TextMetrics,
  warn: (message: string) => void,
): string => {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === ' ') out += char;
    else if (char === '\t' || char === '\r') out += ' ';
    else if (cp === 0xad || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff)
      continue;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    else if (metrics.hasGlyph(cp, font)) out += char;
    else {
      warn(
        `The font has no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')} "${char}"; printed as "?"`,
      );
      out += '?';
    }
  }
  return out;
};

const tokenize = (
  runs: readonly Run[],
  metrics: TextMetrics,
  warn: (m: string) => void,
): Token[] => {
  const tokens: Token[] = [];
  for (const run of runs) {
    const text = sanitize(run.text, run.style ?? 'regular', metrics, warn);
    for (const piece of text.split(/(\n| +)/)) {
      if (piece === '') continue;
      const kind = piece === '\n' ? 'break' : piece.startsWith(' ') ? 'space' : 'word';
      tokens.push({ text: kind === 'space' ? ' ' : piece, run, kind });
    }
  }
  return tokens;
};

const sameStyle = (a: Run, b: Run): boolean =>
  (a.style ?? 'regular') === (b.style ?? 'regular') && a.colour === b.colour && a.link === b.link;

/** Splits a word wider than `maxWidth` into pieces that fit (a long URL, a run of digits). */
const breakWord = (
  word: string,
  font: FontStyle,
  size: number,
  maxWidth: number,
  metrics: TextMetrics,
): string[] => {
  const pieces: string[] = [];
  let rest = [...word];
  while (rest.length > 0) {
    // Binary search for the longest prefix that fits; always take at least one character.
    let lo = 1;
    let hi = rest.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (metrics.width(rest.slice(0, mid).join(''), font, size) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    pieces.push(rest.slice(0, lo).join(''));
    rest = rest.slice(lo);
  }
  return pieces;
};

/**
 * Greedy line breaking of styled runs into lines no wider than `maxWidth` points at `size` points.
 * Spaces at a break are dropped; `\n` forces a break; words wider than a line are broken inside.
 */
export const wrapRuns = (
  runs: readonly Run[],
  maxWidth: number,
  size: number,
  metrics: TextMetrics,
  warn: (message: string) => void,
): Line[] => {
  const lines: Line[] = [];
  type Piece = { text: string; run: Run; width: number };
  let current: Piece[] = [];
  let width = 0;
  let pendingSpace: Piece | null = null;

  const flush = (): void => {
    const fragments: Fragment[] = [];
    let x = 0;
    let start = 0;
    // One fragment per run of pieces in the same style, built once (this is the hot loop).
    while (start < current.length) {
      const first = current[start] as Piece;
      let end = start + 1;
      let text = first.text;
      let fragmentWidth = first.width;
      while (end < current.length && sameStyle((current[end] as Piece).run, first.run)) {
        const piece = current[end] as Piece;
        text += piece.text;
        fragmentWidth += piece.width;
        end += 1;
      }
      fragments.push({
        text,
        font: first.run.style ?? 'regular',
        colour: first.run.colour,
        link: first.run.link,
        x,
        width: fragmentWidth,
      });
      x += fragmentWidth;
      start = end;
    }
    lines.push({ fragments, width });
    current = [];
    width = 0;
    pendingSpace = null;
  };

  for (const token of tokenize(runs, metrics, warn)) {
    const font = token.run.style ?? 'regular';
    if (token.kind === 'break') {
      flush();
      continue;
    }
    if (token.kind === 'space') {
      if (current.length > 0)
        pendingSpace = { text: ' ', run: token.run, width: metrics.width(' ', font, size) };
      continue;
    }
    const wordWidth = metrics.width(token.text, font, size);
    const spaceWidth = pendingSpace ? pendingSpace.width : 0;
    if (width + spaceWidth + wordWidth <= maxWidth) {
      if (pendingSpace) current.push(pendingSpace);
      current.push({ text: token.text, run: token.run, width: wordWidth });
      width += spaceWidth + wordWidth;
      pendingSpace = null;
      continue;
    }
    if (current.length > 0) flush();
    if (wordWidth <= maxWidth) {
      current.push({ text: token.text, run: token.run, width: wordWidth });
      width = wordWidth;
      continue;
    }
    const pieces = breakWord(token.text, font, size, maxWidth, metrics);
    pieces.forEach((piece, index) => {
      const pieceWidth = metrics.width(piece, font, size);
      current.push({ text: piece, run: token.run, width: pieceWidth });
      width = pieceWidth;
      if (index < pieces.length - 1) flush();
    });
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
};
