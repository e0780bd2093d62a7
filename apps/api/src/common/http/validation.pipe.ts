import { ValidationPipe } from '@nestjs/common';
import { invalid } from '../errors/domain-error.js';
import { fieldProblems } from '../validation/validation-details.js';

/**
 * Validates every body and query with class-validator, strips nothing silently:
 * unknown properties (a client trying to set `status` or `approvedBy`) are an
 * error that names them. The 400's `details` list `{ field, code, params?,
 * message }` per broken rule (see `fieldProblems`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The target lets the details name a rule's values (`max: 200`); neither it nor the value reaches the answer.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const details = fieldProblems(errors);
      const message = details.map((d) => d.message).join('; ');
      return invalid('invalid-input', message || 'The request is not valid.', details);
    },
  });
}
