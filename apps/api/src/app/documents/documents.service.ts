import { HttpStatus, Injectable } from '@nestjs/common';
import {
  DOCUMENT_CATEGORY_LABELS,
  DOCUMENT_KIND_INFO,
  DOCUMENT_SNIFF_BYTES,
  clientMayDeleteDocument,
  cleanFileName,
  sanitizeDocumentFileName,
  sniffDocumentKind,
  type DocumentCategory,
  type DocumentDeliveryStatus,
  type DocumentKind,
  type DocumentStatus,
  type UiLanguage,
} from '@passerelle/domain-client';
import { csvRow, lookupKey } from '@passerelle/domain-validators';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { ZipFile } from 'yazl';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/decorators';
import { AppError } from '../common/app-error';
import { createValidationPipe } from '../common/validation';
import { DocumentDeliveryQueue } from './delivery/document-delivery-queue';
import {
  DocumentDto,
  DocumentPageDto,
  ListDocumentsQuery,
  UploadedDocumentDto,
  UploadFieldsDto,
  UploadResultDto,
} from './dto/document.dto';
import { FileStore, FileTooLargeError } from './storage/file-store';
import { readMultipart } from './storage/multipart';

const MB = 1024 * 1024;

/** Who acts on which client's folder: the client's own user, or the firm's staff ("Open client folder"). */
export interface FolderActor {
  firmId: string;
  userId: string;
  clientId: string;
  staff: boolean;
}

interface FolderClient {
  id: string;
  name: string;
  deliveryMethod: 'email' | 'export' | null;
  deliveryEmail: string | null;
}

interface DocumentRow {
  id: string;
  client_id: string;
  file_id: string;
  file_name: string;
  content_type: string;
  kind: DocumentKind;
  size: string;
  sha256: string;
  category: DocumentCategory;
  period: string | null;
  note: string | null;
  status: DocumentStatus;
  uploaded_at: Date;
  processed_at: Date | null;
  firm_downloaded_at: Date | null;
  uploaded_by_name: string | null;
  delivery_status: Exclude<DocumentDeliveryStatus, 'none'> | 'sending' | null;
  delivery_email: string | null;
  delivery_attempts: number | null;
  delivery_reply: string | null;
  delivery_sent_at: Date | null;
}

const DOCUMENT_COLUMNS = `
  d.id, d.client_id, d.file_id, d.file_name, d.content_type, d.kind, d.size, d.sha256, d.category, d.period,
  d.note, d.status, d.uploaded_at, d.processed_at, d.firm_downloaded_at, u.name AS uploaded_by_name,
  dd.status AS delivery_status, dd.email AS delivery_email, dd.attempts AS delivery_attempts,
  dd.last_smtp_reply AS delivery_reply, dd.sent_at AS delivery_sent_at`;
const DOCUMENT_FROM = `
  FROM document d
  LEFT JOIN app_user u ON u.id = d.uploaded_by
  LEFT JOIN document_delivery dd ON dd.document_id = d.id`;

interface StoredUpload {
  fileId: string;
  size: number;
  sha256: string;
  kind: DocumentKind;
  fileName: string;
}

export interface DocumentContent {
  stream: Readable;
  fileName: string;
  contentType: string;
  size: number;
}

export interface ZipContent {
  stream: Readable;
  fileName: string;
}

/**
 * A client's folder of documents (issue 12): the client uploads, lists, downloads and (for a while) deletes
 * its own; staff list, download, mark processed and export them while the client's sharing is on. Bytes go
 * through FileStore (streamed, size-capped, SHA-256); each upload is audited on the client's timeline and,
 * when its accounting software takes documents by e-mail, queued for delivery in the same transaction.
 */
