import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalid } from '../errors/domain-error.js';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates every body and query with class-validator, strips nothing silently:
 * unknown properties (a client trying to set `status` or `approvedBy`) are an
 * error that names them.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => d.problems.join(', ')).join('; ');
      return invalid('invalid-input', message || 'The request is not valid.', details);
    },
  });
}
