import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

export interface InstanceChanged {
  instanceId: string;
  ticketId: string;
  tasksChanged: boolean;
  timersScheduled: boolean;
  outboxWritten: boolean;
  /** A sub-flow's child ended and left a hand-back for its parent (wakes the hand-back worker). */
  handbackWritten?: boolean;
  /** For metrics (issue 20): the workflow, the event applied ('start' for a new instance), transitions committed. */
  workflowKey?: string;
  eventType?: string;
  transitionCount?: number;
}

/**
 * In-process notifications after a commit: wakes the timer and outbox workers
 * and feeds live inbox updates. Other processes learn by polling the database.
 */
@Injectable()
export class EngineEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  emit(change: InstanceChanged): void {
    this.emitter.emit('changed', change);
  }

  subscribe(listener: (change: InstanceChanged) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
