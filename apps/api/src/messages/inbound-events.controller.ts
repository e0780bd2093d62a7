import type { Ticket } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { TicketSchema } from '@ticketflow/contract';
import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { BearerAuthenticator } from '../auth/bearer-authenticator.js';
import { Public } from '../auth/public.decorator.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { WebhookGate } from '../webhooks/webhook-gate.js';
import { InboundEventDto } from './inbound-event.dto.js';
import { InboundEventsService, type EventSender } from './inbound-events.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class InboundEventsController {
  constructor(
    private readonly events: InboundEventsService,
    private readonly bearer: BearerAuthenticator,
    private readonly gate: WebhookGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':id/events/:message')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Deliver an external event to the wait node awaiting it (bearer token of someone involved, or a Standard Webhooks signature whose body names this ticket and message)',
  })
  @ApiHeader({
    name: 'webhook-id',
    required: false,
    description: 'Standard Webhooks: unique delivery id (accepted once, on one route)',
  })
  @ApiHeader({
    name: 'webhook-timestamp',
    required: false,
    description: 'Standard Webhooks: seconds since the epoch; at most 5 minutes off',
  })
  @ApiHeader({
    name: 'webhook-signature',
    required: false,
    description: 'Standard Webhooks: v1,<base64 HMAC-SHA256 of id.timestamp.body under WEBHOOK_SECRET>',
  })
  @Answers(TicketSchema)
  async deliver(
    @Param('id', uuid) id: string,
    @Param('message') message: string,
    @Body() body: InboundEventDto,
    @Req() request: Request & { rawBody?: Buffer },
  ): Promise<Sendable<Ticket>> {
    const address = request.ip ?? 'unknown';
    const target = { route: `tickets/${id}/events/${message}`, objectType: 'ticket' as const, objectId: id };
    let sender: EventSender | undefined;
    try {
      sender = await this.sender(request, body, id, message);
      const accepted = sender;
      return await this.events.deliver(id, message, body.fields ?? {}, accepted, (manager) =>
        this.gate.record(
          target,
          {
            accepted: true,
            webhookId: accepted.kind === 'signed' ? accepted.webhookId : undefined,
            sender: accepted.kind,
            actorId: accepted.kind === 'user' ? accepted.user.id : undefined,
            address,
          },
          manager,
        ),
      );
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'internal-error';
      const webhookId = sender?.kind === 'signed' ? sender.webhookId : request.header('webhook-id');
      await this.gate.record(target, {
        accepted: false,
        code,
        webhookId,
        sender: sender?.kind ?? (WebhookGate.isSigned(request.headers) ? 'signed' : 'user'),
        actorId: sender?.kind === 'user' ? sender.user.id : undefined,
        address,
      });
      throw error;
    }
  }

  /** A Standard Webhooks signature when the call carries one; otherwise a bearer token; otherwise 401. */
  private async sender(
    request: Request & { rawBody?: Buffer },
    body: InboundEventDto,
    id: string,
    message: string,
  ): Promise<EventSender> {
    if (WebhookGate.isSigned(request.headers)) {
      const headers = {
        'webhook-id': request.header('webhook-id'),
        'webhook-timestamp': request.header('webhook-timestamp'),
        'webhook-signature': request.header('webhook-signature'),
      };
      const webhookId = await this.gate.verify(
        this.config.workers.webhookSecrets,
        headers,
        request.rawBody ?? Buffer.alloc(0),
        request.ip ?? 'unknown',
      );
      // The signature covers the body, so the body must say where it is going: a body signed for one
      // ticket or message cannot be replayed to another.
      if (body.ticketId !== id || body.message !== message) {
        throw new DomainError(
          401,
          'webhook-route-mismatch',
          `A signed event's body must name its target: "ticketId": "${id}" and "message": "${message.slice(0, 64)}".`,
        );
      }
      return { kind: 'signed', webhookId };
    }
    return {
      kind: 'user',
      user: await this.bearer.authenticate(
        request,
        'Sign in (Authorization: Bearer <accessToken>) or sign the call with Standard Webhooks headers.',
      ),
    };
  }
}
