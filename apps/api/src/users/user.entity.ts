import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) username: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) skills: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) regions: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) groups: string[];
  /** The line manager (organisation directory); never a cycle — checked by `OrganisationService`. */
  @Column({ name: 'manager_id', type: 'uuid', nullable: true }) managerId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Where notifications are mailed when SMTP is configured; null: in the app only. */
  @Column({ type: 'text', nullable: true }) email: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
