import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApprovalPolicy } from '@ticketflow/definition';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** A human step (task or approval) waiting for someone. */
@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'instance_id', type: 'uuid' }) instanceId: string;
  @Column({ name: 'ticket_id', type: 'uuid' }) ticketId: string;
  @Column({ name: 'task_key', type: 'text' }) taskKey: string;
  @Column({ name: 'node_id', type: 'text' }) nodeId: string;
  @Column({ type: 'text' }) kind: 'task' | 'approval';
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) status: TaskStatus;
  @Column({ name: 'candidate_role', type: 'text', nullable: true }) candidateRole: string | null;
  @Column({ name: 'candidate_users', type: 'uuid', array: true }) candidateUsers: string[];
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ type: 'jsonb', nullable: true }) policy: ApprovalPolicy | null;
  @Column({ type: 'text', array: true }) outcomes: string[];
  @Column({ type: 'jsonb', nullable: true }) form: { field: string; required?: boolean }[] | null;
  /** Multi-instance steps: the list item this task works on. */
  @Column({ type: 'jsonb', nullable: true }) item: { index: number; of: number; value: unknown } | null;
  @Column({ name: 'allow_requester', type: 'boolean' }) allowRequester: boolean;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
