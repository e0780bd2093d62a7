import type { AdminUser, ImportResult, OrgPerson } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { AdminUserSchema, ImportResultSchema, OrgPersonSchema } from '@ticketflow/contract';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { OrganisationImportDto, OrganisationPatchDto } from './organisation.dto.js';
import { OrganisationService } from './organisation.service.js';
import { SetEmailDto, SetRolesDto } from './users.dto.js';
import { UsersService } from './users.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every user with roles and whether the account is active (admin)' })
  @Answers([AdminUserSchema])
  list(): Promise<Sendable<AdminUser[]>> {
    return this.users.list();
  }

  @Get('organisation')
  @Roles('admin')
  @ApiOperation({ summary: 'Every user with line manager, groups, regions and skills (admin)' })
  @Answers([OrgPersonSchema])
  listOrganisation(): Promise<Sendable<OrgPerson[]>> {
    return this.organisation.list();
  }

  @Put(':id/organisation')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Change a user's manager, groups, regions or skills (only what is sent); a reporting loop is refused",
  })
  @Answers(OrgPersonSchema)
  setOrganisation(
    @Param('id', uuid) id: string,
    @Body() body: OrganisationPatchDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<Sendable<OrgPerson>> {
    return this.organisation.update(admin, id, body);
  }

  @Post('organisation/import')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import managers, groups, regions and skills from CSV: all rows or none, problems listed by line',
  })
  @Answers(ImportResultSchema)
  importOrganisation(
    @Body() body: OrganisationImportDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<Sendable<ImportResult>> {
    return this.organisation.importCsv(admin, body.csv, body.dryRun ?? false);
  }

  @Put(':id/roles')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a user's roles; takes effect at their next request" })
  @Answers(AdminUserSchema)
  setRoles(
    @Param('id', uuid) id: string,
    @Body() body: SetRolesDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<Sendable<AdminUser>> {
    return this.users.setRoles(admin, id, body.roles);
  }

  @Put(':id/email')
  @Roles('admin')
  @ApiOperation({
    summary: "Set or remove a user's e-mail address (notifications are mailed there when SMTP is set)",
  })
  @Answers(AdminUserSchema)
  setEmail(
    @Param('id', uuid) id: string,
    @Body() body: SetEmailDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<Sendable<AdminUser>> {
    return this.users.setEmail(admin, id, body.email);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account: sign-in refused and every token void at once' })
  @Answers(AdminUserSchema)
  deactivate(@Param('id', uuid) id: string, @CurrentUser() admin: AuthUser): Promise<Sendable<AdminUser>> {
    return this.users.setActive(admin, id, false);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate an account (old tokens stay void)' })
  @Answers(AdminUserSchema)
  activate(@Param('id', uuid) id: string, @CurrentUser() admin: AuthUser): Promise<Sendable<AdminUser>> {
    return this.users.setActive(admin, id, true);
  }

  @Post(':id/sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out every session of a user (admins: anyone; others: themselves)' })
  @Answers(undefined, { status: 204 })
  async signOut(@Param('id', uuid) id: string, @CurrentUser() caller: AuthUser) {
    await this.users.signOutEverywhere(caller, id);
  }
}
