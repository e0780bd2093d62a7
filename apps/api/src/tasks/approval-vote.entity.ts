import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One approver's decision on one approval step; the primary key makes "decides once" a database fact. */
@Entity('approval_votes')
export class ApprovalVoteEntity {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' }) taskId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) decision: 'approved' | 'rejected';
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'on_behalf_of', type: 'uuid', nullable: true }) onBehalfOf: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}
