import type { ClientStatus } from '@passerelle/domain-client';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'client' })
export class Client {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'firm_id', type: 'uuid' }) firmId!: string;
  @Column({ type: 'varchar', length: 160 }) name!: string;
  @Column({ type: 'varchar', length: 200 }) address!: string;
  @Column({ name: 'postal_code', type: 'varchar', length: 12 }) postalCode!: string;
  @Column({ type: 'varchar', length: 100 }) city!: string;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ type: 'char', length: 15, nullable: true }) ice!: string | null;
  @Column({ name: 'tax_id', type: 'varchar', length: 8, nullable: true }) taxId!: string | null;
  @Column({ type: 'varchar', length: 34, nullable: true }) iban!: string | null;
  @Column({ type: 'varchar', length: 3 }) language!: string;
  @Column({ name: 'contact_name', type: 'varchar', length: 160 }) contactName!: string;
  @Column({ name: 'contact_language', type: 'varchar', length: 3 }) contactLanguage!: string;
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true }) contactEmail!:
    string | null;
  @Column({ name: 'share_documents', type: 'boolean', default: false }) shareDocuments!: boolean;
  @Column({ name: 'accounting_software_id', type: 'uuid', nullable: true }) accountingSoftwareId!:
    string | null;
  @Column({ type: 'varchar', length: 24, default: 'not_invited' }) status!: ClientStatus;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  /** Bumped by every edit of the record's fields: a stale edit is refused (optimistic concurrency). */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'search_text', type: 'text', select: false }) searchText!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
