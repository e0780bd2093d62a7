import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { SetEmailDto, SetRolesDto } from './users.dto.js';
import { UsersService } from './users.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every user with roles and whether the account is active (admin)' })
  list() {
    return this.users.list();
  }

  @Put(':id/roles')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a user's roles; takes effect at their next request" })
  setRoles(@Param('id', uuid) id: string, @Body() body: SetRolesDto, @CurrentUser() admin: AuthUser) {
    return this.users.setRoles(admin, id, body.roles);
  }

  @Put(':id/email')
  @Roles('admin')
  @ApiOperation({
    summary: "Set or remove a user's e-mail address (notifications are mailed there when SMTP is set)",
  })
  setEmail(@Param('id', uuid) id: string, @Body() body: SetEmailDto, @CurrentUser() admin: AuthUser) {
    return this.users.setEmail(admin, id, body.email);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account: sign-in refused and every token void at once' })
  deactivate(@Param('id', uuid) id: string, @CurrentUser() admin: AuthUser) {
    return this.users.setActive(admin, id, false);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate an account (old tokens stay void)' })
  activate(@Param('id', uuid) id: string, @CurrentUser() admin: AuthUser) {
    return this.users.setActive(admin, id, true);
  }

  @Post(':id/sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out every session of a user (admins: anyone; others: themselves)' })
  async signOut(@Param('id', uuid) id: string, @CurrentUser() caller: AuthUser) {
    await this.users.signOutEverywhere(caller, id);
  }
}
