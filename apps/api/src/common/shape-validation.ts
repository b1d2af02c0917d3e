import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { DOCUMENT_SCHEMA_DEFS, instant, isLocalDate, jsonPath } from '@scrutineer/domain';
import { lengthProblems } from './length-limits.js';
import { ApiError, type FieldProblem } from './problem.js';

/**
 * Validates a request body against one shape of the domain's document JSON Schema
 * (`AgendaItem`, `Minute`, `Attendance` …): the same schema the import uses, so a part
 * written alone is held to the same rules as a whole document.
 */
export type ShapeName = keyof typeof DOCUMENT_SCHEMA_DEFS;

let ajv: Ajv2020 | undefined;
const compiled = new Map<ShapeName, ValidateFunction>();

const validatorFor = (name: ShapeName): ValidateFunction => {
  let validate = compiled.get(name);
  if (validate === undefined) {
    ajv ??= new Ajv2020({
      allErrors: true,
      discriminator: true,
      allowUnionTypes: true,
      strict: false,
    });
    if (compiled.size === 0) {
      ajv.addFormat('date', { type: 'string', validate: isLocalDate });
      ajv.addFormat('instant', {
        type: 'string',
        validate: (value: string) => {
          try {
            instant(value);
            return true;
          } catch {
            return false;
          }
        },
      });
    }
    validate = ajv.compile({ $ref: `#/$defs/${name}`, $defs: DOCUMENT_SCHEMA_DEFS });
    compiled.set(name, validate);
  }
  return validate;
};

const segmentsOf = (root: unknown, pointer: string): (string | number)[] => {
  if (pointer === '') return [];
  let node: unknown = root;
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const segment = Array.isArray(node) ? Number(key) : key;
      node = (node as Record<string, unknown> | undefined)?.[key];
      return segment;
    });
};

const toFieldProblem = (root: unknown, error: ErrorObject): FieldProblem | null => {
  const segments = segmentsOf(root, error.instancePath);
  switch (error.keyword) {
    case 'if':
    case 'oneOf':
    case 'anyOf':
      return null;
    case 'required':
      return {
        path: jsonPath([...segments, String(error.params['missingProperty'])]),
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        path: jsonPath([...segments, String(error.params['additionalProperty'])]),
        message: 'is not a known field',
      };
    default:
      return { path: jsonPath(segments), message: error.message ?? 'is not valid' };
  }
};

/** Returns the value typed as the shape, or throws a 400 listing every problem with its path. */
/** Fields the server keeps on every resource: a body read by GET may carry them back, and they are ignored. */
const SERVER_TIMESTAMPS = ['createdAt', 'updatedAt'] as const;

const withoutServerTimestamps = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  for (const field of SERVER_TIMESTAMPS) delete copy[field];
  return copy;
};

export const assertShape = <T>(name: ShapeName, body: unknown): T => {
  const value = withoutServerTimestamps(body);
  const validate = validatorFor(name);
  if (validate(value)) {
    const tooLong = lengthProblems(value);
    if (tooLong.length > 0)
      throw new ApiError('REQUEST.INVALID', `The ${name} has text that is too long.`, tooLong);
    return value as T;
  }
  const seen = new Set<string>();
  const problems = (validate.errors ?? [])
    .map((error) => toFieldProblem(value, error))
    .filter(
      (p): p is FieldProblem =>
        p !== null &&
        !seen.has(`${p.path}|${p.message}`) &&
        seen.add(`${p.path}|${p.message}`) !== undefined,
    );
  throw new ApiError(
    'REQUEST.INVALID',
    `The ${name} is not valid: ${problems.length} problem(s).`,
    problems,
  );
};
