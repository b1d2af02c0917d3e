import {
  BrandedString,
  Closed,
  IntegerEnum,
  KindUnion,
  LIMITS,
  List,
  MapOf,
  NO_NUL_PATTERN,
  Nullable,
  ReadOnly,
  StringEnum,
  Text,
  Type,
  Variant,
  type Shape,
} from './kit.js';
import { problemsOf } from './validate.js';

const plain = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema));

describe('the schema kit', () => {
  it('Closed: an object that refuses unknown fields and requires all but the optional ones', () => {
    const Shape = Closed({ a: Text(), b: Type.Optional(Type.Integer()) }, { title: 'AB' });
    expect(plain(Shape)).toMatchObject({
      type: 'object',
      title: 'AB',
      additionalProperties: false,
      required: ['a'],
    });
    expect(problemsOf(Shape, { a: 'x' })).toEqual([]);
    expect(problemsOf(Shape, { a: 'x', c: 1 })).toMatchObject([
      { path: '$.c', code: 'VALIDATION.UNKNOWN_FIELD' },
    ]);
  });

  it('Text: non-empty, at most a line unless told otherwise, and without NUL characters', () => {
    expect(plain(Text())).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: LIMITS.line,
      pattern: NO_NUL_PATTERN,
    });
    expect(plain(Text({ minLength: 0, maxLength: LIMITS.paragraph }))).toEqual({
      type: 'string',
      minLength: 0,
      maxLength: LIMITS.paragraph,
      pattern: NO_NUL_PATTERN,
    });
    expect(problemsOf(Text(), 'Stockport')).toEqual([]);
    expect(problemsOf(Text(), '')).toHaveLength(1);
    expect(problemsOf(Text(), 'x'.repeat(LIMITS.line + 1))).toHaveLength(1);
    // PostgreSQL cannot store U+0000 in text: refused as a 400, never a 500 from the database.
    expect(problemsOf(Closed({ name: Text() }), { name: 'Stock\u0000port' })).toEqual([
      {
        path: '$.name',
        code: 'VALIDATION.INVALID_VALUE',
        message: 'must not contain a NUL character (U+0000)',
        value: 'Stock\u0000port',
      },
    ]);
  });

  it('Nullable: anyOf the shape and null, options on the union', () => {
    expect(plain(Nullable(Type.Integer(), { description: 'd' }))).toEqual({
      description: 'd',
      anyOf: [{ type: 'integer' }, { type: 'null' }],
    });
  });

  it('StringEnum and IntegerEnum: a typed enum of the one list', () => {
    const UNITS = ['days', 'weeks'] as const;
    const Unit = StringEnum(UNITS, { title: 'Unit' });
    const unit: Shape<typeof Unit> = 'days';
    expect(unit).toBe('days');
    expect(plain(Unit)).toEqual({ type: 'string', enum: ['days', 'weeks'], title: 'Unit' });
    expect(plain(IntegerEnum([1, 2, 3] as const))).toEqual({ type: 'integer', enum: [1, 2, 3] });
    expect(problemsOf(IntegerEnum([1, 2] as const), 3)).toHaveLength(1);
  });

  it('BrandedString: a string schema whose type is the brand', () => {
    type Code = string & { readonly __brand: 'Code' };
    const Code = BrandedString<Code>({ pattern: '^[A-Z]+$', title: 'Code' });
    expect(plain(Code)).toEqual({ type: 'string', pattern: '^[A-Z]+$', title: 'Code' });
    expect(problemsOf(Code, 'abc')).toHaveLength(1);
  });

  it('List: bounded by a short list unless told', () => {
    expect(plain(List(Type.String()))).toMatchObject({ type: 'array', maxItems: LIMITS.shortList });
    expect(plain(List(Type.String(), { maxItems: LIMITS.longList }))).toMatchObject({
      maxItems: LIMITS.longList,
    });
  });

  it('Variant and KindUnion: closed branches tagged by kind, with a discriminator', () => {
    const A = Variant('a', { x: Type.Integer() }, { title: 'A' });
    expect(plain(A)).toMatchObject({
      additionalProperties: false,
      required: ['kind', 'x'],
      properties: { kind: { type: 'string', enum: ['a'] } },
    });
    const AB = KindUnion([A, Variant('b', {}, { title: 'B' })], { title: 'AB' });
    expect(plain(AB)).toMatchObject({
      type: 'object',
      title: 'AB',
      discriminator: { propertyName: 'kind' },
    });
    const value: Shape<typeof AB> = { kind: 'a', x: 1 };
    expect(problemsOf(AB, value)).toEqual([]);
  });

  it('ReadOnly: marks a copy, leaving the shape it was given as it was', () => {
    const Id = Text();
    expect(plain(ReadOnly(Id))).toMatchObject({ readOnly: true });
    expect((Id as { readOnly?: boolean }).readOnly).toBeUndefined();
  });

  it('MapOf: free keys, values of one shape, bounded', () => {
    const Changes = MapOf(Type.Integer(), { description: 'c' });
    expect(plain(Changes)).toEqual({
      type: 'object',
      additionalProperties: { type: 'integer' },
      maxProperties: LIMITS.shortList,
      description: 'c',
    });
    expect(problemsOf(Changes, { a: 1, b: 2 })).toEqual([]);
    expect(problemsOf(Changes, { a: 'x' })).toMatchObject([{ path: '$.a' }]);
  });
});
