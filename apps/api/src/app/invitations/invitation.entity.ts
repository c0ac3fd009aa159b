import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Stored statuses: the API's InvitationStatus plus `sending` (a worker holds the row; shown as queued). */
export const STORED_INVITATION_STATUSES = [
  'queued',
  'sending',
  'sent',
  'accepted',
  'failed',
  'expired',
  'revoked',
] as const;
export type StoredInvitationStatus = (typeof STORED_INVITATION_STATUSES)[number];

/** One sending of an invitation to a client's contact; history is kept (see the invitations migration). */
@Entity({ name: 'invitation' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'firm_id', type: 'uuid' }) firmId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'bulk_id', type: 'uuid', nullable: true }) bulkId!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: StoredInvitationStatus;
  /** The address the e-mail goes to (the contact's, when the invitation was created). */
  @Column({ type: 'varchar', length: 254 }) email!: string;
  /** The e-mail's language: fr, en or ar. */
  @Column({ type: 'varchar', length: 3 }) language!: string;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column({ name: 'last_smtp_reply', type: 'varchar', length: 1000, nullable: true }) lastSmtpReply!:
    string | null;
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true }) messageId!: string | null;
  @Column({ name: 'reminders_sent', type: 'smallint' }) remindersSent!: number;
  @Column({ name: 'last_reminder_at', type: 'timestamptz', nullable: true }) lastReminderAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'accepted_user_id', type: 'uuid', nullable: true }) acceptedUserId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true }) expiredAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}

/** The SHA-256 of one link sent for an invitation. */
@Entity({ name: 'invitation_link' })
export class InvitationLink {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column({ name: 'firm_id', type: 'uuid' }) firmId!: string;
  @Column({ name: 'invitation_id', type: 'uuid' }) invitationId!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export type BulkSource = 'clients' | 'import_batch' | 'filter';

/** A bulk activation: which clients it covers, and how far their invitations were created. */
@Entity({ name: 'invitation_bulk' })
export class InvitationBulk {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'firm_id', type: 'uuid' }) firmId!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'varchar', length: 16 }) source!: BulkSource;
  @Column({ name: 'client_ids', type: 'uuid', array: true, nullable: true }) clientIds!: string[] | null;
  @Column({ name: 'import_batch_id', type: 'uuid', nullable: true }) importBatchId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) filter!: Record<string, unknown> | null;
  @Column({ type: 'integer', nullable: true }) total!: number | null;
  @Column({ type: 'integer' }) processed!: number;
  @Column({ name: 'expanded_at', type: 'timestamptz', nullable: true }) expandedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
