/**
 * A content-stream tokenizer (ISO 32000-1 §7.2, §7.8.2): splits a page's decoded content into
 * operations, each an operator with the operands before it. It knows the object syntax content
 * streams use (numbers, names, literal and hex strings, arrays, dictionaries for BDC's inline
 * properties) and skips inline image data (`BI … ID … EI`), reported as one `BI` operation. A
 * CMap (ToUnicode) has the same PostScript-like syntax, so it is read with this too.
 */

export type CsName = { readonly name: string };
export type CsString = { readonly bytes: Uint8Array };
export type CsValue =
  number | boolean | null | CsName | CsString | readonly CsValue[] | ReadonlyMap<string, CsValue>;

export type Operation = { readonly operator: string; readonly operands: readonly CsValue[] };

const isWhite = (byte: number): boolean =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0;

/** `( ) < > [ ] { } / %` end a regular token. */
const isDelimiter = (byte: number): boolean =>
  byte === 0x28 ||
  byte === 0x29 ||
  byte === 0x3c ||
  byte === 0x3e ||
  byte === 0x5b ||
  byte === 0x5d ||
  byte === 0x7b ||
  byte === 0x7d ||
  byte === 0x2f ||
  byte === 0x25;

const isRegular = (byte: number): boolean => !isWhite(byte) && !isDelimiter(byte);

const hexValue = (byte: number): number => {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
};

const ARRAY_END = Symbol('array end');
const DICT_END = Symbol('dict end');
type Token = CsValue | { readonly keyword: string } | typeof ARRAY_END | typeof DICT_END;

export const isName = (value: CsValue | undefined): value is CsName =>
  typeof value === 'object' && value !== null && 'name' in value;
export const isString = (value: CsValue | undefined): value is CsString =>
  typeof value === 'object' && value !== null && 'bytes' in value;

class Reader {
  position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  skipSpace(): void {
    const { bytes } = this;
    while (this.position < bytes.length) {
      const byte = bytes[this.position] ?? 0;
      if (isWhite(byte)) this.position += 1;
      else if (byte === 0x25) {
        while (this.position < bytes.length && bytes[this.position] !== 0x0a) {
          if (bytes[this.position] === 0x0d) break;
          this.position += 1;
        }
      } else return;
    }
  }

  /** The next token, or undefined at the end of the data. */
  next(): Token | undefined {
    this.skipSpace();
    if (this.done) return undefined;
    const { bytes } = this;
    const byte = bytes[this.position] ?? 0;
    if (byte === 0x2f) return { name: this.readName() };
    if (byte === 0x28) return { bytes: this.readLiteral() };
    if (byte === 0x3c) {
      if (bytes[this.position + 1] === 0x3c) {
        this.position += 2;
        return this.readDict();
      }
      return { bytes: this.readHex() };
    }
    if (byte === 0x3e && bytes[this.position + 1] === 0x3e) {
      this.position += 2;
      return DICT_END;
    }
    if (byte === 0x5b) {
      this.position += 1;
      return this.readArray();
    }
    if (byte === 0x5d) {
      this.position += 1;
      return ARRAY_END;
    }
    if (!isRegular(byte)) {
      // A stray delimiter (`{`, `}`, `)`, a lone `>`): step over it as its own keyword.
      this.position += 1;
      return { keyword: String.fromCharCode(byte) };
    }
    const start = this.position;
    while (this.position < bytes.length && isRegular(bytes[this.position] ?? 0)) this.position += 1;
    const word = String.fromCharCode(...bytes.subarray(start, this.position));
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return { keyword: word };
  }

  private readName(): string {
    const { bytes } = this;
    this.position += 1;
    let name = '';
    while (this.position < bytes.length && isRegular(bytes[this.position] ?? 0)) {
      const byte = bytes[this.position] ?? 0;
      const high = hexValue(bytes[this.position + 1] ?? 0);
      const low = hexValue(bytes[this.position + 2] ?? 0);
      if (byte === 0x23 && high >= 0 && low >= 0) {
        name += String.fromCharCode(high * 16 + low);
        this.position += 3;
      } else {
        name += String.fromCharCode(byte);
        this.position += 1;
      }
    }
    return name;
  }

