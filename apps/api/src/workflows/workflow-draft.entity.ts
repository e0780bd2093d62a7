import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The editable draft of a workflow: one per key, never what runs (drafts and published versions stay apart). */
@Entity('workflow_definitions')
export class WorkflowDraftEntity {
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) definition: unknown;
  @Column({ type: 'integer' }) revision: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
