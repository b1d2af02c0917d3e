/**
 * The patterns of the codes councils write, shared by the schemas (model/) and the validating
 * constructors (rules/validation.ts). Imports nothing, so neither side depends on the other.
 */

/**
 * A measure code: an upper-case portfolio prefix (1–10 letters), an optional dot, a number
 * (1–4 digits) and an optional sub-part in brackets, either a lower-case roman numeral, one
 * lower-case letter or a number: `CFSE.28`, `CFSE.65`, `CFSE11`, `CFSE12(ii)`, `CFSE4(b)`.
 * No spaces, no lower-case prefix (`cfse.28`, `CFSE 28` are rejected).
 */
export const MEASURE_CODE_PATTERN = /^[A-Z]{1,10}\.?\d{1,4}(?:\((?:[ivx]{1,5}|[a-z]|\d{1,2})\))?$/;

/** A portfolio code: an upper-case letter then 1–9 upper-case letters or digits (`CFSE`, `HAS`, `E2`). */
export const PORTFOLIO_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
