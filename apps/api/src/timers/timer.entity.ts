import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A durable timer: a row with `due_at`, claimed by the scheduler with SKIP LOCKED. */
@Entity('timers')
export class TimerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'instance_id', type: 'uuid' }) instanceId: string;
  @Column({ name: 'timer_key', type: 'text' }) timerKey: string;
  @Column({ name: 'node_id', type: 'text' }) nodeId: string;
  @Column({ type: 'text' }) purpose: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'text' }) status: 'scheduled' | 'fired' | 'cancelled';
  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true }) firedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
