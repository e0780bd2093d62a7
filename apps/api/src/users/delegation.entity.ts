import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** While active, `toUserId` may act on the tasks `fromUserId` may act on (absences). */
@Entity('delegations')
export class DelegationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'from_user_id', type: 'uuid' }) fromUserId: string;
  @Column({ name: 'to_user_id', type: 'uuid' }) toUserId: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
