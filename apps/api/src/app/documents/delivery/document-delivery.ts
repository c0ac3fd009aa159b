import { Injectable } from '@nestjs/common';
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from '@passerelle/domain-client';
import { Tenancy } from '../../../database/tenancy';
import { AuditService } from '../../audit/audit.service';
import { claimStatement, LeasedMailDelivery, LeasedSender, LeasedTable } from '../../mail/leased-delivery';
import { MailTemplates } from '../../mail/mail-templates';
import { FileStore } from '../storage/file-store';
import { DeliverDocumentPayload, DocumentDeliveryQueue } from './document-delivery-queue';

/** A worker holds a delivery this long (an attachment of 20 MB to a slow server takes a while). */
const LEASE_SECONDS = 600;
const DELIVERY_TABLE: LeasedTable = { table: 'document_delivery', key: 'document_id' };

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
 * Sends a new document to its accounting software's inbox as an attachment, on the leased-delivery rules of
 * every queued e-mail (mail/leased-delivery.ts): claim with one conditional UPDATE (`queued` → `sending` under
 * a lease), send outside any transaction with a Message-ID derived from the document id, then `sent`; a
 * temporary SMTP failure goes back to `queued` with exponential, jittered back-off (up to MAIL_MAX_ATTEMPTS),
 * a permanent one (5xx) to `failed` at once. The SMTP reply is kept for staff.
 */
@Injectable()
export class DocumentDelivery {
  private readonly templates = new MailTemplates('documents', ['document-delivery'] as const);
  private readonly sender: LeasedSender<Claimed> = {
    table: DELIVERY_TABLE,
    keyOf: (claimed) => claimed.documentId,
    message: (claimed) => this.message(claimed),
    onSent: (em, claimed) =>
      this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: 'document.delivered',
        targetType: 'client',
        targetId: claimed.clientId,
        data: { documentId: claimed.documentId, email: claimed.email, attempts: claimed.attempts },
      }),
    onFailure: async (em, claimed, failure, retryInMs) => {
      if (retryInMs === null)
        await this.audit.record(em, {
          firmId: claimed.firmId,
          actorUserId: null,
          action: 'document.delivery_failed',
          targetType: 'client',
          targetId: claimed.clientId,
          data: { documentId: claimed.documentId, attempts: claimed.attempts, reply: failure.reply },
        });
    },
    requeue: (claimed, delayMs) =>
      this.queue.send([
        { key: claimed.documentId, firmId: claimed.firmId, attempts: claimed.attempts, delayMs },
      ]),
  };

  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly files: FileStore,
    private readonly delivery: LeasedMailDelivery,
    private readonly queue: DocumentDeliveryQueue,
  ) {}

  deliver(payload: DeliverDocumentPayload): Promise<void> {
    return this.delivery.deliver(payload.firmId, () => this.claim(payload), this.sender);
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
        `WITH claimed AS (${claimStatement(DELIVERY_TABLE, 'document_id, email, attempts')})
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

  /** Plain and factual, in French (the accounting software's inbox reads the attachment, not the prose). */
  private message(claimed: Claimed) {
    const mail = this.templates.render('document-delivery', 'fr', {
      clientName: claimed.clientName,
      fileName: claimed.fileName,
      category: DOCUMENT_CATEGORY_LABELS[claimed.category].fr,
      period: claimed.period,
      note: claimed.note,
      firmName: claimed.firmName,
    });
    return {
      firmId: claimed.firmId,
      to: claimed.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      language: mail.language,
      messageId: this.delivery.messageId(`document.${claimed.documentId}`),
      attachments: [
        {
          filename: claimed.fileName,
          content: this.files.open(claimed.firmId, claimed.fileId),
          contentType: claimed.contentType,
        },
      ],
    };
  }
}
