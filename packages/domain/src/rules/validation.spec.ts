import fc from 'fast-check';
import { DomainError } from '../errors.js';
import type { MeasureCode } from '../model/performance.js';
import {
  assertTargetUnitMatches,
  bareLabel,
  checkExemption,
  checkListLabels,
  checkMeasureCode,
  checkPortfolioCode,
  checkTargetUnit,
  exemption,
  listLabel,
  measureCode,
  portfolioCode,
  toRoman,
} from './validation.js';

const thrown = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe(measureCode.name, () => {
  it.each(['CFSE.28', 'CFSE.65', 'CFSE11', 'CFSE12(ii)', 'CFSE4(b)', 'ASC1(2)', 'H.1'])(
    'accepts %p',
    (code) => {
      expect(measureCode(code)).toBe(code);
      expect(checkMeasureCode(code, '$.code')).toEqual([]);
    },
  );

  it.each([
    'cfse.28',
    'CFSE 28',
    'CFSE. 28',
    ' CFSE.28',
    'CFSE.28 ',
    'CFSE',
    '28',
    'CFSE.28.1',
    'CFSE12(II)',
    'CFSE12()',
    'CFSE..28',
    '',
  ])('rejects %p with the value', (code) => {
    const error = thrown(() => measureCode(code));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION.INVALID_VALUE');
    expect(error.data['value']).toBe(code);
    expect(error.message).toContain(JSON.stringify(code));
  });

  it('rejects a value that is not text', () => {
    expect(thrown(() => measureCode(28)).data['value']).toBe(28);
  });

  it('returns a problem at the given path', () => {
    expect(checkMeasureCode('cfse.28', '$.measures[0].code')).toEqual([
      expect.objectContaining({
        path: '$.measures[0].code',
        code: 'VALIDATION.INVALID_VALUE',
        value: 'cfse.28',
      }),
    ]);
  });
});

describe(portfolioCode.name, () => {
  it.each(['CFSE', 'HAS', 'E2'])('accepts %p', (code) => {
    expect(portfolioCode(code)).toBe(code);
  });

  it.each(['cfse', 'C', '2E', 'CF SE', 'ABCDEFGHIJK', null])('rejects %p', (code) => {
    expect(thrown(() => portfolioCode(code)).code).toBe('VALIDATION.INVALID_VALUE');
    expect(checkPortfolioCode(code, '$.code')).toHaveLength(1);
  });
});

describe(exemption.name, () => {
  it.each([1, 2, 3, 4, 5, 6, 7])('accepts paragraph %p', (paragraph) => {
    expect(exemption(paragraph)).toEqual({ paragraph });
  });

  it.each([0, 8, 3.5, -1, '3', null, Number.NaN])('rejects %p', (paragraph) => {
    const error = thrown(() => exemption(paragraph));
    expect(error.code).toBe('EXEMPTION.PARAGRAPH_REQUIRED');
    expect(error.data['value']).toBe(paragraph);
    expect(checkExemption(paragraph, '$.agendaItems[3].exemption.paragraph')).toEqual([
      expect.objectContaining({
        path: '$.agendaItems[3].exemption.paragraph',
        code: 'EXEMPTION.PARAGRAPH_REQUIRED',
      }),
    ]);
  });
});

describe(checkTargetUnit.name, () => {
  const measure = { code: 'CFSE11' as MeasureCode, unit: 'percent' as const };

  it('accepts a target in its measure’s unit', () => {
    expect(checkTargetUnit({ measureCode: measure.code, unit: 'percent' }, measure, '$.t')).toEqual(
      [],
    );
    expect(() =>
      assertTargetUnitMatches({ measureCode: measure.code, unit: 'percent' }, measure),
    ).not.toThrow();
  });

  it('rejects a target in another unit', () => {
    expect(checkTargetUnit({ measureCode: measure.code, unit: 'count' }, measure, '$.t')).toEqual([
      {
        path: '$.t',
        code: 'VALIDATION.MISMATCH',
        message: 'Target for CFSE11 is in count but measure CFSE11 is in percent',
        value: 'count',
      },
    ]);
    const error = thrown(() =>
      assertTargetUnitMatches({ measureCode: measure.code, unit: 'days' }, measure),
    );
    expect(error.code).toBe('VALIDATION.MISMATCH');
    expect(error.data).toEqual({ value: 'days', measureCode: 'CFSE11', measureUnit: 'percent' });
  });
});

describe(toRoman.name, () => {
  it.each([
    [1, 'i'],
    [4, 'iv'],
    [9, 'ix'],
    [14, 'xiv'],
    [40, 'xl'],
    [90, 'xc'],
    [400, 'cd'],
    [1994, 'mcmxciv'],
    [3999, 'mmmcmxcix'],
  ])('writes %p as %p', (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });

  it.each([0, 4000, 1.5])('rejects %p', (n) => {
    expect(thrown(() => toRoman(n)).data['value']).toBe(n);
  });
});

describe(listLabel.name, () => {
  it.each([
    ['lettered', 1, 'a'],
    ['lettered', 26, 'z'],
    ['lettered', 27, 'aa'],
    ['lettered', 53, 'ba'],
    ['roman', 5, 'v'],
    ['numbered', 12, '12'],
    ['bulleted', 3, '•'],
  ] as const)('labels %s item %p as %p', (style, position, label) => {
    expect(listLabel(style, position)).toBe(label);
  });

  it.each([0, 1.5])('rejects position %p', (position) => {
    expect(thrown(() => listLabel('numbered', position)).code).toBe('VALIDATION.INVALID_VALUE');
  });
});

describe(bareLabel.name, () => {
  it.each(['(a)', 'a)', 'a.', 'a', ' (A) '])('reads %p as a', (label) => {
    expect(bareLabel(label)).toBe('a');
  });
});

describe(checkListLabels.name, () => {
  it('accepts labels that follow their style, with or without brackets', () => {
    expect(checkListLabels('lettered', ['(a)', '(b)', '(c)'], '$.points')).toEqual([]);
    expect(checkListLabels('roman', ['(i)', '(ii)', '(iii)', '(iv)', '(v)'], '$.points')).toEqual(
      [],
    );
    expect(checkListLabels('numbered', ['1.', '2.', '3', '(4)'], '$.points')).toEqual([]);
    expect(checkListLabels('bulleted', ['', '•', '-'], '$.points')).toEqual([]);
  });

  it('reports each label that breaks the style at its own path', () => {
    expect(checkListLabels('roman', ['(i)', '(ii)', '(iv)'], '$.points')).toEqual([
      {
        path: '$.points[2].label',
        code: 'VALIDATION.INVALID_VALUE',
        message: 'Item 3 of a roman list should be labelled "iii", got "(iv)"',
        value: '(iv)',
      },
    ]);
    expect(checkListLabels('lettered', ['1', '2'], '$.p').map((p) => p.path)).toEqual([
      '$.p[0].label',
      '$.p[1].label',
    ]);
    expect(checkListLabels('bulleted', ['a'], '$.p')).toHaveLength(1);
  });

  it('accepts whatever labels listLabel gives', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('lettered', 'roman', 'numbered', 'bulleted' as const),
        fc.integer({ min: 0, max: 60 }),
        (style, count) => {
          const labels = Array.from({ length: count }, (_, i) => listLabel(style, i + 1));
          expect(checkListLabels(style, labels, '$')).toEqual([]);
        },
      ),
    );
  });
});
