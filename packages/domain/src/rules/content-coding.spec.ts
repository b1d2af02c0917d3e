import { chooseContentCoding, isCompressibleType } from './content-coding.js';

describe('chooseContentCoding (Accept-Encoding, RFC 9110 §12.5.3)', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['GZip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['deflate', null],
    ['gzip;q=1.0, br;q=0.8', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0.5, gzip', 'gzip'],
    ['*;q=0', null],
    ['br;q=0.001', 'br'],
    ['br;q=2, gzip', 'gzip'],
    ['br;q=0.0001, gzip;q=0.1', 'gzip'],
    ['gzip;q=0.5, identity', null],
    ['gzip, identity;q=0.5', 'gzip'],
    [' gzip ; q=0.9 , br ; q=0.9 ', 'br'],
    [['gzip', 'br;q=0.1'], 'gzip'],
  ] as const)('%j → %j', (header, coding) => {
    expect(chooseContentCoding(header)).toBe(coding);
  });
});

describe('isCompressibleType', () => {
  it.each([
    'text/html; charset=utf-8',
    'text/css',
    'text/javascript; charset=utf-8',
    'application/json; charset=utf-8',
    'application/problem+json',
    'application/atom+xml; charset=utf-8',
    'text/calendar; charset=utf-8',
    'text/csv; charset=utf-8; header=present',
    'image/svg+xml',
  ])('compresses %s', (type) => {
    expect(isCompressibleType(type)).toBe(true);
  });

  it.each([
    undefined,
    'application/pdf',
    'image/png',
    'application/zip',
    'application/octet-stream',
  ])('leaves %s as it is', (type) => {
    expect(isCompressibleType(type)).toBe(false);
  });
});
