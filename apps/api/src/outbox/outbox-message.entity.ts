import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An action to perform after the transition that asked for it has committed. */
@Entity('outbox')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'instance_id', type: 'uuid' }) instanceId: string;
  @Column({ name: 'action_key', type: 'text' }) actionKey: string;
  @Column({ name: 'node_id', type: 'text' }) nodeId: string;
  @Column({ type: 'jsonb' }) payload: unknown;
  /** `cancelled`: the instance no longer waited for it (the ticket moved on or ended). */
  @Column({ type: 'text' }) status: 'pending' | 'done' | 'failed' | 'cancelled';
  @Column({ type: 'integer' }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  /** HTTP status of the last attempt, when there was an answer. */
  @Column({ name: 'last_status', type: 'integer', nullable: true }) lastStatus: number | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt: Date | null;
}
