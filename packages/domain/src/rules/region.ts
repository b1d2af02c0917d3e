import { DomainError } from '../errors.js';
import { HOLIDAY_REGIONS, type HolidayRegion } from '../model/people.js';

/**
 * The one place an authority's region is read: its bank holidays (the five-clear-days rule) and
 * the nation whose Schedule 12A paragraphs it cites both follow it. A stored value that is not a
 * region is an error, never a silent "england".
 */
export const regionOfAuthority = (authority: { readonly region: string }): HolidayRegion => {
  const region = HOLIDAY_REGIONS.find((candidate) => candidate === authority.region);
  if (region === undefined)
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `An authority's region must be one of ${HOLIDAY_REGIONS.join(' or ')}, got ${JSON.stringify(authority.region)}`,
      { value: authority.region },
    );
  return region;
};