@Injectable()
export class DocumentsService {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly tenancy: Tenancy,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly deliveries: DocumentDeliveryQueue,
    private readonly config: AppConfig,
  ) {}

  /** A client user's own folder. */
  ownFolder(auth: AuthContext): FolderActor {
    if (!auth.clientId) throw new AppError(HttpStatus.FORBIDDEN, 'forbidden');
    return { firmId: auth.firmId, userId: auth.userId, clientId: auth.clientId, staff: false };
  }

  /** One client's folder, opened by the firm's staff. */
  staffFolder(auth: AuthContext, clientId: string): FolderActor {
    return { firmId: auth.firmId, userId: auth.userId, clientId, staff: true };
  }

  async upload(actor: FolderActor, req: Request): Promise<UploadResultDto> {
    const client = await this.scope(actor, (em) => this.folderClient(em, actor));
    const maxBytes = this.config.DOCUMENT_MAX_FILE_MB * MB;
    const stored: StoredUpload[] = [];
    try {
      const { fields } = await readMultipart(req, {
        fileField: 'files',
        maxFiles: this.config.DOCUMENT_MAX_FILES,
        maxFields: 10,
        maxFieldBytes: 4096,
        onFile: async (file) => {
          const shownName = cleanFileName(file.fileName) || 'document';
          try {
            const saved = await this.files.save(actor.firmId, file.stream, {
              maxBytes,
              headBytes: DOCUMENT_SNIFF_BYTES,
              inspect: (head) => {
                if (head.length === 0)
                  throw new AppError(HttpStatus.BAD_REQUEST, 'document_empty', undefined, shownName);
                const kind = sniffDocumentKind(head);
                if (!kind)
                  throw new AppError(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    'document_type_unsupported',
                    undefined,
                    shownName,
                  );
                return kind;
              },
            });
            stored.push({
              fileId: saved.id,
              size: saved.size,
              sha256: saved.sha256,
              kind: saved.inspected,
              fileName: sanitizeDocumentFileName(file.fileName, saved.inspected),
            });
          } catch (error) {
            if (error instanceof FileTooLargeError)
              throw new AppError(
                HttpStatus.PAYLOAD_TOO_LARGE,
                'document_too_large',
                undefined,
                `${this.config.DOCUMENT_MAX_FILE_MB} MB|${shownName}`,
              );
            throw error;
          }
        },
      });
      const input = (await this.validation.transform(fields, {
        type: 'body',
        metatype: UploadFieldsDto,
      })) as UploadFieldsDto;
      if (stored.length === 0) throw new AppError(HttpStatus.BAD_REQUEST, 'no_files');
      return await this.record(actor, client, stored, input);
    } catch (error) {
      await this.files.remove(
        actor.firmId,
        stored.map((file) => file.fileId),
      );
      throw error;
    }
  }

  /** The documents rows, audit events and delivery rows of an upload: one transaction, then the queue. */
  private async record(
    actor: FolderActor,
    client: FolderClient,
    stored: StoredUpload[],
    input: UploadFieldsDto,
  ): Promise<UploadResultDto> {
    const duplicateFiles: string[] = [];
    const toDeliver: string[] = [];
    const documents = await this.scope(actor, async (em) => {
      const results: UploadedDocumentDto[] = [];
      for (const file of stored) {
        const inserted: { id: string }[] = await em.query(
          `INSERT INTO document (firm_id, client_id, file_id, file_name, content_type, kind, size, sha256, category,
                                 period, note, search_text, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (client_id, sha256) DO NOTHING RETURNING id`,
          [
            actor.firmId,
            actor.clientId,
            file.fileId,
            file.fileName,
            DOCUMENT_KIND_INFO[file.kind].contentType,
            file.kind,
            file.size,
            file.sha256,
            input.category ?? 'other',
            input.period ?? null,
            input.note || null,
            lookupKey(`${file.fileName} ${input.note ?? ''}`),
            actor.userId,
          ],
        );
        let id = inserted[0]?.id;
        const duplicate = !id;
        if (duplicate) {
          duplicateFiles.push(file.fileId);
          const existing: { id: string }[] = await em.query(
            `SELECT id FROM document WHERE client_id = $1 AND sha256 = $2`,
            [actor.clientId, file.sha256],
          );
          id = existing[0].id;
        } else {
          await this.audit.record(em, {
            firmId: actor.firmId,
            actorUserId: actor.userId,
            action: 'document.uploaded',
            targetType: 'client',
            targetId: actor.clientId,
            data: { documentId: id, fileName: file.fileName, kind: file.kind, size: file.size },
          });
          if (client.deliveryMethod === 'email' && client.deliveryEmail) {
            await em.query(
              `INSERT INTO document_delivery (document_id, firm_id, email) VALUES ($1, $2, $3)`,
              [id, actor.firmId, client.deliveryEmail],
            );
            toDeliver.push(id);
          }
        }
        results.push({ ...(await this.loadDto(em, actor, id)), duplicate });
      }
      return results;
    });
    // Same content, same document: the second copy's bytes are not kept.
    await this.files.remove(actor.firmId, duplicateFiles);
    await this.deliveries.send(toDeliver.map((id) => ({ key: id, firmId: actor.firmId, attempts: 0 })));
    return { documents };
  }

  list(actor: FolderActor, query: ListDocumentsQuery): Promise<DocumentPageDto> {
    return this.scope(actor, async (em) => {
      await this.folderClient(em, actor);
      const search = query.q ? lookupKey(query.q) : '';
      const params = [
        actor.clientId,
        query.category ?? null,
        query.period ?? null,
        search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
        query.status ?? null,
      ];
      const where = `WHERE d.client_id = $1 AND ($2::text IS NULL OR d.category = $2)
        AND ($3::text IS NULL OR d.period = $3) AND ($4::text IS NULL OR d.search_text LIKE $4)
        AND ($5::text IS NULL OR d.status = $5)`;
      const rows: DocumentRow[] = await em.query(
        `SELECT ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM} ${where}
          ORDER BY d.uploaded_at DESC, d.id DESC LIMIT $6 OFFSET $7`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      );
      const counts: { total: string; new_count: string }[] = await em.query(
        `SELECT (SELECT count(*) FROM document d ${where}) AS total,
                (SELECT count(*) FROM document WHERE client_id = $1 AND status = 'new') AS new_count`,
        params,
      );
      return {
        items: rows.map((row) => toDto(row, actor)),
        total: Number(counts[0].total),
        page: query.page,
        pageSize: query.pageSize,
        newCount: Number(counts[0].new_count),
      };
    });
  }

  /** The document's bytes; the firm's first download is recorded (it ends the client's right to delete). */
  async content(actor: FolderActor, documentId: string): Promise<DocumentContent> {
    const row = await this.scope(actor, async (em) => {
      await this.folderClient(em, actor);
      const found = await this.findRow(em, actor, documentId);
      if (actor.staff) await this.markDownloaded(em, actor, [found]);
      return found;
    });
    return {
      stream: this.files.open(actor.firmId, row.file_id),
      fileName: row.file_name,
      contentType: row.content_type,
      size: Number(row.size),
    };
  }

  /** A client deletes its own upload: within DOCUMENT_DELETE_WINDOW_HOURS, while the firm has not downloaded it. */
  async remove(actor: FolderActor, documentId: string): Promise<void> {
    const fileId = await this.scope(actor, async (em) => {
      await this.folderClient(em, actor);
      const rows: {
        file_id: string;
        file_name: string;
        uploaded_at: Date;
        firm_downloaded_at: Date | null;
      }[] = await em.query(
        `SELECT file_id, file_name, uploaded_at, firm_downloaded_at FROM document
            WHERE id = $1 AND client_id = $2 FOR UPDATE`,
        [documentId, actor.clientId],
      );
      const row = rows[0];
      if (!row) throw AppError.notFound();
      if (!clientMayDeleteDocument({ uploadedAt: row.uploaded_at, firmDownloadedAt: row.firm_downloaded_at }))
        throw new AppError(
          HttpStatus.CONFLICT,
          'document_delete_closed',
          undefined,
          row.firm_downloaded_at ? 'downloaded' : 'expired',
        );
      await em.query(`DELETE FROM document WHERE id = $1`, [documentId]);
      await this.audit.record(em, {
        firmId: actor.firmId,
        actorUserId: actor.userId,
        action: 'document.deleted',
        targetType: 'client',
        targetId: actor.clientId,
        data: { documentId, fileName: row.file_name },
      });
      return row.file_id;
    });
    await this.files.remove(actor.firmId, [fileId]);
  }

  setProcessed(actor: FolderActor, documentId: string, processed: boolean): Promise<DocumentDto> {
    return this.scope(actor, async (em) => {
      await this.folderClient(em, actor);
      // A CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], a SELECT with the rows.
      const rows: { id: string }[] = await em.query(
        `WITH changed AS (
           UPDATE document
              SET status = $3, processed_at = CASE WHEN $3 = 'processed' THEN now() END,
                  processed_by = CASE WHEN $3 = 'processed' THEN $4::uuid END
            WHERE id = $1 AND client_id = $2 AND status <> $3 RETURNING id)
         SELECT id FROM changed`,
        [documentId, actor.clientId, processed ? 'processed' : 'new', actor.userId],
      );
      if (rows[0])
        await this.audit.record(em, {
          firmId: actor.firmId,
          actorUserId: actor.userId,
          action: processed ? 'document.processed' : 'document.reopened',
          targetType: 'client',
          targetId: actor.clientId,
          data: { documentId },
        });
      return this.loadDto(em, actor, documentId);
    });
  }

  /** A zip of chosen documents (staff "download a selection"). */
  async archive(actor: FolderActor, documentIds: string[]): Promise<ZipContent> {
    const { rows, client } = await this.scope(actor, async (em) => {
      const folder = await this.folderClient(em, actor);
      const found: DocumentRow[] = await em.query(
        `SELECT ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM}
          WHERE d.client_id = $1 AND d.id = ANY($2::uuid[]) ORDER BY d.uploaded_at, d.id`,
        [actor.clientId, documentIds],
      );
      if (found.length === 0) throw AppError.notFound();
      await this.markDownloaded(em, actor, found);
      return { rows: found, client: folder };
    });
    return { stream: this.zip(actor, rows), fileName: `${zipBaseName(client.name)}-documents.zip` };
  }

  /**
   * "Download export" for an export configuration: the period's documents and a CSV index (formula-safe
   * cells) in one zip.
   */
  async export(actor: FolderActor, period: string, lang: UiLanguage): Promise<ZipContent> {
    const { rows, client } = await this.scope(actor, async (em) => {
      const folder = await this.folderClient(em, actor);
      if (folder.deliveryMethod !== 'export')
        throw new AppError(HttpStatus.CONFLICT, 'export_not_configured');
      const found: DocumentRow[] = await em.query(
        `SELECT ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM}
          WHERE d.client_id = $1 AND d.period = $2 ORDER BY d.uploaded_at, d.id`,
        [actor.clientId, period],
      );
      await this.markDownloaded(em, actor, found);
      await this.audit.record(em, {
        firmId: actor.firmId,
        actorUserId: actor.userId,
        action: 'documents.exported',
        targetType: 'client',
        targetId: actor.clientId,
        data: { period, count: found.length },
      });
      return { rows: found, client: folder };
    });
    return {
      stream: this.zip(actor, rows, lang),
      fileName: `${zipBaseName(client.name)}-${period}.zip`,
    };
  }

  /** Streams the files one after the other into the zip (stored, not recompressed: PDFs and photos are). */
  private zip(actor: FolderActor, rows: DocumentRow[], indexLanguage?: UiLanguage): Readable {
    const zip = new ZipFile();
    const names = uniqueNames(rows.map((row) => row.file_name));
    rows.forEach((row, i) =>
      zip.addReadStream(this.files.open(actor.firmId, row.file_id), names[i], {
        mtime: row.uploaded_at,
        compress: false,
        size: Number(row.size),
      }),
    );
    if (indexLanguage)
      zip.addBuffer(csvIndex(rows, names, indexLanguage), 'index.csv', { mtime: new Date() });
    zip.end();
    return zip.outputStream as Readable;
  }

  private async markDownloaded(em: EntityManager, actor: FolderActor, rows: DocumentRow[]): Promise<void> {
    const first = rows.filter((row) => !row.firm_downloaded_at).map((row) => row.id);
    if (first.length === 0) return;
    await em.query(
      `UPDATE document SET firm_downloaded_at = now() WHERE id = ANY($1::uuid[]) AND firm_downloaded_at IS NULL`,
      [first],
    );
    await this.audit.record(em, {
      firmId: actor.firmId,
      actorUserId: actor.userId,
      action: 'document.downloaded',
      targetType: 'client',
      targetId: actor.clientId,
      data: first.length === 1 ? { documentId: first[0] } : { documentIds: first },
    });
  }

  /**
   * The folder's client, or 404 (unknown, another firm's: RLS hides it); 403 `sharing_off` while the client
   * does not share documents with the firm.
   */
  private async folderClient(em: EntityManager, actor: FolderActor): Promise<FolderClient> {
    const rows: {
      id: string;
      name: string;
      share_documents: boolean;
      delivery_method: 'email' | 'export' | null;
      delivery_email: string | null;
    }[] = await em.query(
      `SELECT c.id, c.name, c.share_documents, s.delivery_method, s.delivery_email
         FROM client c LEFT JOIN accounting_software_config s ON s.id = c.accounting_software_id
        WHERE c.id = $1`,
      [actor.clientId],
    );
    const row = rows[0];
    if (!row) throw AppError.notFound();
    if (!row.share_documents) throw new AppError(HttpStatus.FORBIDDEN, 'sharing_off');
    return {
      id: row.id,
      name: row.name,
      deliveryMethod: row.delivery_method,
      deliveryEmail: row.delivery_email,
    };
  }

  private async findRow(em: EntityManager, actor: FolderActor, documentId: string): Promise<DocumentRow> {
    const rows: DocumentRow[] = await em.query(
      `SELECT ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM} WHERE d.id = $1 AND d.client_id = $2`,
      [documentId, actor.clientId],
    );
    if (!rows[0]) throw AppError.notFound();
    return rows[0];
  }

  private async loadDto(em: EntityManager, actor: FolderActor, documentId: string): Promise<DocumentDto> {
    return toDto(await this.findRow(em, actor, documentId), actor);
  }

  /** Staff: the firm's scope. A client user: also its client, which the document policy enforces too. */
  private scope<T>(actor: FolderActor, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return actor.staff
      ? this.tenancy.forFirm(actor.firmId, work)
      : this.tenancy.scoped({ firmId: actor.firmId, clientId: actor.clientId }, work);
  }
}

