import { Injectable, Logger } from '@nestjs/common';
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from '@passerelle/domain-client';
import { AppConfig } from '../../../config/app-config';
import { Tenancy } from '../../../database/tenancy';
import { AuditService } from '../../audit/audit.service';
import { classifySmtpFailure, retryDelayMs, SmtpFailure } from '../../invitations/delivery-policy';
import { SendRateLimiter } from '../../invitations/send-rate-limiter';
import { MailService, SentMail } from '../../mail/mail.service';
import { FileStore } from '../storage/file-store';
import { DeliverDocumentPayload, DocumentDeliveryQueue } from './document-delivery-queue';

/** A worker holds a delivery this long (an attachment of 20 MB to a slow server takes a while). */
const LEASE_SECONDS = 600;
const RECORD_ATTEMPTS = 3;

interface Claimed {
  documentId: string;
  firmId: string;
  clientId: string;
  email: string;
  attempts: number;
  fileId: string;
  fileName: string;
  contentType: string;
  category: DocumentCategory;
  period: string | null;
  note: string | null;
  clientName: string;
  firmName: string;
}

/**
 * Sends a new document to its accounting software's inbox as an attachment, on the invitations' delivery
 * rules (delivery-policy.ts, SendRateLimiter): claim with one conditional UPDATE (`queued` → `sending` under a
 * lease), send outside any transaction with a Message-ID derived from the document id, then `sent`; a
 * temporary SMTP failure goes back to `queued` with exponential, jittered back-off (up to MAIL_MAX_ATTEMPTS),
 * a permanent one (5xx) to `failed` at once. The SMTP reply is kept for staff.
 */
