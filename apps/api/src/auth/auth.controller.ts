import type { LoginResponse } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { LoginResponseSchema, UserSchema } from '@ticketflow/contract';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { LoginDto } from './login.dto.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a username and password for an access token' })
  @Answers(LoginResponseSchema)
  login(@Body() body: LoginDto, @Req() request: Request): Promise<Sendable<LoginResponse>> {
    return this.auth.login(
      body.username,
      body.password,
      request.ip ?? request.socket.remoteAddress ?? 'unknown',
    );
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @Answers(UserSchema)
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
