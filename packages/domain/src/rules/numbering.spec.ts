import fc from 'fast-check';
import { DomainError } from '../errors.js';
import type { LocalDate } from '../model/time.js';
import { minute } from '../../test/fixtures/documents.js';
import {
  compareMinuteRefs,
  formatMinuteRef,
  isMinuteRef,
  minuteRef,
  municipalYearOf,
  nextMinuteRef,
  nextParagraphRef,
  resolutionParagraphRef,
  numberMinutes,
  paragraphRef,
  parseMinuteRef,
  parseParagraphRef,
} from './numbering.js';

const date = (value: string) => value as LocalDate;

const expectDomainError = (run: () => unknown, code: string, value: unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).data['value']).toEqual(value);
    return;
  }
  throw new Error('expected a DomainError');
};

describe(parseMinuteRef.name, () => {
  it.each([
    ['33', '', 33],
    ['OS.190', 'OS.', 190],
    ['C/12', 'C/', 12],
    ['Min 4', 'Min ', 4],
    ['CYP-7', 'CYP-', 7],
  ])('parses %p as prefix %p and number %p', (text, prefix, number) => {
    expect(parseMinuteRef(text)).toEqual({ prefix, number });
    expect(isMinuteRef(text)).toBe(true);
  });

  it.each(['', 'OS.', '0', '033', '33.1', 'OS  190', '.5', '3a', ' 33', '99999999999999999999'])(
    'rejects %p with the value',
    (text) => {
      expectDomainError(() => parseMinuteRef(text), 'VALIDATION.INVALID_VALUE', text);
      expect(isMinuteRef(text)).toBe(text === '99999999999999999999');
    },
  );

  it('rejects a value that is not text', () => {
    expectDomainError(
      () => parseMinuteRef(33 as unknown as string),
      'VALIDATION.INVALID_VALUE',
      33,
    );
    expect(isMinuteRef(33)).toBe(false);
  });
});

describe(formatMinuteRef.name, () => {
  it('joins prefix and number', () => {
    expect(formatMinuteRef('OS.', 190)).toBe('OS.190');
    expect(formatMinuteRef('', 33)).toBe('33');
  });

  it.each([
    ['OS.1', 2],
    ['1', 2],
    ['', 0],
    ['', 1.5],
    ['', -3],
  ])('rejects prefix %p with number %p', (prefix, n) => {
    expect(() => formatMinuteRef(prefix, n)).toThrow(DomainError);
  });

  it('round-trips with parseMinuteRef', () => {
    const prefix = fc.stringMatching(/^(?:[A-Za-z][A-Za-z./-]{0,5} ?)?$/);
    fc.assert(
      fc.property(prefix, fc.integer({ min: 1, max: 1_000_000 }), (p, n) => {
        expect(parseMinuteRef(formatMinuteRef(p, n))).toEqual({ prefix: p, number: n });
      }),
    );
  });
});

describe(minuteRef.name, () => {
  it('carries the text and its sequence', () => {
    expect(minuteRef('OS.190')).toEqual({ text: 'OS.190', sequence: 190 });
  });
});

describe(compareMinuteRefs.name, () => {
  it('orders by number, not as text', () => {
    expect(['OS.10', 'OS.9', 'OS.100'].sort(compareMinuteRefs)).toEqual([
      'OS.9',
      'OS.10',
      'OS.100',
    ]);
  });

  it('breaks a tie on number by prefix', () => {
    expect(compareMinuteRefs('B.1', 'A.1')).toBeGreaterThan(0);
    expect(compareMinuteRefs('A.1', 'B.1')).toBeLessThan(0);
    expect(compareMinuteRefs('A.1', 'A.1')).toBe(0);
  });
});

