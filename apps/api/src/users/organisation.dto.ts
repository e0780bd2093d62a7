import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DIRECTORY_NAME } from './organisation-changes.js';

const NAME_MESSAGE = 'each entry must be a name: letters, digits, space, _ . - / (up to 64 characters)';

/** `PUT /api/users/:id/organisation`: only the properties sent change. */
export class OrganisationPatchDto {
  @ApiPropertyOptional({
    example: 'manager',
    nullable: true,
    description: "The line manager's username, or null",
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(100)
  manager?: string | null;

  @ApiPropertyOptional({ example: ['store-owners'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(DIRECTORY_NAME, { each: true, message: `groups: ${NAME_MESSAGE}` })
  groups?: string[];

  @ApiPropertyOptional({ example: ['east'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(DIRECTORY_NAME, { each: true, message: `regions: ${NAME_MESSAGE}` })
  regions?: string[];

  @ApiPropertyOptional({ example: ['refunds'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(DIRECTORY_NAME, { each: true, message: `skills: ${NAME_MESSAGE}` })
  skills?: string[];
}

/** `POST /api/users/organisation/import`. */
export class OrganisationImportDto {
  @ApiProperty({
    example: 'username,manager,groups,regions,skills\nagent,manager,service-desk,east;west,refunds',
    description: 'CSV with a header; lists inside a cell separated by ";"; an empty cell clears',
  })
  @IsString()
  @MaxLength(1_000_000)
  csv: string;

  @ApiPropertyOptional({ description: 'Check and report without writing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
