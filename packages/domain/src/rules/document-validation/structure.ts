/**
 * The structural step: a value against the document JSON Schema (Ajv), as problems with JSON
 * paths. Its interface is `structureProblems(root, value)`; everything else here is how Ajv
 * does it, and the semantic rules only run once this step finds nothing.
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Problem } from '../../errors.js';
import { createAjv, FORMAT_WORDS } from '../../schema/validate.js';
import { DOCUMENT_SCHEMA_DEFS } from '../document-schema.js';
import { jsonPath, type Segment } from '../../schema/json-path.js';

/** The shapes a whole document can have: the `$defs` entries a parse starts from. */
export type DocumentRoot = 'MeetingDocument' | 'CouncilDataset';

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
      node = (node as Record<string, unknown>)[key];
      return segment;
    });
};

/**
 * The one validator's Ajv (schema/validate.ts), with the document's formats. Kept under this name
 * for callers that validate against the published document schemas.
 */
export const createDocumentAjv = (): Ajv2020 => createAjv();

/**
 * The definitions are compiled once, as their own schema, and both documents refer into it:
 * compiling MEETING_DOCUMENT_SCHEMA and COUNCIL_DATASET_SCHEMA separately would compile every
 * shared definition twice (about a second each on a busy machine). Same definitions, same
 * result; the spec checks the exported schemas agree.
 */
const DEFINITIONS_ID = 'https://scrutineer.dev/schemas/v1/definitions.json';

let ajv: Ajv2020 | undefined;
const validators = new Map<DocumentRoot, ValidateFunction>();

const validatorFor = (definition: DocumentRoot): ValidateFunction => {
  let validate = validators.get(definition);
  if (validate === undefined) {
    if (ajv === undefined) {
      ajv = createDocumentAjv();
      ajv.addSchema({ $id: DEFINITIONS_ID, $defs: DOCUMENT_SCHEMA_DEFS });
    }
    validate = ajv.compile({ $ref: `${DEFINITIONS_ID}#/$defs/${definition}` });
    validators.set(definition, validate);
  }
  return validate;
};

/** Errors about a Schedule 12A paragraph get their own code (Ajv reports schema paths per compiled unit, so compare the schemas). */
const isExemptionError = (error: ErrorObject): boolean =>
  error.parentSchema === DOCUMENT_SCHEMA_DEFS.ExemptParagraph ||
  (error.keyword === 'required' &&
    error.parentSchema === DOCUMENT_SCHEMA_DEFS.Exemption &&
    error.params['missingProperty'] === 'paragraph');

/** The kinds a discriminated union allows (`discriminator` is only used with `oneOf` branches on `kind`). */
const kindsOf = (error: ErrorObject): string[] =>
  (error.parentSchema as { oneOf: { properties: { kind: { const: string } } }[] }).oneOf.map(
    (branch) => branch.properties.kind.const,
  );

const toProblem = (root: unknown, error: ErrorObject): Problem | null => {
  const segments = pointerSegments(root, error.instancePath);
  const at = (...more: Segment[]): string => jsonPath([...segments, ...more]);
  switch (error.keyword) {
    case 'if':
    case 'oneOf':
    case 'anyOf':
      // The branch that applied reports its own errors at their own paths.
      return null;
    case 'required': {
      const field = String(error.params['missingProperty']);
      return {
        path: at(field),
        code: isExemptionError(error) ? 'EXEMPTION.PARAGRAPH_REQUIRED' : 'VALIDATION.REQUIRED',
        message: `${field} is required`,
      };
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
      const kinds = kindsOf(error).join(', ');
      return {
        path: at(tag),
        code: error.params['error'] === 'tag' ? 'VALIDATION.REQUIRED' : 'VALIDATION.INVALID_VALUE',
        message: `${tag} must be one of: ${kinds}`,
        value: (error.data as Record<string, unknown>)[tag],
      };
    }
    case 'format':
      return {
        path: at(),
        code: 'VALIDATION.INVALID_VALUE',
        message: `Not ${FORMAT_WORDS[String(error.params['format'])] as string}: ${JSON.stringify(error.data)}`,
        value: error.data,
      };
    default:
      return {
        path: at(),
        code: isExemptionError(error) ? 'EXEMPTION.PARAGRAPH_REQUIRED' : 'VALIDATION.INVALID_VALUE',
        message: isExemptionError(error)
          ? `A Schedule 12A paragraph must be a whole number from 1 to 7, got ${JSON.stringify(error.data)}`
          : `${jsonPath(segments)} ${String(error.message)}${error.keyword === 'enum' ? `: ${(error.params['allowedValues'] as unknown[]).join(', ')}` : ''}`,
        value: error.data,
      };
  }
};

/**
 * Structure problems of `value` read as a `root`, one per schema violation, in document order;
 * duplicates removed. An empty list means the value has the shape of a `root`.
 */
export const structureProblems = (root: DocumentRoot, value: unknown): Problem[] => {
  const validate = validatorFor(root);
  if (validate(value)) return [];
  const seen = new Set<string>();
  // A failed validation always sets `errors`.
  return (validate.errors as ErrorObject[])
    .map((error) => toProblem(value, error))
    .filter((problem): problem is Problem => {
      if (problem === null) return false;
      // One problem per path and code: a malformed date fails both its pattern and its format.
      const key = `${problem.path}|${problem.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
};