function toDto(row: DocumentRow, actor: FolderActor): DocumentDto {
  const deliveryStatus: DocumentDeliveryStatus =
    row.delivery_status === null
      ? 'none'
      : row.delivery_status === 'sending'
        ? 'queued'
        : row.delivery_status;
  return {
    id: row.id,
    clientId: row.client_id,
    fileName: row.file_name,
    contentType: row.content_type,
    kind: row.kind,
    size: Number(row.size),
    sha256: row.sha256,
    category: row.category,
    period: row.period,
    note: row.note,
    status: row.status,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedByName: row.uploaded_by_name,
    processedAt: row.processed_at?.toISOString() ?? null,
    firmDownloadedAt: row.firm_downloaded_at?.toISOString() ?? null,
    deletable:
      !actor.staff &&
      clientMayDeleteDocument({ uploadedAt: row.uploaded_at, firmDownloadedAt: row.firm_downloaded_at }),
    delivery: {
      status: deliveryStatus,
      // The inbox and the SMTP server's words are the firm's business, not the client's.
      email: actor.staff ? row.delivery_email : null,
      attempts: row.delivery_attempts ?? 0,
      lastReply: actor.staff ? row.delivery_reply : null,
      sentAt: row.delivery_sent_at?.toISOString() ?? null,
    },
  };
}