describe(municipalYearOf.name, () => {
  const may20 = { month: 5, day: 20 };

  it('starts the year on the authority’s own date', () => {
    expect(municipalYearOf(date('2021-05-20'), may20)).toEqual({
      label: '2021/22',
      startYear: 2021,
      starts: '2021-05-20',
      ends: '2022-05-19',
    });
    expect(municipalYearOf(date('2021-05-19'), may20).label).toBe('2020/21');
    expect(municipalYearOf(date('2021-12-01'), may20).label).toBe('2021/22');
    // A council whose annual meeting is in late May numbers 14 May under the old year.
    expect(municipalYearOf(date('2021-05-14'), { month: 5, day: 27 }).label).toBe('2020/21');
  });

  it('labels a year that starts on 1 January by its calendar year', () => {
    expect(municipalYearOf(date('2021-01-01'), { month: 1, day: 1 })).toEqual({
      label: '2021',
      startYear: 2021,
      starts: '2021-01-01',
      ends: '2021-12-31',
    });
  });

  it('writes the end year of the century as 00', () => {
    expect(municipalYearOf(date('2099-06-01'), may20).label).toBe('2099/00');
  });

  it.each([
    { month: 0, day: 1 },
    { month: 13, day: 1 },
    { month: 2, day: 29 },
    { month: 4, day: 31 },
    { month: 5, day: 0 },
    { month: 5.5, day: 1 },
    { month: 5, day: 1.5 },
  ])('rejects the start %p', (start) => {
    expectDomainError(
      () => municipalYearOf(date('2021-06-01'), start),
      'VALIDATION.INVALID_VALUE',
      start,
    );
  });

  it('rejects a date that is not a date', () => {
    expect(() => municipalYearOf(date('2021-02-30'), may20)).toThrow(DomainError);
  });

  it('always contains the date', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10) as LocalDate);
    const start = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(day, start, (d, s) => {
        const year = municipalYearOf(d, s);
        expect(year.starts <= d && d <= year.ends).toBe(true);
      }),
    );
  });
});

describe(nextMinuteRef.name, () => {
  it('starts at 1 in a new municipal year', () => {
    expect(nextMinuteRef([], 'OS.')).toBe('OS.1');
  });

  it('continues after the highest number with the same prefix', () => {
    expect(nextMinuteRef(['OS.188', 'OS.190', 'OS.189'], 'OS.')).toBe('OS.191');
    expect(nextMinuteRef(['31', '33', '32'], '')).toBe('34');
    expect(nextMinuteRef(['C.40', 'OS.3'], 'OS.')).toBe('OS.4');
  });

  it('refuses an existing reference it cannot read', () => {
    expectDomainError(
      () => nextMinuteRef(['33', 'thirty-four'], ''),
      'VALIDATION.INVALID_VALUE',
      'thirty-four',
    );
  });

  it('refuses a prefix that would make the number ambiguous', () => {
    expectDomainError(() => nextMinuteRef([], 'OS1'), 'VALIDATION.INVALID_VALUE', 'OS1');
  });
});

describe(numberMinutes.name, () => {
  it('numbers in the order taken, not the order listed, and renumbers paragraphs', () => {
    const sut = numberMinutes(
      [
        minute({ ref: { text: '1', sequence: 1 }, takenOrder: 2, title: 'Item 8, taken second' }),
        minute({
          ref: { text: '2', sequence: 2 },
          takenOrder: 1,
          title: 'Item 6, taken first',
          blocks: [
            { kind: 'paragraph', ref: '2.1', text: 'a', comments: [] },
            { kind: 'comment-group', heading: 'Part One', comments: [] },
            { kind: 'paragraph', ref: null, text: 'unnumbered', comments: [] },
            { kind: 'paragraph', ref: '2.2', text: 'b', comments: [] },
          ],
        }),
      ],
      88,
      'OS.',
    );
    expect(sut.map((m) => [m.title, m.ref])).toEqual([
      ['Item 6, taken first', { text: 'OS.88', sequence: 88 }],
      ['Item 8, taken second', { text: 'OS.89', sequence: 89 }],
    ]);
    expect(sut[0]?.blocks.map((b) => (b.kind === 'paragraph' ? b.ref : b.heading))).toEqual([
      'OS.88.1',
      'Part One',
      null,
      'OS.88.2',
    ]);
  });

  it('refuses two minutes taken at the same position', () => {
    expectDomainError(
      () =>
        numberMinutes(
          [
            minute({ ref: { text: '1', sequence: 1 }, takenOrder: 1 }),
            minute({ ref: { text: '2', sequence: 2 }, takenOrder: 1 }),
          ],
          1,
          '',
        ),
      'VALIDATION.DUPLICATE',
      1,
    );
  });

  it('refuses a first number below 1 and a bad prefix', () => {
    expectDomainError(() => numberMinutes([], 0, ''), 'VALIDATION.INVALID_VALUE', 0);
    expectDomainError(() => numberMinutes([], 1, '9'), 'VALIDATION.INVALID_VALUE', '9');
  });

  it('gives consecutive, increasing references whatever the order taken', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 300 }),
        (orders, first) => {
          const sut = numberMinutes(
            orders.map((takenOrder) => minute({ ref: { text: '1', sequence: 1 }, takenOrder })),
            first,
            '',
          );
          sut.forEach((m, i) => {
            expect(m.ref.sequence).toBe(first + i);
            expect(parseMinuteRef(m.ref.text).number).toBe(m.ref.sequence);
            if (i > 0) expect(m.takenOrder).toBeGreaterThan((sut[i - 1] as typeof m).takenOrder);
          });
        },
      ),
    );
  });
});

