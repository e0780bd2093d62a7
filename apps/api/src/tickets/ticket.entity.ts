import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TicketStatus = 'active' | 'completed' | 'cancelled' | 'incident';

@Entity('tickets')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'bigint', insert: false, update: false }) number: string;
  @Column({ name: 'workflow_key', type: 'text' }) workflowKey: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) fields: Record<string, unknown>;
  @Column({ type: 'text' }) priority: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ name: 'requester_id', type: 'uuid' }) requesterId: string;
  @Column({ type: 'text' }) status: TicketStatus;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