/** Names inside a zip must differ: "scan.pdf", "scan (2).pdf"… */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    for (let n = 2; seen.has(candidate.toLowerCase()); n++)
      candidate = dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

const INDEX_HEADERS: Record<UiLanguage, string[]> = {
  fr: ['Fichier', 'Catégorie', 'Période', 'Déposé le', 'Taille (octets)', 'SHA-256', 'Statut', 'Note'],
  en: ['File', 'Category', 'Period', 'Uploaded at', 'Size (bytes)', 'SHA-256', 'Status', 'Note'],
  ar: ['الملف', 'الفئة', 'الفترة', 'تاريخ الإيداع', 'الحجم (بايت)', 'SHA-256', 'الحالة', 'ملاحظة'],
};

/** The export's index: one line per document, UTF-8 with a BOM so that Excel reads accents. */
function csvIndex(rows: DocumentRow[], names: string[], lang: UiLanguage): Buffer {
  const lines = [
    csvRow(INDEX_HEADERS[lang]),
    ...rows.map((row, i) =>
      csvRow([
        names[i],
        DOCUMENT_CATEGORY_LABELS[row.category][lang],
        row.period,
        row.uploaded_at.toISOString(),
        Number(row.size),
        row.sha256,
        row.status,
        row.note,
      ]),
    ),
  ];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

function zipBaseName(clientName: string): string {
  return (
    clientName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'client'
  );
}
