import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError, type FieldProblem } from './problem.js';

const pathOf = (parent: string, property: string): string =>
  /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;

/** Flattens class-validator's tree into one problem per failed constraint, each with a JSON path. */
export const flattenValidationErrors = (
  errors: readonly ValidationError[],
  parent = '$',
): FieldProblem[] =>
  errors.flatMap((error) => {
    const path = pathOf(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });

/**
 * class-validator for the routes not yet converted to `@Operation` schemas. A parameter typed
 * with a schema's `Shape` type carries the schema object (same name) as its design type: that is
 * not a DTO class, and the request validation interceptor has already checked it.
 */
class DtoValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const type = metadata.metatype as unknown;
    return typeof type === 'function' && super.toValidate(metadata);
  }
}

/** Rejects unknown fields and converts query strings to the DTO's types. */
export const createValidationPipe = (): ValidationPipe =>
  new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      return new ApiError(
        'REQUEST.INVALID',
        `The request has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
          .slice(0, 3)
          .map((p) => `${p.path} ${p.message}`)
          .join('; ')}${problems.length > 3 ? '; …' : ''}`,
        problems,
      );
    },
  });
