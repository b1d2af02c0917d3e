import { readOperations, type CsValue } from './content-tokens.js';
import { parseToUnicode } from './fonts.js';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const text = (value: CsValue | undefined): string =>
  typeof value === 'object' && value !== null && 'bytes' in value
    ? String.fromCharCode(...value.bytes)
    : String(value);

describe('readOperations', () => {
  it('reads marked content with inline properties, and text operators with their strings', () => {
    const operations = [
      ...readOperations(
        bytes(
          '/P <</MCID 3 /Lang (en)>> BDC BT /F1 9.5 Tf (a\\(b\\)c \\101\\n) Tj [<0041> -250 (x)] TJ ET EMC',
        ),
      ),
    ];
    expect(operations.map((operation) => operation.operator)).toEqual([
      'BDC',
      'BT',
      'Tf',
      'Tj',
      'TJ',
      'ET',
      'EMC',
    ]);
    const [properties] = operations[0]?.operands.slice(1) ?? [];
    expect(properties instanceof Map && properties.get('MCID')).toBe(3);
    expect(operations[2]?.operands).toEqual([{ name: 'F1' }, 9.5]);
    expect(text(operations[3]?.operands[0])).toBe('a(b)c A\n');
    const shown = operations[4]?.operands[0] as CsValue[];
    expect([text(shown[0]), shown[1], text(shown[2])]).toEqual(['\u0000A', -250, 'x']);
  });

  it('keeps nested parentheses in a literal string and decodes #xx in names', () => {
    const [operation] = [...readOperations(bytes('/A#20B (one (two) three) Tj'))];
    expect(operation?.operands[0]).toEqual({ name: 'A B' });
    expect(text(operation?.operands[1])).toBe('one (two) three');
  });

  it('steps over inline image data, whatever bytes it holds, as one BI', () => {
    const operations = [
      ...readOperations(bytes('q BI /W 2 /H 1 /BPC 8 /CS /G ID \u00ff) Tj [ EI Q 0 0 m S')),
    ];
    expect(operations.map((operation) => operation.operator)).toEqual(['q', 'BI', 'Q', 'm', 'S']);
  });

  it('skips comments', () => {
    const operations = [...readOperations(bytes('% (not a string) Tj\n1 0 0 1 0 0 cm'))];
    expect(operations).toEqual([{ operator: 'cm', operands: [1, 0, 0, 1, 0, 0] }]);
  });
});

describe('parseToUnicode', () => {
  it('reads bfchar, and bfrange with a start value or an array of values', () => {
    const cmap = parseToUnicode(
      bytes(
        '1 begincodespacerange <0000> <ffff> endcodespacerange ' +
          '2 beginbfchar <0001> <0041> <0002> <00660069> endbfchar ' +
          '2 beginbfrange <0010> <0012> <0061> <0020> <0021> [<2013> <00A3>] endbfrange',
      ),
    );
    expect(Object.fromEntries(cmap)).toEqual({
      1: 'A',
      2: 'fi',
      16: 'a',
      17: 'b',
      18: 'c',
      32: '\u2013',
      33: '£',
    });
  });
});
