import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { EngineEvents } from '../engine/engine-events.js';
import { actingIdentity } from '../tasks/acting-identity.js';
import { concernsListener, type ListenerIdentity, type TaskAudience } from './inbox-relevance.js';
import { MAX_STREAM_SECONDS } from './live.dto.js';

/** How often an idle stream gets a comment line, so proxies keep it open and dead peers are found. */
export const HEARTBEAT_MS = 20_000;
/** How long a closed task still counts as a change worth telling its audience about. */
const RECENTLY_CLOSED = '2 minutes';

interface LiveClient {
  user: AuthUser;
  identity: ListenerIdentity;
  response: Response;
  closeTimer?: NodeJS.Timeout;
}

/**
 * Server-Sent Events that tell a signed-in user "your inbox changed" and
 * nothing else: no task, ticket or field travels through the stream, so the
 * client refetches GET /api/tasks under its own authorization. Fed by the
 * engine's after-commit events of this process and, on PostgreSQL, of the
 * others (CrossProcessNotifier calls notifyTicket on their notifications).
 */
@Injectable()
export class InboxStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InboxStream.name);
  private readonly clients = new Set<LiveClient>();
  private unsubscribe?: () => void;
  private heartbeat?: NodeJS.Timeout;
  private readonly handoverObservers = new Set<(ticketId: string) => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EngineEvents,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((change) => {
      if (change.tasksChanged) void this.notifyTicket(change.ticketId);
    });
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Ends every open stream so the HTTP server can close (shutdown must not wait on clients). */
  onModuleDestroy(): void {
    this.unsubscribe?.();
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of [...this.clients]) this.drop(client, true);
  }

  /** Number of open streams (for tests and health). */
  get openStreams(): number {
    return this.clients.size;
  }

  /**
   * Starts an event stream on `response`: `ready` at once, `inbox` after each
   * relevant change, a heartbeat comment while idle; closes after `maxSeconds`.
   * Side effects: keeps the response open and registered until it closes.
   */
  async open(user: AuthUser, response: Response, maxSeconds = MAX_STREAM_SECONDS): Promise<void> {
    const identity = await this.identityOf(user);
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: 5000\nevent: ready\ndata: {}\n\n`);
    if (maxSeconds === 0) {
      response.end();
      return;
    }
    // The peer may have gone while the identity was read.
    if (response.destroyed) return;
    const client: LiveClient = { user, identity, response };
    client.closeTimer = setTimeout(() => this.drop(client, true), maxSeconds * 1000);
    client.closeTimer.unref();
    this.clients.add(client);
    // The response (not the request, whose 'close' only means its body was read) closes when the peer goes away.
    response.on('close', () => this.drop(client, false));
  }

  /**
   * A claim, release or delegation on this process (no engine event): signals
   * this process's listeners and tells handover observers (the cross-process
   * notifier) so other processes signal theirs. Side effects: as notifyTicket.
   */
  announceHandover(ticketId: string): void {
    void this.notifyTicket(ticketId);
    for (const observer of this.handoverObservers) observer(ticketId);
  }

  /** Calls `observer` after each handover announced on this process; returns the unsubscribe. */
  onHandover(observer: (ticketId: string) => void): () => void {
    this.handoverObservers.add(observer);
    return () => this.handoverObservers.delete(observer);
  }

  /** Tells every listener whose inbox the ticket's open or just-closed tasks touch. */
  async notifyTicket(ticketId: string): Promise<void> {
    if (this.clients.size === 0) return;
    try {
      const tasks = (await this.dataSource.query(
        `SELECT assignee_id, candidate_role, candidate_users FROM tasks
          WHERE ticket_id = $1 AND (status = 'open' OR completed_at > now() - interval '${RECENTLY_CLOSED}')`,
        [ticketId],
      )) as TaskAudience[];
      for (const client of this.clients) {
        if (concernsListener(tasks, client.identity)) this.send(client, 'inbox', { changed: true });
      }
    } catch (error) {
      // The change is committed; a missed signal is healed by the client's periodic refetch.
      this.logger.warn(
        `inbox signal for ticket ${ticketId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async beat(): Promise<void> {
    for (const client of [...this.clients]) {
      if (!this.write(client, ': heartbeat\n\n')) continue;
      try {
        // Delegations start and end over time; keep the listener's identity current.
        client.identity = await this.identityOf(client.user);
      } catch {
        // keep the previous identity until the next beat
      }
    }
  }

  private send(client: LiveClient, event: string, data: Record<string, unknown>): void {
    this.write(client, `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Writes unless the stream is gone (then forgets it); writing to an ended response would raise an error event. */
  private write(client: LiveClient, text: string): boolean {
    if (client.response.destroyed || client.response.writableEnded) {
      this.drop(client, false);
      return false;
    }
    client.response.write(text);
    return true;
  }

  private drop(client: LiveClient, end: boolean): void {
    if (!this.clients.delete(client)) return;
    if (client.closeTimer) clearTimeout(client.closeTimer);
    if (end && !client.response.writableEnded) client.response.end();
  }

  private async identityOf(user: AuthUser): Promise<ListenerIdentity> {
    const identity = await actingIdentity(this.dataSource.manager, user);
    return { userIds: identity.userIds, roles: identity.roles };
  }
}
