import { Closed, KindUnion, List, Nullable, StringEnum, Text, Type, Variant } from './kit.js';
import { createAjv, FORMAT_WORDS, problemsOf, validatorOf } from './validate.js';

const Person = Closed(
  { name: Text({ maxLength: 20 }), memberId: Nullable(Text()) },
  { title: 'P' },
);
const Holder = Closed({ holder: Nullable(Person), people: List(Person, { maxItems: 2 }) });

const Paper = Variant('paper', { pages: Type.Integer({ minimum: 1 }) }, { title: 'PaperItem' });
const Talk = Variant('talk', { speaker: Text() }, { title: 'TalkItem' });
const Item = KindUnion([Paper, Talk], { title: 'Item' });
const Agenda = Closed({ items: List(Item) });

describe(problemsOf.name, () => {
  it('accepts a valid value with no problems', () => {
    expect(problemsOf(Holder, { holder: null, people: [{ name: 'Ann', memberId: null }] })).toEqual(
      [],
    );
  });

  it('refuses an unknown field of a closed object, at its own path, with its value', () => {
    expect(
      problemsOf(Holder, { holder: { name: 'Ann', memberId: null, ward: 'x' }, people: [] }),
    ).toEqual([
      {
        path: '$.holder.ward',
        code: 'VALIDATION.UNKNOWN_FIELD',
        message: 'Unknown field "ward"',
        value: 'x',
      },
    ]);
  });

  it('names a missing field at the path it is missing from', () => {
    expect(problemsOf(Holder, { holder: null })).toEqual([
      { path: '$.people', code: 'VALIDATION.REQUIRED', message: 'people is required' },
    ]);
  });

  it('reports a fault inside a nullable object at the inner path only (no "must be null")', () => {
    const problems = problemsOf(Holder, { holder: { name: '', memberId: null }, people: [] });
    expect(problems.map((p) => p.path)).toEqual(['$.holder.name']);
    expect(problems[0]?.message).toMatch(/fewer than 1 character/);
  });

  it('reports a fault two nullables deep at the innermost path only', () => {
    expect(problemsOf(Holder, { holder: { name: 'Ann', memberId: 3 }, people: [] })).toMatchObject([
      { path: '$.holder.memberId', message: 'must be string' },
    ]);
  });

  it('reports a nullable discriminated union by its kind, not by "must be null"', () => {
    const Slot = Closed({ item: Nullable(Item) });
    expect(problemsOf(Slot, { item: null })).toEqual([]);
    expect(problemsOf(Slot, { item: { kind: 'paper', pages: 0 } }).map((p) => p.path)).toEqual([
      '$.item.pages',
    ]);
    expect(problemsOf(Slot, { item: { kind: 'song' } })).toMatchObject([
      { path: '$.item.kind', message: 'kind must be one of: paper, talk' },
    ]);
  });

  it('reports a nullable of the wrong type once, at its path', () => {
    const problems = problemsOf(Holder, { holder: 'Ann', people: [] });
    expect(problems.map((p) => p.path)).toEqual(['$.holder']);
  });

  it('indexes list items in the path and bounds the list', () => {
    const ann = { name: 'Ann', memberId: null };
    expect(
      problemsOf(Holder, { holder: null, people: [ann, { ...ann, memberId: 3 }] }).map(
        (p) => p.path,
      ),
    ).toEqual(['$.people[1].memberId']);
    expect(problemsOf(Holder, { holder: null, people: [ann, ann, ann] })).toMatchObject([
      { path: '$.people', code: 'VALIDATION.INVALID_VALUE' },
    ]);
  });

  it('reports only the branch a discriminated union’s kind names', () => {
    const problems = problemsOf(Agenda, { items: [{ kind: 'talk', speaker: '', pages: 2 }] });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['$.items[0].pages', 'VALIDATION.UNKNOWN_FIELD'],
      ['$.items[0].speaker', 'VALIDATION.INVALID_VALUE'],
    ]);
  });

  it('lists the kinds when the kind is unknown, and requires a kind', () => {
    expect(problemsOf(Agenda, { items: [{ kind: 'song', pages: 1 }] })).toEqual([
      {
        path: '$.items[0].kind',
        code: 'VALIDATION.INVALID_VALUE',
        message: 'kind must be one of: paper, talk',
        value: 'song',
      },
    ]);
    expect(problemsOf(Agenda, { items: [{ pages: 1 }] })).toMatchObject([
      { path: '$.items[0].kind', code: 'VALIDATION.REQUIRED' },
    ]);
  });

  it('names the allowed values of an enumeration', () => {
    expect(
      problemsOf(Closed({ unit: StringEnum(['days', 'weeks'] as const) }), { unit: 'x' }),
    ).toEqual([
      {
        path: '$.unit',
        code: 'VALIDATION.INVALID_VALUE',
        message: 'must be one of: days, weeks',
        value: 'x',
      },
    ]);
  });

  it('refuses a non-integer where an integer is wanted', () => {
    expect(problemsOf(Paper, { kind: 'paper', pages: 1.5 })).toMatchObject([
      { path: '$.pages', code: 'VALIDATION.INVALID_VALUE', value: 1.5 },
    ]);
  });

  it('quotes keys that are not identifiers and unescapes JSON Pointer segments', () => {
    const Free = Type.Record(Type.String(), Type.Integer());
    expect(problemsOf(Free, { 'a/b~c': 'x' }).map((p) => p.path)).toEqual(['$["a/b~c"]']);
  });
});

