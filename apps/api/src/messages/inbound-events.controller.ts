import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator.js';
import { TokenService } from '../auth/token.service.js';
import { DomainError, unauthenticated } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { InboundEventDto } from './inbound-event.dto.js';
import { InboundEventsService, type EventSender } from './inbound-events.service.js';
import { SIGNATURE_HEADER, verifySignature } from './inbound-signature.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class InboundEventsController {
  constructor(
    private readonly events: InboundEventsService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':id/events/:message')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver an external event to the wait node awaiting it (bearer token of someone involved, or X-Ticketflow-Signature)' })
  @ApiHeader({ name: 'X-Ticketflow-Signature', required: false, description: 'sha256=<hex HMAC-SHA256 of the raw body with WEBHOOK_SECRET>' })
  async deliver(@Param('id', uuid) id: string, @Param('message') message: string, @Body() body: InboundEventDto, @Req() request: Request & { rawBody?: Buffer }) {
    const sender = await this.sender(request);
    return this.events.deliver(id, message, body.fields ?? {}, sender);
  }

  /** A valid signature wins; otherwise a bearer token; otherwise 401. */
  private async sender(request: Request & { rawBody?: Buffer }): Promise<EventSender> {
    const signature = request.header(SIGNATURE_HEADER);
    if (signature !== undefined) {
      const secret = this.config.workers.webhookSecret;
      if (secret === undefined) throw new DomainError('unauthenticated', 'signatures-disabled', 'Signed events are off: the server has no WEBHOOK_SECRET. Use a bearer token.');
      if (!verifySignature(secret, request.rawBody ?? Buffer.alloc(0), signature)) {
        throw new DomainError('unauthenticated', 'invalid-signature', 'X-Ticketflow-Signature does not match the body (expected sha256=<hex HMAC-SHA256 of the raw body>).');
      }
      return { kind: 'signed' };
    }
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthenticated('Sign in (Authorization: Bearer <accessToken>) or sign the body with X-Ticketflow-Signature.');
    return { kind: 'user', user: await this.tokens.verify(header.slice('Bearer '.length).trim()) };
  }
}
