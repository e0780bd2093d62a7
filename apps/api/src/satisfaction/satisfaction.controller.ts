import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Survey, SurveySchema } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { invalid } from '../common/errors/domain-error.js';
import { RatingDto, TokenAnswerDto } from './satisfaction.dto.js';
import { SatisfactionService } from './satisfaction.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Satisfaction surveys: the requester's own, in the app, and through one-click e-mail links. */
@ApiTags('satisfaction')
@Controller()
export class SatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Get('tickets/:id/satisfaction')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The requester's survey of their resolved ticket (state none / asked / answered)",
  })
  @Answers(SurveySchema)
  get(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Survey>> {
    return this.satisfaction.forTicket(id, user);
  }

  @Post('tickets/:id/satisfaction')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The requester rates their resolved ticket 1–5 with an optional comment, once' })
  @Answers(SurveySchema)
  answer(
    @Param('id', uuid) id: string,
    @Body() body: RatingDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Survey>> {
    return this.satisfaction.answerInApp(id, user, body);
  }

  @Get('satisfaction/survey')
  @Public()
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'The survey a one-click link names (no sign-in; the signed token is the key)' })
  @Answers(SurveySchema)
  survey(@Query('token') token: unknown): Promise<Sendable<Survey>> {
    if (typeof token !== 'string' || token.length < 10 || token.length > 200)
      throw invalid('invalid-input', 'token must be the token of the e-mail link.', [
        { field: 'token', code: 'required', message: 'required' },
      ]);
    return this.satisfaction.byToken(token);
  }

  @Post('satisfaction/answer')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Answer through a one-click link: the rating once, then perhaps the missing comment',
  })
  @Answers(SurveySchema)
  answerByToken(@Body() body: TokenAnswerDto): Promise<Sendable<Survey>> {
    return this.satisfaction.answerByToken(body);
  }
}