describe('formats', () => {
  const at = (format: string, value: string) =>
    problemsOf(Type.String({ format }), value).map((p) => p.message);

  it.each([
    ['date', '2021-11-15'],
    ['date', '2024-02-29'],
    ['date-time', '2021-11-15T16:30:00Z'],
    ['date-time', '2021-11-15T16:30+01:00'],
    ['date-time', '2021-11-15T16:30:00.123-05:00'],
    ['financial-year', '2021/22'],
    ['financial-year', '1999/00'],
    ['academic-year', '2020/21'],
    ['email', 'clerk@stockport.gov.uk'],
    ['uri', 'https://democracy.stockport.gov.uk/'],
  ])('accepts %s %s', (format, value) => {
    expect(at(format, value)).toEqual([]);
  });

  it.each([
    ['date', '2021-02-30', 'a calendar date'],
    ['date', '2023-02-29', 'a calendar date'],
    ['date', '2021-13-01', 'a calendar date'],
    ['date', '15/11/2021', 'a calendar date'],
    ['date-time', '2021-11-15T16:30:00', 'an instant'],
    ['date-time', '2021-11-15', 'an instant'],
    ['date-time', '2021-11-31T16:30:00Z', 'an instant'],
    ['financial-year', '2021/23', 'a financial year'],
    ['financial-year', '2021-22', 'a financial year'],
    ['academic-year', '2020/20', 'an academic year'],
    ['academic-year', '2020/2021', 'an academic year'],
    ['email', 'clerk', 'an email'],
    ['uri', 'not a uri', 'an absolute URI'],
  ])('refuses %s %s, naming the format', (format, value, words) => {
    expect(at(format, value)).toEqual([`Not ${FORMAT_WORDS[format]}: ${JSON.stringify(value)}`]);
    expect(FORMAT_WORDS[format]).toContain(words);
  });

  it('reports a malformed date once although both its pattern and its format fail', () => {
    const LocalDateLike = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    expect(problemsOf(LocalDateLike, '2021-1-5')).toHaveLength(1);
  });
});

describe(validatorOf.name, () => {
  it('compiles a schema once', () => {
    expect(validatorOf(Person)).toBe(validatorOf(Person));
  });

  it('is strict: a schema with an unknown keyword does not compile', () => {
    expect(() => createAjv().compile({ type: 'string', maxlength: 3 })).toThrow(/unknown keyword/);
  });
});