@Injectable()
export class DocumentDelivery {
  private readonly logger = new Logger('DocumentDelivery');
  private readonly messageIdDomain: string;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly files: FileStore,
    private readonly limiter: SendRateLimiter,
    private readonly queue: DocumentDeliveryQueue,
    private readonly config: AppConfig,
  ) {
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'passerelle.local';
  }

  async deliver(payload: DeliverDocumentPayload): Promise<void> {
    await this.limiter.acquire(payload.firmId);
    const claimed = await this.claim(payload);
    if (!claimed) return;
    let sent: SentMail;
    try {
      sent = await this.mail.send(this.message(claimed));
    } catch (error) {
      await this.retrying(() => this.recordFailure(claimed, classifySmtpFailure(error)));
      return;
    }
    await this.retrying(() => this.recordSent(claimed, sent));
  }

  private claim(payload: DeliverDocumentPayload): Promise<Claimed | null> {
    return this.tenancy.forFirm(payload.firmId, async (em) => {
      const rows: {
        document_id: string;
        email: string;
        attempts: number;
        client_id: string;
        file_id: string;
        file_name: string;
        content_type: string;
        category: DocumentCategory;
        period: string | null;
        note: string | null;
        client_name: string;
        firm_name: string;
      }[] = await em.query(
        `WITH claimed AS (
           UPDATE document_delivery
              SET status = 'sending', attempts = attempts + 1, updated_at = now(),
                  lease_until = now() + make_interval(secs => $2)
            WHERE document_id = $1 AND (status = 'queued' OR (status = 'sending' AND lease_until < now()))
            RETURNING document_id, email, attempts)
         SELECT cl.document_id, cl.email, cl.attempts, d.client_id, d.file_id, d.file_name, d.content_type,
                d.category, d.period, d.note, c.name AS client_name, f.name AS firm_name
           FROM claimed cl JOIN document d ON d.id = cl.document_id
           JOIN client c ON c.id = d.client_id JOIN firm f ON f.id = d.firm_id`,
        [payload.documentId, LEASE_SECONDS],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        documentId: row.document_id,
        firmId: payload.firmId,
        clientId: row.client_id,
        email: row.email,
        attempts: row.attempts,
        fileId: row.file_id,
        fileName: row.file_name,
        contentType: row.content_type,
        category: row.category,
        period: row.period,
        note: row.note,
        clientName: row.client_name,
        firmName: row.firm_name,
      };
    });
  }

  /** Plain, factual and in French (the accounting software's inbox reads the attachment, not the prose). */
  private message(claimed: Claimed) {
    const category = DOCUMENT_CATEGORY_LABELS[claimed.category].fr;
    const lines = [
      `Client : ${claimed.clientName}`,
      `Document : ${claimed.fileName}`,
      `Catégorie : ${category}`,
      ...(claimed.period ? [`Période : ${claimed.period}`] : []),
      ...(claimed.note ? [`Note : ${claimed.note}`] : []),
      `Transmis par Passerelle pour le cabinet ${claimed.firmName}.`,
    ];
    return {
      firmId: claimed.firmId,
      to: claimed.email,
      subject: `[${claimed.clientName}] ${category}${claimed.period ? ` ${claimed.period}` : ''} — ${claimed.fileName}`,
      text: lines.join('\n'),
      html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
      messageId: `<document.${claimed.documentId}@${this.messageIdDomain}>`,
      attachments: [
        {
          filename: claimed.fileName,
          content: this.files.open(claimed.firmId, claimed.fileId),
          contentType: claimed.contentType,
        },
      ],
    };
  }

  private async recordSent(claimed: Claimed, sent: SentMail): Promise<void> {
    await this.tenancy.forFirm(claimed.firmId, async (em) => {
      const rows: { document_id: string }[] = await em.query(
        `WITH changed AS (
           UPDATE document_delivery SET status = 'sent', sent_at = now(), lease_until = NULL, next_attempt_at = NULL,
                last_smtp_reply = $3, message_id = $4, updated_at = now()
          WHERE document_id = $1 AND status = 'sending' AND attempts = $2 RETURNING document_id)
         SELECT document_id FROM changed`,
        [claimed.documentId, claimed.attempts, sent.response.slice(0, 1000), sent.messageId.slice(0, 255)],
      );
      if (!rows[0]) return;
      await this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: 'document.delivered',
        targetType: 'client',
        targetId: claimed.clientId,
        data: { documentId: claimed.documentId, email: claimed.email, attempts: claimed.attempts },
      });
    });
  }

  private async recordFailure(claimed: Claimed, failure: SmtpFailure): Promise<void> {
    const final = failure.kind === 'permanent' || claimed.attempts >= this.config.MAIL_MAX_ATTEMPTS;
    const delayMs = retryDelayMs(claimed.attempts, this.config.MAIL_RETRY_BASE_MS);
    const recorded = await this.tenancy.forFirm(claimed.firmId, async (em) => {
      const rows: { document_id: string }[] = final
        ? await em.query(
            `WITH changed AS (
           UPDATE document_delivery SET status = 'failed', failed_at = now(), lease_until = NULL,
                    next_attempt_at = NULL, last_smtp_reply = $3, updated_at = now()
              WHERE document_id = $1 AND status = 'sending' AND attempts = $2 RETURNING document_id)
         SELECT document_id FROM changed`,
            [claimed.documentId, claimed.attempts, failure.reply],
          )
        : await em.query(
            `WITH changed AS (
           UPDATE document_delivery SET status = 'queued', lease_until = NULL, last_smtp_reply = $3,
                    updated_at = now(), next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
              WHERE document_id = $1 AND status = 'sending' AND attempts = $2 RETURNING document_id)
         SELECT document_id FROM changed`,
            [claimed.documentId, claimed.attempts, failure.reply, delayMs],
          );
      if (!rows[0]) return false;
      if (final)
        await this.audit.record(em, {
          firmId: claimed.firmId,
          actorUserId: null,
          action: 'document.delivery_failed',
          targetType: 'client',
          targetId: claimed.clientId,
          data: { documentId: claimed.documentId, attempts: claimed.attempts, reply: failure.reply },
        });
      return true;
    });
    if (recorded && !final)
      await this.queue.send([
        { documentId: claimed.documentId, firmId: claimed.firmId, attempts: claimed.attempts, delayMs },
      ]);
  }

  /** The e-mail went (or definitely did not): a passing database hiccup must not turn that into a resend. */
  private async retrying(record: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await record();
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        this.logger.warn(`Recording a delivery failed (${(error as Error).message}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  }
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
