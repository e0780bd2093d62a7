import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InstanceSnapshot } from '@ticketflow/runtime';

/** One running workflow per ticket. `seq` is the optimistic-concurrency counter and the last transition's number. */
@Entity('instances')
export class InstanceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'uuid' }) ticketId: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ type: 'jsonb' }) snapshot: InstanceSnapshot;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'active_nodes', type: 'text', array: true }) activeNodes: string[];
  @Column({ type: 'integer' }) seq: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
