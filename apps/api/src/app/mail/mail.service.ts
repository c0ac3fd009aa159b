import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:fs';
import type { Readable } from 'node:stream';
import { createTransport, Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { AppConfig } from '../../config/app-config';

export interface MailMessage {
  /** The firm on whose behalf the message is sent: the development outbox shows a firm only its own mail. */
  firmId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`; derived from what the message is about, so a resent copy is recognisably the same message. */
  messageId?: string;
  /**
   * The message's language (RenderedMail.language): Arabic text goes base64, the others quoted-printable.
   * Told rather than guessed: nodemailer otherwise scans every text and header to choose (a bulk run's
   * largest CPU cost after the socket writes).
   */
  language?: string;
  /** Files sent with the message (a client document to the accounting software); streams are read once. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer | Readable;
  contentType: string;
}

export interface SentMail {
  messageId: string;
  /** The SMTP server's final reply ("250 2.0.0 Ok: queued as …"), or where the outbox wrote it. */
  response: string;
}

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  date: string;
}

export interface OutboxMessage extends OutboxEntry {
  text: string;
  html: string;
}

/** A firm's outbox files are named `<firmId>.<id>.json`: listing and reading never open another firm's. */
const OUTBOX_ID = /^[0-9A-Za-z_-]{1,80}$/;
const FIRM_ID = /^[0-9a-f-]{36}$/;
/** Newest messages listed at most (the outbox is a development aid, not an archive). */
export const OUTBOX_LIST_LIMIT = 200;

/**
 * Sends through SMTP when SMTP_URL is set (a small connection pool, bounded timeouts so a stuck server
 * cannot hold a job past its lease); otherwise writes each message to DATA_DIR/outbox as an .eml file plus
 * a JSON copy, so a person trying Passerelle locally can open invitation links.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  readonly mode: 'smtp' | 'outbox';
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private readonly outboxDir: string;

  constructor(private readonly config: AppConfig) {
    this.mode = config.SMTP_URL ? 'smtp' : 'outbox';
    this.outboxDir = join(config.dataDir, 'outbox');
    if (this.mode === 'outbox' && config.NODE_ENV === 'production') {
      this.logger.warn(
        `SMTP_URL is not set: e-mails are only written to ${this.outboxDir}, nobody receives them.`,
      );
    }
    this.transporter = config.SMTP_URL
      ? createTransport({
          ...parseConnectionUrl(config.SMTP_URL),
          pool: true,
          // One connection per job a worker runs at once: fewer made the pool the bottleneck of a bulk run.
          maxConnections: config.WORKER_CONCURRENCY,
          maxMessages: 1000,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Rejects with nodemailer's error (its `responseCode` tells a temporary 4xx from a permanent 5xx). */
  async send(message: MailMessage): Promise<SentMail> {
    const { firmId, language, ...mail } = message;
    const info = await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      textEncoding: language === 'ar' ? 'base64' : 'quoted-printable',
      ...mail,
    });
    if (this.mode === 'smtp') return { messageId: info.messageId, response: String(info.response ?? '') };

    if (!FIRM_ID.test(firmId)) throw new Error('MailService.send: firmId must be a UUID');
    const id = `${new Date().toISOString().replace(/[:.]/g, '-')}_${randomBytes(4).toString('hex')}`;
    await mkdir(this.outboxDir, { recursive: true });
    await writeFile(join(this.outboxDir, `${firmId}.${id}.eml`), info.message as Buffer);
    const copy: OutboxMessage = {
      id,
      to: message.to,
      subject: message.subject,
      date: new Date().toISOString(),
      text: message.text,
      html: message.html,
    };
    await writeFile(join(this.outboxDir, `${firmId}.${id}.json`), JSON.stringify(copy));
    // The subject and address only: the body holds links that must not end up in logs.
    this.logger.log(`Written to outbox: ${id} (${message.subject} → ${message.to})`);
    return { messageId: info.messageId, response: `written to the outbox as ${id}` };
  }

  async check(): Promise<boolean> {
    try {
      if (this.mode === 'smtp') return await this.transporter.verify();
      await mkdir(this.outboxDir, { recursive: true });
      await access(this.outboxDir, constants.W_OK);
      return true;
    } catch (error) {
      this.logger.warn(`Mail transport check failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** The firm's newest outbox messages (summaries: no body, so no link). */
  async listOutbox(firmId: string): Promise<OutboxEntry[]> {
    if (!FIRM_ID.test(firmId)) return [];
    const prefix = `${firmId}.`;
    const names = await readdir(this.outboxDir).catch(() => [] as string[]);
    const ids = names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
      .map((name) => name.slice(prefix.length, -'.json'.length))
      .sort()
      .reverse()
      .slice(0, OUTBOX_LIST_LIMIT);
    const entries = await Promise.all(ids.map((id) => this.readOutbox(firmId, id)));
    return entries
      .filter((entry): entry is OutboxMessage => entry !== null)
      .map(({ id, to, subject, date }) => ({ id, to, subject, date }));
  }

  /** One of the firm's outbox messages in full; another firm's id reads as unknown (null). */
  async readOutbox(firmId: string, id: string): Promise<OutboxMessage | null> {
    if (!FIRM_ID.test(firmId) || !OUTBOX_ID.test(id)) return null;
    try {
      return JSON.parse(
        await readFile(join(this.outboxDir, `${firmId}.${id}.json`), 'utf8'),
      ) as OutboxMessage;
    } catch {
      return null;
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
