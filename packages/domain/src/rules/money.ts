import { DomainError } from '../errors.js';
import type { PortfolioAgreement } from '../model/agreement.js';
import type { Pence } from '../model/money.js';

/**
 * Money is a whole number of pence in a safe integer. Every operation here is integer arithmetic
 * (and text for parsing), never a binary fraction of pounds.
 *
 * Negative amounts are always written with a leading ASCII hyphen-minus: `-£12,400`, never
 * `(£12,400)`. It is the product-wide choice because screen readers read it as "minus".
 */

const PENCE_PER_POUND = 100;
const PENCE_PER_MILLION = 100_000_000;

const notPence = (message: string, data: Record<string, unknown>): DomainError =>
  new DomainError('MONEY.NOT_INTEGER_PENCE', message, data);

/** A whole, safe number of pence (`-0` becomes `0`). */
export const pence = (value: number): Pence => {
  if (!Number.isSafeInteger(value)) {
    throw notPence(`Not a whole number of pence in the safe range: ${String(value)}.`, { value });
  }
  return (value === 0 ? 0 : value) as Pence;
};

/**
 * Parses pounds written as text, exactly: `794000`, `794,000.50`, `£794,000`, `-£12,400`,
 * `-12400.5`. Commas must group thousands correctly; at most two decimal places (a third
 * would be a fraction of a penny, and is refused rather than rounded).
 */
export const poundsToPence = (text: string): Pence => {
  const input = typeof text === 'string' ? text.trim() : '';
  const match = /^([-+]?)£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(input);
  if (match === null) {
    throw new DomainError(
      'VALIDATION.INVALID_VALUE',
      `Not an amount in pounds: ${JSON.stringify(text)} (expected e.g. £794,000, 794000.50 or -£12,400).`,
      { value: text },
    );
  }
  const [, sign, whole, fraction = ''] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
  ];
  if (fraction.length > 2) {
    throw notPence(
      `Not a whole number of pence: ${JSON.stringify(text)} has more than two decimal places.`,
      {
        value: text,
      },
    );
  }
  const digits = BigInt(whole.replaceAll(',', '') + fraction.padEnd(2, '0'));
  const amount = sign === '-' ? -digits : digits;
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw notPence(`Amount out of range: ${JSON.stringify(text)} is more than £90 trillion.`, {
      value: text,
    });
  }
  return pence(Number(amount));
};

/** Whole pounds (an integer) to pence: 794000 → 79,400,000p. */
export const wholePoundsToPence = (pounds: number): Pence => {
  if (!Number.isSafeInteger(pounds)) {
    throw notPence(`Not a whole number of pounds: ${String(pounds)}.`, { value: pounds });
  }
  return checked(pounds * PENCE_PER_POUND, { pounds });
};

const checked = (result: number, operands: Record<string, unknown>): Pence => {
  if (!Number.isSafeInteger(result)) {
    throw notPence('Amount out of range: the result is more than £90 trillion.', operands);
  }
  return (result === 0 ? 0 : result) as Pence;
};

export const addPence = (a: Pence, b: Pence): Pence => checked(a + b, { a, b });

export const subtractPence = (a: Pence, b: Pence): Pence => checked(a - b, { a, b });

/** The exact sum; 0 for an empty list. Fails rather than lose a penny if a partial sum leaves the safe range. */
export const sumPence = (amounts: readonly Pence[]): Pence =>
  amounts.reduce<Pence>((total, amount) => addPence(total, amount), 0 as Pence);

export const negatePence = (amount: Pence): Pence => checked(-amount, { amount });

/**
 * Forecast (or out-turn) minus budget. Positive means an overspend (spending more than the
 * budget), negative an underspend: a budget of £1,000,000 and a forecast of £1,012,400 give
 * +£12,400.
 */
export const variance = (budget: Pence, forecast: Pence): Pence => subtractPence(forecast, budget);

/** The cash limit of a portfolio agreement: the sum of its revenue budget lines. */
export const cashLimit = (agreement: Pick<PortfolioAgreement, 'revenueBudget'>): Pence =>
  sumPence(agreement.revenueBudget.map((line) => line.budget));

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Divides a non-negative integer, rounding half up (half away from zero once the sign is put back). */
const divideRounded = (value: number, divisor: number): number => {
  const remainder = value % divisor;
  const quotient = (value - remainder) / divisor;
  return remainder * 2 >= divisor ? quotient + 1 : quotient;
};

const checkPence = (amount: Pence): void => {
  if (!Number.isSafeInteger(amount)) {
    throw notPence(`Not a whole number of pence in the safe range: ${String(amount)}.`, {
      value: amount,
    });
  }
};

/** `£794,000` when the pence are 0, otherwise `£794,000.50`; `-£12,400` when negative. */
export const formatMoney = (amount: Pence): string => {
  checkPence(amount);
  const sign = amount < 0 ? '-' : '';
  const magnitude = Math.abs(amount);
  const penceLeft = magnitude % PENCE_PER_POUND;
  const pounds = (magnitude - penceLeft) / PENCE_PER_POUND;
  const fraction = penceLeft === 0 ? '' : `.${String(penceLeft).padStart(2, '0')}`;
  return `${sign}£${groupThousands(String(pounds))}${fraction}`;
};

/**
 * An amount in a money table whose column header already says "£" ("Budget £"): whole pounds
 * and pence as `formatMoney` gives them, without a "£" in every cell, and a negative with a real
 * minus sign (U+2212): `−144,000`. We print the minus rather than brackets, `(144,000)`, because a
 * screen reader says "minus 144,000" where it reads brackets as punctuation, and a copied figure
 * stays a number; the hyphen-minus `formatMoney` uses is too short to see in a right-aligned column.
 */
export const formatMoneyFigure = (amount: Pence): string => {
  const text = formatMoney(amount).replace('£', '');
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
};

/**
 * The short form for tables and headlines. From £1m (after rounding) it is millions to two
 * decimal places with trailing zeros dropped: `£1.25m`, `£1.2m`, `£2m`, `£1,234.57m`. Below
 * that it is whole pounds: `£794,000`. Rounding is half away from zero: £794,000.50 →
 * `£794,001`, -£1,245,000 → `-£1.25m`.
 */
export const formatMoneyCompact = (amount: Pence): string => {
  checkPence(amount);
  const magnitude = Math.abs(amount);
  const pounds = divideRounded(magnitude, PENCE_PER_POUND);
  // No "-£0": a loss of a few pence rounds to nothing.
  const sign = amount < 0 && pounds > 0 ? '-' : '';
  if (pounds < 1_000_000) {
    return `${sign}£${groupThousands(String(pounds))}`;
  }
  // Units of £10,000: hundredths of a million.
  const hundredths = divideRounded(magnitude, PENCE_PER_MILLION / 100);
  const millions = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}£${groupThousands(String(millions))}${fraction === '' ? '' : `.${fraction}`}m`;
};
