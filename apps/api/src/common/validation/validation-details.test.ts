import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  Length,
  MaxLength,
  Min,
  validateSync,
  ValidateNested,
} from 'class-validator';
import { describe, expect, it } from 'vitest';
import { fieldProblems } from './validation-details.js';

class Inner {
  @IsIn(['low', 'high']) risk = 'huge';
}

class Body {
  @MaxLength(200) title = 'x'.repeat(201);
  @Min(1) days = 0;
  @Length(2, 5) code = 'x';
  @IsEmail() email = 'not an address';
  @ArrayMaxSize(2) tags = ['a', 'b', 'c'];
  @ValidateNested() @Type(() => Inner) inner = new Inner();
}

describe('validation details', () => {
  it('gives each broken rule a stable code and the values of the rule, nested fields by path', () => {
    const problems = fieldProblems(validateSync(new Body())).map(({ message: _m, ...rest }) => rest);
    expect(problems).toEqual([
      { field: 'title', code: 'max-length', params: { max: 200 } },
      { field: 'days', code: 'min', params: { min: 1 } },
      { field: 'code', code: 'length', params: { min: 2, max: 5 } },
      { field: 'email', code: 'email' },
      { field: 'tags', code: 'max-items', params: { max: 2 } },
      { field: 'inner.risk', code: 'one-of', params: { values: 'low, high' } },
    ]);
  });

  it("keeps class-validator's English sentence beside the code", () => {
    const [title] = fieldProblems(validateSync(new Body()));
    expect(title?.message).toBe('title must be shorter than or equal to 200 characters');
  });
});
