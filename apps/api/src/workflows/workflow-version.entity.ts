import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';

/** An immutable published version; instances are pinned to one. */
@Entity('workflow_versions')
export class WorkflowVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) key: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) definition: WorkflowDefinition;
  @Column({ type: 'text' }) checksum: string;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'deprecated_at', type: 'timestamptz', nullable: true }) deprecatedAt: Date | null;
}
