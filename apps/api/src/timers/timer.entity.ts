import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A durable timer: a row with `due_at`, claimed by the scheduler with SKIP LOCKED. */
@Entity('timers')
export class TimerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'instance_id', type: 'uuid' }) instanceId: string;
  @Column({ name: 'timer_key', type: 'text' }) timerKey: string;
  /** Null for SLA timers, which belong to the ticket rather than a node. */
  @Column({ name: 'node_id', type: 'text', nullable: true }) nodeId: string | null;
  /** `timeout`, `timer`, `sla-warning` or `sla-breach`. */
  @Column({ type: 'text' }) purpose: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'text' }) status: 'scheduled' | 'fired' | 'cancelled' | 'failed';
  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true }) firedAt: Date | null;
  /** A worker's claim holds until then; afterwards another may take the timer over. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true }) claimedUntil: Date | null;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
