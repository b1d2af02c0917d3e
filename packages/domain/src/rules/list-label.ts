import type { ListStyle } from '../model/text.js';
import { listLabel } from './validation.js';

/**
 * A list label as documents print it, for the item at `position` (from 1): lettered `a)`,
 * roman `(i)`, numbered `1.`, bulleted `•`. The council papers print recommendations and
 * resolutions alike with `a)` (Stockport's "a) Consider the Mid-Year Portfolio Performance …").
 */
export const printedListLabel = (style: ListStyle, position: number): string => {
  const bare = listLabel(style, position);
  switch (style) {
    case 'lettered':
      return `${bare})`;
    case 'roman':
      return `(${bare})`;
    case 'numbered':
      return `${bare}.`;
    case 'bulleted':
      return bare;
  }
};
