import { Injectable } from '@nestjs/common';
import { mailDate, MailTemplates, type RenderedMail } from '../mail/mail-templates';

export type { RenderedMail } from '../mail/mail-templates';

export interface InvitationMailValues {
  /** The contact's language (any code): fr, en and ar have a template, others get French. */
  language: string;
  firmName: string;
  clientName: string;
  contactName: string;
  /** `${APP_URL}/invitation/<token>` */
  link: string;
  expiresAt: Date;
  reminder: boolean;
}

/** The invitation (and reminder) e-mail: templates/<lang>/invitation.*.hbs on the shared mail layout. */
@Injectable()
export class InvitationMail {
  private readonly templates = new MailTemplates('invitations', ['invitation'] as const);

  render(values: InvitationMailValues): RenderedMail {
    const { language, expiresAt, ...names } = values;
    return this.templates.render('invitation', language, {
      ...names,
      expiresOn: mailDate(expiresAt, language),
    });
  }
}
