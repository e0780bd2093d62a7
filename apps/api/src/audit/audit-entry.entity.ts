import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only, hash-chained record of who did what. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'object_type', type: 'text' }) objectType: string;
  @Column({ name: 'object_id', type: 'text' }) objectId: string;
  @Column({ type: 'jsonb', nullable: true }) details: unknown;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
}