  private readLiteral(): Uint8Array {
    const { bytes } = this;
    const out: number[] = [];
    let depth = 1;
    this.position += 1;
    while (this.position < bytes.length) {
      const byte = bytes[this.position] ?? 0;
      this.position += 1;
      if (byte === 0x5c) {
        const escaped = bytes[this.position] ?? 0;
        this.position += 1;
        const simple: Record<number, number> = {
          0x6e: 0x0a,
          0x72: 0x0d,
          0x74: 0x09,
          0x62: 0x08,
          0x66: 0x0c,
        };
        if (escaped in simple) out.push(simple[escaped] ?? 0);
        else if (escaped >= 0x30 && escaped <= 0x37) {
          let code = escaped - 0x30;
          for (let digits = 1; digits < 3; digits += 1) {
            const digit = bytes[this.position] ?? 0;
            if (digit < 0x30 || digit > 0x37) break;
            code = code * 8 + (digit - 0x30);
            this.position += 1;
          }
          out.push(code & 0xff);
        } else if (escaped === 0x0d) {
          if (bytes[this.position] === 0x0a) this.position += 1;
        } else if (escaped !== 0x0a) out.push(escaped);
        continue;
      }
      if (byte === 0x28) depth += 1;
      if (byte === 0x29) {
        depth -= 1;
        if (depth === 0) break;
      }
      out.push(byte);
    }
    return Uint8Array.from(out);
  }

  private readHex(): Uint8Array {
    const { bytes } = this;
    const digits: number[] = [];
    this.position += 1;
    while (this.position < bytes.length && bytes[this.position] !== 0x3e) {
      const digit = hexValue(bytes[this.position] ?? 0);
      if (digit >= 0) digits.push(digit);
      this.position += 1;
    }
    this.position += 1;
    if (digits.length % 2 === 1) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let index = 0; index < out.length; index += 1) {
      out[index] = (digits[index * 2] ?? 0) * 16 + (digits[index * 2 + 1] ?? 0);
    }
    return out;
  }

  private readArray(): CsValue[] {
    const items: CsValue[] = [];
    for (;;) {
      const token = this.next();
      if (token === undefined || token === ARRAY_END) return items;
      if (token === DICT_END || isKeyword(token)) continue;
      items.push(token);
    }
  }

  private readDict(): Map<string, CsValue> {
    const dict = new Map<string, CsValue>();
    for (;;) {
      const key = this.next();
      if (key === undefined || key === DICT_END) return dict;
      if (!isName(key as CsValue)) continue;
      const value = this.next();
      if (value === undefined || value === DICT_END) return dict;
      if (value === ARRAY_END || isKeyword(value)) continue;
      dict.set((key as CsName).name, value);
    }
  }

  /** Steps over inline image data after `ID`: one white byte, then up to `EI` standing alone. */
  skipInlineImage(): void {
    const { bytes } = this;
    this.position += 1;
    while (this.position < bytes.length) {
      if (
        bytes[this.position] === 0x45 &&
        bytes[this.position + 1] === 0x49 &&
        isWhite(bytes[this.position - 1] ?? 0x20) &&
        (this.position + 2 >= bytes.length || !isRegular(bytes[this.position + 2] ?? 0x20))
      ) {
        this.position += 2;
        return;
      }
      this.position += 1;
    }
  }
}

const isKeyword = (token: Token): token is { readonly keyword: string } =>
  typeof token === 'object' && token !== null && 'keyword' in token;

/** Every operation in `bytes`, in order. */
export function* readOperations(bytes: Uint8Array): Generator<Operation> {
  const reader = new Reader(bytes);
  let operands: CsValue[] = [];
  for (;;) {
    const token = reader.next();
    if (token === undefined) return;
    if (token === ARRAY_END || token === DICT_END) continue;
    if (!isKeyword(token)) {
      operands.push(token);
      continue;
    }
    if (token.keyword === 'BI') {
      // The image dictionary's pairs run to `ID`; its data follows and ends at `EI`.
      for (let inner = reader.next(); inner !== undefined; inner = reader.next()) {
        if (isKeyword(inner) && inner.keyword === 'ID') break;
      }
      reader.skipInlineImage();
      yield { operator: 'BI', operands: [] };
      operands = [];
      continue;
    }
    yield { operator: token.keyword, operands };
    operands = [];
  }
}
