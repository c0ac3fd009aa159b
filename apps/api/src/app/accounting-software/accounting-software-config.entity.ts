import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeliveryMethod } from './catalogue';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFrequency = 'daily' | 'weekly' | 'monthly';

@Entity({ name: 'accounting_software_config' })
export class AccountingSoftwareConfig {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId!: string;

  @Column({ type: 'varchar', length: 80 })
  label!: string;

  @Column({ type: 'varchar', length: 40 })
  product!: string;

  @Column({ name: 'delivery_method', type: 'varchar', length: 16 })
  deliveryMethod!: DeliveryMethod;

  @Column({ name: 'delivery_email', type: 'varchar', length: 254, nullable: true })
  deliveryEmail!: string | null;

  @Column({ name: 'export_format', type: 'varchar', length: 8, nullable: true })
  exportFormat!: ExportFormat | null;

  @Column({ name: 'export_frequency', type: 'varchar', length: 16, nullable: true })
  exportFrequency!: ExportFrequency | null;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
