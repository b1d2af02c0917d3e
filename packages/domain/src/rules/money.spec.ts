import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DomainError } from '../errors.js';
import type { Pence } from '../model/money.js';
import {
  addPence,
  cashLimit,
  formatMoney,
  formatMoneyCompact,
  formatMoneyFigure,
  negatePence,
  pence,
  poundsToPence,
  subtractPence,
  sumPence,
  variance,
  wholePoundsToPence,
} from './money.js';

const errorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

const anyPence = fc.maxSafeInteger().map((n) => pence(n));
const MAX = Number.MAX_SAFE_INTEGER;

describe('pence', () => {
  it('accepts whole, safe numbers of pence and turns -0 into 0', () => {
    expect(pence(79_400_000)).toBe(79_400_000);
    expect(pence(-1_240_000)).toBe(-1_240_000);
    expect(Object.is(pence(-0), 0)).toBe(true);
    expect(pence(MAX)).toBe(MAX);
  });

  it.each([0.5, 794000.5, Number.NaN, Infinity, -Infinity, MAX + 1, -MAX - 1])(
    'rejects %p with the value',
    (value) => {
      const error = errorOf(() => pence(value));
      expect(error.code).toBe('MONEY.NOT_INTEGER_PENCE');
      expect(error.message).toBe(
        `Not a whole number of pence in the safe range: ${String(value)}.`,
      );
      expect(error.data).toEqual({ value });
    },
  );
});

