import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isDomainError } from '@scrutineer/domain';

/** A domain constructor: returns the branded value or throws a DomainError saying what was wrong. */
type Constructor = (value: never) => unknown;

const failure = (construct: Constructor, value: unknown): string | null => {
  try {
    construct(value as never);
    return null;
  } catch (error) {
    return isDomainError(error) ? error.message : String(error);
  }
};

/**
 * Validates a field with the domain's own constructor (`measureCode`, `financialYear`, `pence` …),
 * so the API never re-implements a rule and its message is the domain's.
 */
export const SatisfiesDomain =
  (construct: Constructor, options: { readonly each?: boolean } = {}): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: `domain:${construct.name}`,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { each: options.each ?? false },
      validator: {
        validate: (value: unknown) => failure(construct, value) === null,
        defaultMessage: (args?: ValidationArguments) => {
          // With `each`, class-validator passes the whole array here: report the first bad item.
          const values: unknown[] =
            options.each === true && Array.isArray(args?.value) ? args.value : [args?.value];
          for (const value of values) {
            const message = failure(construct, value);
            if (message !== null) return message;
          }
          return 'is not valid';
        },
      },
    });
