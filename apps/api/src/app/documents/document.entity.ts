import type { DocumentCategory, DocumentKind, DocumentStatus } from '@passerelle/domain-client';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file a client shared with its firm (its bytes: a stored_file, see storage/). */
@Entity({ name: 'document' })
export class ClientDocument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'firm_id', type: 'uuid' }) firmId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'file_name', type: 'varchar', length: 255 }) fileName!: string;
  @Column({ name: 'content_type', type: 'varchar', length: 100 }) contentType!: string;
  @Column({ type: 'varchar', length: 8 }) kind!: DocumentKind;
  /** bigint comes back as a string from pg: read through Number(). */
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'varchar', length: 16 }) category!: DocumentCategory;
  @Column({ type: 'char', length: 7, nullable: true }) period!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ name: 'search_text', type: 'text', select: false }) searchText!: string;
  @Column({ type: 'varchar', length: 16 }) status!: DocumentStatus;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt!: Date | null;
  @Column({ name: 'processed_by', type: 'uuid', nullable: true }) processedBy!: string | null;
  @Column({ name: 'firm_downloaded_at', type: 'timestamptz', nullable: true }) firmDownloadedAt!: Date | null;
}
