import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('roles')
export class RoleEntity {
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'text' }) label: string;
}
