import { describe, expect, it } from '@jest/globals';
import { foldLine, icalText } from './calendar.js';
import { csvField, csvRow, toCsv } from './csv.js';
import { xmlText } from './feed.js';

describe('CSV (RFC 4180)', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('prefixes a text cell a spreadsheet would run as a formula, leaving numbers alone', () => {
    for (const cell of ['=1+1', '+44 161', '-2', '@SUM(A1)', '\tx'])
      expect(csvField(cell).replace(/^"/, '').startsWith(`'`)).toBe(true);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(-2)).toBe('-2');
  });

  it('writes a header row and CRLF rows after a byte order mark', () => {
    expect(csvRow(['a', 1, true])).toBe('a,1,true\r\n');
    expect(toCsv(['x', 'y'], [['1', null]])).toBe('\uFEFFx,y\r\n1,\r\n');
  });
});

describe('iCalendar text (RFC 5545)', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(icalText('Room 1; Town Hall, Stockport\\x\nnext')).toBe(
      'Room 1\\; Town Hall\\, Stockport\\\\x\\nnext',
    );
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n'))
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(line);
  });
});

describe('XML text', () => {
  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(xmlText('<a href="x">&</a>\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('characters a format cannot hold', () => {
  it('drops control characters from iCalendar text and lone surrogates from XML', () => {
    expect(icalText('a\u0000b\u0007c\td')).toBe('abc\td');
    expect(xmlText('x\ud800y😀')).toBe('xy😀');
  });
});
