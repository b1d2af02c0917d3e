/**
 * How deep a request body's JSON may nest. No shape of ours goes deeper than about eight levels;
 * the limit stops a body of `[`×20000 before `JSON.parse` and the validators walk it (each level
 * costs them a stack frame, and enough levels overflow the stack: a 500).
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of `[`/`{` in raw JSON text, stopping as soon as it passes `limit`
 * (brackets inside strings do not count). One pass over the bytes, no parsing.
 */
export const jsonDepthExceeds = (raw: Uint8Array, limit = MAX_JSON_DEPTH): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth -= 1;
  }
  return false;
};

/** The error body-parser's `verify` throws for a body nested too deep (classified in problem.ts). */
export class JsonTooDeepError extends Error {
  override readonly name = 'JsonTooDeepError';
  readonly type = 'entity.too.deep';
  constructor() {
    super(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
}

/** body-parser's `verify` hook: refuses a body nested deeper than the limit before it is parsed. */
export const verifyJsonDepth = (_request: unknown, _response: unknown, raw: Buffer): void => {
  if (jsonDepthExceeds(raw)) throw new JsonTooDeepError();
};
