/**
 * The one validator (ADR010): a strict Ajv (draft 2020-12) that knows every format the shapes
 * use, the OpenAPI `discriminator` and the annotations (`readOnly`). The API's request
 * validation, the import validation and the tests' response checks all go through
 * `problemsOf(schema, value)`; nothing else compiles a schema.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { Problem } from '../errors.js';
import { isLocalDate, instant } from '../rules/dates.js';
import { academicYear, financialYear } from '../rules/financial-year.js';
import { jsonPath, type Segment } from './json-path.js';
import { NO_NUL_PATTERN } from './kit.js';

// ajv-formats is CommonJS: its default export arrives as the module object under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;

const accepts =
  (construct: (value: string) => unknown) =>
  (value: string): boolean => {
    try {
      construct(value);
      return true;
    } catch {
      return false;
    }
  };

/** How each format is named in a message. */
export const FORMAT_WORDS: Readonly<Record<string, string>> = {
  date: 'a calendar date (YYYY-MM-DD)',
  'date-time': 'an instant (ISO 8601 with an offset, e.g. 2021-11-15T16:30:00Z)',
  'financial-year': 'a financial year (e.g. 2021/22, consecutive years)',
  'academic-year': 'an academic year (e.g. 2020/21, consecutive years)',
  email: 'an email address',
  uri: 'an absolute URI',
};

/**
 * An Ajv instance with this product's formats: `date` (a real calendar date), `date-time` (an
 * ISO 8601 instant with an offset; seconds optional, as councils' feeds write them),
 * `financial-year` and `academic-year` (consecutive years), and ajv-formats' `email` and `uri`.
 * What anyone validating against the published schemas needs.
 */
export const createAjv = (): Ajv2020 => {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    allowUnionTypes: true,
    verbose: true,
    strict: true,
  });
  addFormats(ajv, ['email', 'uri']);
  ajv.addFormat('date', { type: 'string', validate: isLocalDate });
  ajv.addFormat('date-time', { type: 'string', validate: accepts(instant) });
  ajv.addFormat('financial-year', { type: 'string', validate: accepts(financialYear) });
  ajv.addFormat('academic-year', { type: 'string', validate: accepts(academicYear) });
  return ajv;
};

let shared: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** The compiled validator of a schema, compiled once per schema object. */
export const validatorOf = (schema: TSchema | object): ValidateFunction => {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    shared ??= createAjv();
    validate = shared.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
};

/** Splits an Ajv instance path (a JSON Pointer) into segments, indexing arrays by number. */
const pointerSegments = (root: unknown, pointer: string): Segment[] => {
  if (pointer === '') return [];
  let node: unknown = root;
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const segment: Segment = Array.isArray(node) ? Number(key) : key;
      node = (node as Record<string, unknown> | undefined)?.[key];
      return segment;
    });
};

/**
 * Keeps, of an `anyOf`'s errors, only those of the branch the value was meant for, so a wrong
 * field inside a nullable object is reported at its own path and not as "must be null" too. The
 * branch meant is the first one whose type the value has; `oneOf` with a discriminator already
 * reports only the branch its `kind` names.
 */
const meantBranches = (errors: readonly ErrorObject[]): ErrorObject[] => {
  const unions = errors.filter((error) => error.keyword === 'anyOf');
  let kept = errors.filter((error) => error.keyword !== 'anyOf');
  for (const union of unions) {
    const prefix = `${union.schemaPath}/`;
    const branchOf = (error: ErrorObject): number | null =>
      error.schemaPath.startsWith(prefix)
        ? Number(error.schemaPath.slice(prefix.length).split('/')[0])
        : null;
    const failing = new Map<number, ErrorObject[]>();
    for (const error of kept) {
      const branch = branchOf(error);
      if (branch !== null) failing.set(branch, [...(failing.get(branch) ?? []), error]);
    }
    const mistyped = (branch: number): boolean =>
      (failing.get(branch) ?? []).some(
        (error) =>
          error.instancePath === union.instancePath &&
          (error.keyword === 'type' || error.keyword === 'discriminator'),
      );
    const branches = [...failing.keys()].sort((a, b) => a - b);
    const meant = branches.find((branch) => !mistyped(branch)) ?? branches[0];
    kept = kept.filter((error) => {
      const branch = branchOf(error);
      return branch === null || branch === meant;
    });
  }
  return kept;
};

const kindsOf = (error: ErrorObject): string[] =>
  (error.parentSchema as { oneOf: { properties: { kind: { enum?: string[] } } }[] }).oneOf.flatMap(
    (branch) => branch.properties.kind.enum ?? [],
  );

const fallback = (error: ErrorObject, path: string): Problem => ({
  path,
  code: 'VALIDATION.INVALID_VALUE',
  message: String(error.message),
  value: error.data,
});

const toProblem = (root: unknown, error: ErrorObject): Problem | null => {
  const segments = pointerSegments(root, error.instancePath);
  const at = (...more: Segment[]): string => jsonPath([...segments, ...more]);
  switch (error.keyword) {
    case 'oneOf':
    case 'anyOf':
      return null;
    case 'required': {
      const field = String(error.params['missingProperty']);
      return { path: at(field), code: 'VALIDATION.REQUIRED', message: `${field} is required` };
    }
    case 'additionalProperties': {
      const field = String(error.params['additionalProperty']);
      return {
        path: at(field),
        code: 'VALIDATION.UNKNOWN_FIELD',
        message: `Unknown field ${JSON.stringify(field)}`,
        value: (error.data as Record<string, unknown>)[field],
      };
    }
    case 'discriminator': {
      const tag = String(error.params['tag']);
      return {
        path: at(tag),
        code: error.params['error'] === 'tag' ? 'VALIDATION.REQUIRED' : 'VALIDATION.INVALID_VALUE',
        message: `${tag} must be one of: ${kindsOf(error).join(', ')}`,
        value: (error.data as Record<string, unknown> | null)?.[tag],
      };
    }
    case 'format':
      return {
        path: at(),
        code: 'VALIDATION.INVALID_VALUE',
        message: `Not ${FORMAT_WORDS[String(error.params['format'])] ?? String(error.params['format'])}: ${JSON.stringify(error.data)}`,
        value: error.data,
      };
    case 'pattern': {
      if (error.params['pattern'] === NO_NUL_PATTERN) {
        return {
          path: at(),
          code: 'VALIDATION.INVALID_VALUE',
          message: 'must not contain a NUL character (U+0000)',
          value: error.data,
        };
      }
      // A pattern alone tells a person little: say what the shape is meant to be, when it says.
      const description = (error.parentSchema as { description?: unknown } | undefined)
        ?.description;
      const problem = fallback(error, at());
      return typeof description === 'string'
        ? { ...problem, message: `${problem.message}: ${description}` }
        : problem;
    }
    case 'enum':
      return {
        path: at(),
        code: 'VALIDATION.INVALID_VALUE',
        message: `must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`,
        value: error.data,
      };
    default:
      return fallback(error, at());
  }
};

/**
 * The problems of `value` against `schema`, one per violation, in document order, duplicates
 * removed (a malformed date fails both its pattern and its format: one problem). Empty: valid.
 */
export const problemsOf = (schema: TSchema | object, value: unknown): Problem[] => {
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  return meantBranches(validate.errors ?? [])
    .map((error) => toProblem(value, error))
    .filter((problem): problem is Problem => {
      if (problem === null) return false;
      const key = `${problem.path}|${problem.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
};