describe(paragraphRef.name, () => {
  it('numbers paragraphs under the minute', () => {
    expect(paragraphRef('33', 1)).toBe('33.1');
    expect(paragraphRef('OS.190', 12)).toBe('OS.190.12');
  });

  it('refuses a bad minute reference or paragraph number', () => {
    expectDomainError(() => paragraphRef('x', 1), 'VALIDATION.INVALID_VALUE', 'x');
    expectDomainError(() => paragraphRef('33', 0), 'VALIDATION.INVALID_VALUE', 0);
  });
});

describe(parseParagraphRef.name, () => {
  it('splits at the last dot', () => {
    expect(parseParagraphRef('33.6')).toEqual({ minuteRef: '33', paragraph: 6 });
    expect(parseParagraphRef('OS.190.2')).toEqual({ minuteRef: 'OS.190', paragraph: 2 });
  });

  it.each(['33', '33.0', 'OS.1', 'x.1', '.1', '33.99999999999999999999'])('rejects %p', (text) => {
    expectDomainError(() => parseParagraphRef(text), 'VALIDATION.INVALID_VALUE', text);
  });

  it('rejects a value that is not text', () => {
    expect(() => parseParagraphRef(null as unknown as string)).toThrow(DomainError);
  });
});

describe(nextParagraphRef.name, () => {
  it('continues after the highest paragraph', () => {
    expect(nextParagraphRef('33', [])).toBe('33.1');
    expect(nextParagraphRef('33', ['33.1', '33.3', '33.2'])).toBe('33.4');
  });

  it('refuses a paragraph of another minute', () => {
    expectDomainError(
      () => nextParagraphRef('33', ['33.1', '34.1']),
      'VALIDATION.INVALID_VALUE',
      '34.1',
    );
  });
});

describe(resolutionParagraphRef.name, () => {
  const para = (ref: string | null) => ({
    kind: 'paragraph' as const,
    ref,
    text: 'Noted.',
    comments: [],
  });

  it('numbers the resolution after the highest numbered paragraph, not the last one', () => {
    const sut = minute({
      ref: minuteRef('33'),
      takenOrder: 1,
      blocks: [para('33.1'), para('33.3'), para('33.2'), para(null)],
    });
    expect(resolutionParagraphRef(sut)).toBe('33.4');
  });

  it('is null when the minute’s paragraphs are unnumbered', () => {
    expect(
      resolutionParagraphRef(minute({ ref: minuteRef('33'), takenOrder: 1, blocks: [para(null)] })),
    ).toBeNull();
  });

  it('refuses a paragraph of another minute', () => {
    const sut = minute({ ref: minuteRef('33'), takenOrder: 1, blocks: [para('34.1')] });
    expect(() => resolutionParagraphRef(sut)).toThrow(/does not belong to minute 33/);
  });
});
