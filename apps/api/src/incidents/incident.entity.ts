import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something an admin must look at: a loop that never waits, an action that failed for good. */
@Entity('incidents')
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'instance_id', type: 'uuid' }) instanceId: string;
  @Column({ name: 'node_id', type: 'text', nullable: true }) nodeId: string | null;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'text' }) status: 'open' | 'resolved';
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy: string | null;
  /** The outbox row of a failed action: what a retry queues again. */
  @Column({ name: 'outbox_id', type: 'uuid', nullable: true }) outboxId: string | null;
}
