import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CATALOGUE_ICONS, type CatalogueIcon } from './catalogue-icons.js';

const CATEGORY_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A text in both languages of the UI. */
export class BilingualTextDto {
  @ApiProperty({ example: 'Refunds and returns' })
  @IsString()
  @MaxLength(500)
  en: string;

  @ApiProperty({ example: '退款与退货' })
  @IsString()
  @MaxLength(500)
  zh: string;
}

/** A heading of the catalogue (its place in the list is its order). */
export class CatalogueCategoryDto {
  @ApiProperty({ example: 'customer-service' })
  @IsString()
  @Matches(CATEGORY_ID, { message: 'id must be lower-case letters, digits and dashes (up to 40)' })
  id: string;

  @ApiProperty({ type: BilingualTextDto })
  @ValidateNested()
  @Type(() => BilingualTextDto)
  name: BilingualTextDto;
}

/** One workflow in the catalogue (its place in the list is its order within its category). */
export class CatalogueEntryDto {
  @ApiProperty({ example: 'refund-approval' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'workflowKey must be a workflow key' })
  workflowKey: string;

  @ApiProperty({ description: 'Requesters may start it from the catalogue (once it is published)' })
  @IsBoolean()
  requestable: boolean;

  @ApiPropertyOptional({ nullable: true, example: 'customer-service' })
  @IsOptional()
  @IsString()
  @Matches(CATEGORY_ID, { message: 'categoryId must be the id of a category' })
  categoryId?: string | null;

  @ApiProperty({ enum: CATALOGUE_ICONS })
  @IsIn(CATALOGUE_ICONS)
  icon: CatalogueIcon;

  @ApiPropertyOptional({ type: BilingualTextDto, description: "Absent: the workflow's own name" })
  @IsOptional()
  @ValidateNested()
  @Type(() => BilingualTextDto)
  title?: BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  @ValidateNested()
  @Type(() => BilingualTextDto)
  description: BilingualTextDto;
}

/** The whole catalogue as an admin arranges it: categories and entries, each list in order. */
export class CatalogueLayoutDto {
  @ApiProperty({ type: [CatalogueCategoryDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CatalogueCategoryDto)
  categories: CatalogueCategoryDto[];

  @ApiProperty({ type: [CatalogueEntryDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CatalogueEntryDto)
  entries: CatalogueEntryDto[];
}

export class CatalogueQueryDto {
  @ApiPropertyOptional({
    description: 'Words to look for in titles, descriptions and categories (either language)',
  })
  @IsOptional()
  @IsString()
  @Length(0, 100)
  q?: string;
}
