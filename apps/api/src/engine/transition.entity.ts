import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Append-only record of every move of an instance, numbered without gaps. */
@Entity('transitions')
export class TransitionEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'uuid' }) instanceId: string;
  @PrimaryColumn({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) event: string;
  @Column({ name: 'from_node', type: 'text', nullable: true }) fromNode: string | null;
  @Column({ name: 'to_node', type: 'text', nullable: true }) toNode: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'jsonb', nullable: true }) payload: unknown;
  @Column({ type: 'timestamptz' }) at: Date;
}
