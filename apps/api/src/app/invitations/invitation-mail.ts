import { Injectable } from '@nestjs/common';
import {
  INVITATION_EMAIL_LANGUAGES,
  invitationEmailLanguage,
  type InvitationEmailLanguage,
} from '@passerelle/domain-client';
import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export interface RenderedMail {
  language: InvitationEmailLanguage;
  subject: string;
  html: string;
  text: string;
}

type Template = (context: object) => string;

const LOCALES: Record<InvitationEmailLanguage, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-MA' };
/** Arabic needs a face that has its glyphs in every mail client (Outlook on Windows: Tahoma). */
const FONTS: Record<InvitationEmailLanguage, string> = {
  fr: 'Arial,Helvetica,sans-serif',
  en: 'Arial,Helvetica,sans-serif',
  ar: 'Tahoma,Arial,sans-serif',
};
const RTL: ReadonlySet<InvitationEmailLanguage> = new Set(['ar']);

/**
 * Where the template files are: next to this module in the sources (jest, ts-node), or copied beside the
 * webpack bundle as `invitation-templates/` (see apps/api/webpack.config.js).
 */
export function invitationTemplatesDir(): string {
  const candidates = [join(__dirname, 'invitation-templates'), join(__dirname, 'templates')];
  const found = candidates.find((dir) => existsSync(join(dir, 'layout.html.hbs')));
  if (!found) throw new Error(`Invitation e-mail templates not found in ${candidates.join(' or ')}`);
  return found;
}

/**
 * Renders the invitation (and reminder) e-mail from the Handlebars files in templates/: an HTML version
 * (table layout, inline styles, no images — what Gmail and Outlook render alike) and a plain-text one.
 * Every value is escaped in the HTML (`{{value}}`, never `{{{value}}}`); the text and subject are plain.
 */
@Injectable()
export class InvitationMail {
  private readonly templates: Record<
    InvitationEmailLanguage,
    { subject: Template; html: Template; text: Template }
  >;

  constructor() {
    const dir = invitationTemplatesDir();
    const read = (...path: string[]) => readFileSync(join(dir, ...path), 'utf8');
    const engine = Handlebars.create();
    const html = (source: string) => engine.compile(source, { strict: true });
    const plain = (source: string) => engine.compile(source, { strict: true, noEscape: true });
    // Registered compiled: a partial registered as text is compiled again at every render (Handlebars keeps
    // the compiled copy only for that one call), which made rendering most of a worker's CPU.
    for (const partial of ['layout', 'paragraph', 'button', 'link'])
      engine.registerPartial(partial, html(read(`${partial}.html.hbs`)));
    this.templates = Object.fromEntries(
      INVITATION_EMAIL_LANGUAGES.map((lang) => [
        lang,
        {
          subject: plain(read(lang, 'subject.txt.hbs')),
          html: html(read(lang, 'invitation.html.hbs')),
          text: plain(read(lang, 'invitation.txt.hbs')),
        },
      ]),
    ) as InvitationMail['templates'];
  }

  render(values: InvitationMailValues): RenderedMail {
    const language = invitationEmailLanguage(values.language);
    const rtl = RTL.has(language);
    const context = {
      lang: language,
      dir: rtl ? 'rtl' : 'ltr',
      align: rtl ? 'right' : 'left',
      font: FONTS[language],
      firmName: values.firmName,
      clientName: values.clientName,
      contactName: values.contactName,
      link: values.link,
      reminder: values.reminder,
      expiresOn: new Intl.DateTimeFormat(LOCALES[language], {
        dateStyle: 'long',
        timeZone: 'Africa/Casablanca',
      }).format(values.expiresAt),
    };
    const template = this.templates[language];
    // One line, no control characters: a subject is a header.
    const subject = template
      .subject(context)
      .replace(/[\r\n\t]+/g, ' ')
      .trim();
    return {
      language,
      subject,
      html: template.html({ ...context, subject }),
      text: template.text(context).replace(/\n{3,}/g, '\n\n'),
    };
  }
}