describe('poundsToPence', () => {
  it.each<[string, number]>([
    ['794,000.50', 79_400_050],
    ['£794,000', 79_400_000],
    ['794000', 79_400_000],
    ['794000.5', 79_400_050],
    ['0.01', 1],
    ['0.5', 50],
    ['£0', 0],
    ['-£12,400', -1_240_000],
    ['-12400.05', -1_240_005],
    ['+£1,000', 100_000],
    ['  £1,250,000.00 ', 125_000_000],
    ['-0', 0],
    ['£90,071,992,547,409.91', MAX],
    ['-£90,071,992,547,409.91', -MAX],
    ['007', 700],
  ])('reads %j as %d pence', (text, expected) => {
    expect(poundsToPence(text)).toBe(expected);
  });

  it.each([
    '',
    '£',
    'abc',
    '1,23',
    '12,3456',
    '1,234,56',
    '£-12',
    '(£12,400)',
    '12.',
    '.5',
    '£ 12',
    '1e6',
    '12 400',
    '−12',
  ])('rejects %j as not an amount', (text) => {
    const error = errorOf(() => poundsToPence(text));
    expect(error.code).toBe('VALIDATION.INVALID_VALUE');
    expect(error.message).toBe(
      `Not an amount in pounds: ${JSON.stringify(text)} (expected e.g. £794,000, 794000.50 or -£12,400).`,
    );
    expect(error.data).toEqual({ value: text });
  });

  it('refuses a fraction of a penny rather than rounding it', () => {
    const error = errorOf(() => poundsToPence('0.005'));
    expect(error.code).toBe('MONEY.NOT_INTEGER_PENCE');
    expect(error.message).toBe(
      'Not a whole number of pence: "0.005" has more than two decimal places.',
    );
  });

  it('refuses amounts beyond the safe range instead of losing pence', () => {
    const error = errorOf(() => poundsToPence('£90,071,992,547,409.92'));
    expect(error.code).toBe('MONEY.NOT_INTEGER_PENCE');
    expect(error.data).toEqual({ value: '£90,071,992,547,409.92' });
    expect(() => poundsToPence('-90071992547409.92')).toThrow('is more than £90 trillion');
  });

  it('refuses a value that is not text', () => {
    expect(() => poundsToPence(794000 as unknown as string)).toThrow(
      'Not an amount in pounds: 794000',
    );
  });

  it('reads back every amount formatMoney writes (property)', () => {
    fc.assert(fc.property(anyPence, (amount) => poundsToPence(formatMoney(amount)) === amount));
  });

  it('reads plain decimal text exactly, with no float rounding (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -BigInt(MAX), max: BigInt(MAX) }), (n) => {
        const abs = n < 0n ? -n : n;
        const text = `${n < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        return poundsToPence(text) === Number(n);
      }),
    );
  });
});

describe('wholePoundsToPence', () => {
  it('multiplies whole pounds by 100', () => {
    expect(wholePoundsToPence(794_000)).toBe(79_400_000);
    expect(wholePoundsToPence(-12_400)).toBe(-1_240_000);
  });

  it('refuses a fraction of a pound and an amount out of range', () => {
    expect(errorOf(() => wholePoundsToPence(1.5)).message).toBe(
      'Not a whole number of pounds: 1.5.',
    );
    expect(errorOf(() => wholePoundsToPence(MAX)).data).toEqual({ pounds: MAX });
  });
});

describe('arithmetic', () => {
  const a = pence(79_400_000);
  const b = pence(1_240_000);

  it('adds, subtracts, negates and sums exactly', () => {
    expect(addPence(a, b)).toBe(80_640_000);
    expect(subtractPence(b, a)).toBe(-78_160_000);
    expect(negatePence(b)).toBe(-1_240_000);
    expect(Object.is(negatePence(pence(0)), 0)).toBe(true);
    expect(sumPence([a, b, pence(10)])).toBe(80_640_010);
    expect(sumPence([])).toBe(0);
  });

  it('fails rather than lose a penny beyond the safe range', () => {
    const error = errorOf(() => addPence(pence(MAX), pence(1)));
    expect(error.code).toBe('MONEY.NOT_INTEGER_PENCE');
    expect(error.data).toEqual({ a: MAX, b: 1 });
    expect(() => subtractPence(pence(-MAX), pence(2))).toThrow('Amount out of range');
    expect(() => sumPence([pence(MAX), pence(1), pence(-5)])).toThrow('Amount out of range');
  });

  it('sums exactly, in any order (property)', () => {
    const amounts = fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(pence), {
      maxLength: 50,
    });
    fc.assert(
      fc.property(amounts, (list) => {
        const exact = list.reduce((total, x) => total + BigInt(x), 0n);
        return BigInt(sumPence(list)) === exact && sumPence([...list].reverse()) === sumPence(list);
      }),
    );
  });

  it('subtracting undoes adding (property)', () => {
    const half = fc.integer({ min: -(2 ** 51), max: 2 ** 51 }).map(pence);
    fc.assert(fc.property(half, half, (x, y) => subtractPence(addPence(x, y), y) === x));
  });
});

describe('variance', () => {
  it('is forecast minus budget: positive is an overspend', () => {
    expect(variance(pence(100_000_000), pence(101_240_000))).toBe(1_240_000);
    expect(formatMoney(variance(pence(100_000_000), pence(98_760_000)))).toBe('-£12,400');
    expect(variance(pence(5), pence(5))).toBe(0);
  });
});

describe('cashLimit', () => {
  it('sums the revenue budget lines', () => {
    expect(
      cashLimit({
        revenueBudget: [
          { service: "Children's Social Care", budget: poundsToPence('£44,120,000') },
          { service: 'Education', budget: poundsToPence('£9,875,500.50') },
        ],
      }),
    ).toBe(5_399_550_050);
    expect(cashLimit({ revenueBudget: [] })).toBe(0);
  });
});

describe('formatMoney', () => {
  it.each<[number, string]>([
    [79_400_000, '£794,000'],
    [79_400_050, '£794,000.50'],
    [79_400_005, '£794,000.05'],
    [0, '£0'],
    [1, '£0.01'],
    [99, '£0.99'],
    [100, '£1'],
    [-1_240_000, '-£12,400'],
    [-1, '-£0.01'],
    [100_000_000_000, '£1,000,000,000'],
    [MAX, '£90,071,992,547,409.91'],
    [-MAX, '-£90,071,992,547,409.91'],
  ])('writes %d pence as %s', (amount, text) => {
    expect(formatMoney(pence(amount))).toBe(text);
  });

  it('writes negatives with an ASCII hyphen-minus, never brackets', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: -1 }), (amount) => {
        const text = formatMoney(pence(amount));
        return text.startsWith('-£') && !text.includes('(');
      }),
    );
  });

  it('refuses an amount that is not whole pence', () => {
    expect(() => formatMoney(0.5 as Pence)).toThrow(
      new DomainError(
        'MONEY.NOT_INTEGER_PENCE',
        'Not a whole number of pence in the safe range: 0.5.',
      ),
    );
  });
});

describe('formatMoneyCompact', () => {
  it.each<[number, string]>([
    [125_000_000, '£1.25m'],
    [120_000_000, '£1.2m'],
    [200_000_000, '£2m'],
    [124_500_000, '£1.25m'], // £1,245,000: half a hundredth rounds away from zero
    [124_499_999, '£1.24m'],
    [-124_500_000, '-£1.25m'],
    [123_456_789_000, '£1,234.57m'],
    [100_000_000, '£1m'],
    [99_999_950, '£1m'], // £999,999.50 rounds to £1,000,000, so it is written in millions
    [99_999_949, '£999,999'],
    [79_400_000, '£794,000'],
    [79_400_050, '£794,001'],
    [79_400_049, '£794,000'],
    [-79_400_050, '-£794,001'],
    [-1_240_000, '-£12,400'],
    [-49, '£0'],
    [-50, '-£1'],
    [0, '£0'],
    [MAX, '£90,071,992.55m'],
  ])('writes %d pence as %s', (amount, text) => {
    expect(formatMoneyCompact(pence(amount))).toBe(text);
  });

  it('refuses an amount that is not whole pence', () => {
    expect(() => formatMoneyCompact(Number.NaN as Pence)).toThrow(
      'Not a whole number of pence in the safe range: NaN.',
    );
  });

  /** A reference rounding in BigInt: half away from zero to a multiple of `unit` pence. */
  const roundAway = (amount: bigint, unit: bigint): bigint => {
    const abs = amount < 0n ? -amount : amount;
    const rounded = ((abs * 2n + unit) / (2n * unit)) * unit;
    return amount < 0n ? -rounded : rounded;
  };

  it('is within half a unit of the exact amount, rounded half away from zero (property)', () => {
    fc.assert(
      fc.property(anyPence, (amount) => {
        const text = formatMoneyCompact(amount);
        const match = /^(-?)£([\d,]+)(?:\.(\d{1,2}))?(m?)$/.exec(text);
        if (match === null) return false;
        const [, sign, whole = '', fraction = '', millions] = match;
        if (millions === 'm') {
          if (fraction.endsWith('0')) return false; // trailing zeros are trimmed
          const shown = BigInt(whole.replaceAll(',', '') + fraction.padEnd(2, '0')) * 1_000_000n;
          return (sign === '-' ? -shown : shown) === roundAway(BigInt(amount), 1_000_000n);
        }
        if (fraction !== '') return false;
        const shown = BigInt(whole.replaceAll(',', '')) * 100n;
        return (
          shown < 100_000_000n &&
          (sign === '-' ? -shown : shown) === roundAway(BigInt(amount), 100n)
        );
      }),
    );
  });
});

/** Monitoring scenarios from the sample portfolio, one JSON fixture each (fixtures/money/). */
type MoneyScenario = {
  readonly description: string;
  readonly lines: readonly {
    readonly service: string;
    readonly budget: string;
    readonly forecast: string;
  }[];
  readonly expected: {
    readonly cashLimit: string;
    readonly totalForecast: string;
    readonly totalVariance: string;
    readonly varianceCompact: string;
    readonly lineVariances: readonly string[];
  };
};

const fixturesDirectory = new URL('./fixtures/money/', import.meta.url);
const scenarios = readdirSync(fixturesDirectory)
  .filter((name) => name.endsWith('.json'))
  .map(
    (name) =>
      [
        name,
        JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8')) as MoneyScenario,
      ] as const,
  );

describe('money scenarios (fixtures/money)', () => {
  it('has scenarios to run', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(scenarios)('%s', (_name, scenario) => {
    it(scenario.description, () => {
      const budgets = scenario.lines.map((line) => poundsToPence(line.budget));
      const forecasts = scenario.lines.map((line) => poundsToPence(line.forecast));
      const limit = cashLimit({
        revenueBudget: scenario.lines.map((line, i) => ({
          service: line.service,
          budget: budgets[i] as Pence,
        })),
      });
      const totalForecast = sumPence(forecasts);
      expect(formatMoney(limit)).toBe(scenario.expected.cashLimit);
      expect(formatMoney(totalForecast)).toBe(scenario.expected.totalForecast);
      expect(formatMoney(variance(limit, totalForecast))).toBe(scenario.expected.totalVariance);
      expect(formatMoneyCompact(variance(limit, totalForecast))).toBe(
        scenario.expected.varianceCompact,
      );
      expect(
        budgets.map((budget, i) => formatMoney(variance(budget, forecasts[i] as Pence))),
      ).toEqual(scenario.expected.lineVariances);
    });
  });
});

describe(formatMoneyFigure.name, () => {
  it.each([
    [3_841_200_000, '38,412,000'],
    [-14_400_000, '\u2212144,000'],
    [-1, '\u22120.01'],
    [0, '0'],
    [79_400_050, '794,000.50'],
  ])('prints %d pence under a "£" header as %j: no "£", a real minus', (amount, printed) => {
    expect(formatMoneyFigure(pence(amount))).toBe(printed);
  });
});
