import type { AdminCatalogue, RequesterCatalogue } from '@ticketflow/contract';
import { AdminCatalogueSchema, RequesterCatalogueSchema } from '@ticketflow/contract';
import { Answers } from '../common/openapi/answers.decorator.js';
import type { Sendable } from '../common/openapi/sendable.js';
import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CatalogueLayoutDto, CatalogueQueryDto } from './catalogue.dto.js';
import { CatalogueService } from './catalogue.service.js';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({
    summary:
      'The request types anyone may start: requestable, published workflows by category, searchable with q',
  })
  @Answers(RequesterCatalogueSchema)
  list(@Query() query: CatalogueQueryDto): Promise<Sendable<RequesterCatalogue>> {
    return this.catalogue.forRequester(query.q);
  }

  @Get('layout')
  @Roles('admin')
  @ApiOperation({
    summary: 'Every workflow with its catalogue entry, and the categories, as admins arrange them',
  })
  @Answers(AdminCatalogueSchema)
  layout(): Promise<Sendable<AdminCatalogue>> {
    return this.catalogue.forAdmin();
  }

  @Put('layout')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the catalogue: categories and entries, each list in the order to show' })
  @Answers(AdminCatalogueSchema)
  replace(
    @Body() body: CatalogueLayoutDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<Sendable<AdminCatalogue>> {
    return this.catalogue.replace(body, admin);
  }
}
