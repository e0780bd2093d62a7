import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { TasksController } from '../tasks/tasks.controller.js';
import { InboxStream } from './inbox-stream.service.js';

const HANDOVERS = new Set(['claim', 'release', 'delegate']);

/**
 * Claim, release and delegate move a task between people without an engine
 * step (so no engine event): signal the inboxes concerned once they succeed.
 */
@Injectable()
export class TaskHandoverInterceptor implements NestInterceptor {
  constructor(private readonly stream: InboxStream) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getClass() !== TasksController || !HANDOVERS.has(context.getHandler().name)) return next.handle();
    return next.handle().pipe(
      tap((task: unknown) => {
        const ticketId = (task as { ticketId?: unknown } | undefined)?.ticketId;
        if (typeof ticketId === 'string') this.stream.announceHandover(ticketId);
      }),
    );
  }
}
