import { Injectable } from '@nestjs/common';
import type { UiLanguage } from '@passerelle/domain-client';
import { AppConfig } from '../../config/app-config';
import { RegisteredJob } from '../jobs/job-queue';
import { MailTemplates } from './mail-templates';
import { MailService } from './mail.service';

export const WELCOME_MAIL_JOB = 'mail.welcome';

export interface WelcomeMailPayload {
  firmId: string;
  to: string;
  name: string;
  firmName: string;
  language: UiLanguage;
}

/** Sent after a firm signs up: proves the queue → worker → mail path end to end. */
@Injectable()
export class WelcomeMailJob extends RegisteredJob<WelcomeMailPayload> {
  readonly jobName = WELCOME_MAIL_JOB;
  private readonly templates = new MailTemplates('mail', ['welcome'] as const);

  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async handle(payload: WelcomeMailPayload): Promise<void> {
    const mail = this.templates.render('welcome', payload.language, {
      name: payload.name,
      firmName: payload.firmName,
      link: `${this.config.appUrl}/login`,
    });
    await this.mail.send({
      firmId: payload.firmId,
      to: payload.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      language: mail.language,
    });
  }
}
