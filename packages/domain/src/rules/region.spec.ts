import { isDomainError } from '../errors.js';
import { regionOfAuthority } from './region.js';

describe('regionOfAuthority', () => {
  it.each(['england', 'wales'] as const)('reads %s as itself', (region) => {
    expect(regionOfAuthority({ region })).toBe(region);
  });

  it.each(['Wales', 'scotland', ''])('refuses %j rather than guessing England', (region) => {
    let caught: unknown;
    try {
      regionOfAuthority({ region });
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught) && caught.code).toBe('VALIDATION.INVALID_VALUE');
  });
});
