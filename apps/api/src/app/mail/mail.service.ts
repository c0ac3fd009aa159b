import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:fs';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
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

const OUTBOX_ID = /^[0-9A-Za-z_-]{1,80}$/;

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes each message to DATA_DIR/outbox as an .eml file
 * (plus a JSON summary) so a person can open invitation links locally.
 */
@Injectable()
export class MailService {
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
      ? createTransport(config.SMTP_URL)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<string> {
    const info = await this.transporter.sendMail({ from: this.config.MAIL_FROM, ...message });
    if (this.mode === 'outbox') {
      const id = `${new Date().toISOString().replace(/[:.]/g, '-')}_${randomBytes(4).toString('hex')}`;
      await mkdir(this.outboxDir, { recursive: true });
      await writeFile(join(this.outboxDir, `${id}.eml`), info.message as Buffer);
      const summary: OutboxMessage = {
        id,
        to: message.to,
        subject: message.subject,
        date: new Date().toISOString(),
        text: message.text,
        html: message.html,
      };
      await writeFile(join(this.outboxDir, `${id}.json`), JSON.stringify(summary));
      this.logger.log(`Written to outbox: ${id} (${message.subject} → ${message.to})`);
    }
    return info.messageId;
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

  async listOutbox(): Promise<OutboxEntry[]> {
    const names = await readdir(this.outboxDir).catch(() => [] as string[]);
    const entries = await Promise.all(
      names.filter((name) => name.endsWith('.json')).map((name) => this.readOutbox(name.slice(0, -5))),
    );
    return entries
      .filter((entry): entry is OutboxMessage => entry !== null)
      .map(({ id, to, subject, date }) => ({ id, to, subject, date }))
      .sort((a, b) => b.date.localeCompare(a.date));
  }

  async readOutbox(id: string): Promise<OutboxMessage | null> {
    if (!OUTBOX_ID.test(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.outboxDir, `${id}.json`), 'utf8')) as OutboxMessage;
    } catch {
      return null;
    }
  }
}
