import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUiLanguage, type UiLanguage } from '@passerelle/domain-client';
import { AppConfig } from '../../config/app-config';
import { JobHandler, JobRegistry } from '../jobs/job-queue';
import { MailService } from './mail.service';

export const WELCOME_MAIL_JOB = 'mail.welcome';

export interface WelcomeMailPayload {
  firmId: string;
  to: string;
  name: string;
  firmName: string;
  language: UiLanguage;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Sent after a firm signs up: proves the queue → worker → mail path end to end. */
@Injectable()
export class WelcomeMailJob implements JobHandler<WelcomeMailPayload>, OnModuleInit {
  readonly jobName = WELCOME_MAIL_JOB;

  constructor(
    private readonly registry: JobRegistry,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(payload: WelcomeMailPayload): Promise<void> {
    const url = this.config.appUrl;
    const copies: Record<UiLanguage, { subject: string; lines: string[] }> = {
      fr: {
        subject: `Bienvenue sur Passerelle, ${payload.firmName}`,
        lines: [
          `Bonjour ${payload.name},`,
          `Votre cabinet ${payload.firmName} est prêt sur Passerelle.`,
          `Connexion : ${url}/login`,
        ],
      },
      en: {
        subject: `Welcome to Passerelle, ${payload.firmName}`,
        lines: [
          `Hello ${payload.name},`,
          `Your firm ${payload.firmName} is ready on Passerelle.`,
          `Sign in: ${url}/login`,
        ],
      },
      ar: {
        subject: `مرحبًا بكم في Passerelle، ${payload.firmName}`,
        lines: [
          `مرحبًا ${payload.name}،`,
          `مكتب المحاسبة ${payload.firmName} جاهز على Passerelle.`,
          `تسجيل الدخول: ${url}/login`,
        ],
      },
    };
    const copy = copies[isUiLanguage(payload.language) ? payload.language : 'fr'];
    const rtl = payload.language === 'ar' ? ' dir="rtl"' : '';
    await this.mail.send({
      firmId: payload.firmId,
      to: payload.to,
      subject: copy.subject,
      text: copy.lines.join('\n\n'),
      html: copy.lines.map((line) => `<p${rtl}>${escapeHtml(line)}</p>`).join('\n'),
    });
  }
}
