import { DomainError, isDomainError } from './errors.js';

describe(DomainError.name, () => {
  it('carries a stable code and the offending data, not an HTTP status', () => {
    const sut = new DomainError('VALIDATION.INVALID_VALUE', 'Not a measure code: "cfse 28".', {
      value: 'cfse 28',
    });

    expect(sut).toBeInstanceOf(Error);
    expect(sut.name).toBe('DomainError');
    expect(sut.code).toBe('VALIDATION.INVALID_VALUE');
    expect(sut.data).toEqual({ value: 'cfse 28' });
    expect(sut.message).toBe('Not a measure code: "cfse 28".');
  });

  it('is told apart from other errors by isDomainError', () => {
    expect(isDomainError(new DomainError('VALIDATION.REQUIRED', 'missing'))).toBe(true);
    expect(isDomainError(new Error('plain'))).toBe(false);
    expect(isDomainError({ code: 'VALIDATION.REQUIRED' })).toBe(false);
  });
});
