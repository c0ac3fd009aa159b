import {
  INVITATION_EMAIL_LANGUAGES,
  invitationEmailLanguage,
  type InvitationEmailLanguage,
} from '@passerelle/domain-client';
import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The languages an e-mail is written in: fr, en and ar have templates, any other language gets French. */
export type MailLanguage = InvitationEmailLanguage;
export const MAIL_LANGUAGES = INVITATION_EMAIL_LANGUAGES;

export interface RenderedMail {
  language: MailLanguage;
  subject: string;
  html: string;
  text: string;
}

type Template = (context: object) => string;

const LOCALES: Record<MailLanguage, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-MA' };
/** Arabic needs a face that has its glyphs in every mail client (Outlook on Windows: Tahoma). */
const FONTS: Record<MailLanguage, string> = {
  fr: 'Arial,Helvetica,sans-serif',
  en: 'Arial,Helvetica,sans-serif',
  ar: 'Tahoma,Arial,sans-serif',
};
const RTL: ReadonlySet<MailLanguage> = new Set(['ar']);
/** The shared layout and blocks (mail/templates), registered as partials of every feature's templates. */
const PARTIALS = ['layout', 'paragraph', 'button', 'link'] as const;

/**
 * Where a feature's templates are: `app/<feature>/templates` in the sources (jest, ts-node), or copied beside
 * the webpack bundle under `app/<feature>/templates` (see apps/api/webpack.config.js).
 */
export function mailTemplatesDir(feature: string): string {
  const candidates = [
    join(__dirname, 'app', feature, 'templates'),
    join(__dirname, '..', feature, 'templates'),
  ];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`E-mail templates of "${feature}" not found in ${candidates.join(' or ')}`);
  return found;
}

/** Date formatters by e-mail language and style: building one costs more than formatting (a bulk run sends thousands). */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A date as an e-mail in that language (any code, as `render` takes it) writes it, in Moroccan time. */
export function mailDate(date: Date, language: string, withTime = false): string {
  const locale = LOCALES[invitationEmailLanguage(language)];
  const key = `${locale}|${withTime}`;
  let format = DATE_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      ...(withTime && { timeStyle: 'short' }),
      timeZone: 'Africa/Casablanca',
    });
    DATE_FORMATS.set(key, format);
  }
  return format.format(date);
}

/**
 * The e-mails of one feature, rendered from Handlebars files on the shared layout: for each template name and
 * language, `<feature>/templates/<lang>/<name>.subject.txt.hbs`, `<name>.html.hbs` (table layout, inline
 * styles, no images — what Gmail and Outlook render alike) and `<name>.txt.hbs`. Every value is escaped in
 * the HTML (`{{value}}`, never `{{{value}}}`); the text and subject are plain. Compiled once, at construction.
 */
export class MailTemplates<Name extends string> {
  private readonly templates: Record<
    string,
    Record<MailLanguage, { subject: Template; html: Template; text: Template }>
  > = {};

  constructor(feature: string, names: readonly Name[]) {
    const shared = mailTemplatesDir('mail');
    const own = feature === 'mail' ? shared : mailTemplatesDir(feature);
    const engine = Handlebars.create();
    const html = (source: string) => engine.compile(source, { strict: true });
    const plain = (source: string) => engine.compile(source, { strict: true, noEscape: true });
    // Registered compiled: a partial registered as text is compiled again at every render (Handlebars keeps
    // the compiled copy only for that one call), which made rendering most of a worker's CPU.
    for (const partial of PARTIALS)
      engine.registerPartial(partial, html(readFileSync(join(shared, `${partial}.html.hbs`), 'utf8')));
    const read = (lang: string, file: string) => readFileSync(join(own, lang, file), 'utf8');
    for (const name of names)
      this.templates[name] = Object.fromEntries(
        MAIL_LANGUAGES.map((lang) => [
          lang,
          {
            subject: plain(read(lang, `${name}.subject.txt.hbs`)),
            html: html(read(lang, `${name}.html.hbs`)),
            text: plain(read(lang, `${name}.txt.hbs`)),
          },
        ]),
      ) as Record<MailLanguage, { subject: Template; html: Template; text: Template }>;
  }

  /** `language`: any code (a contact's, a user's); fr, en and ar have templates, others get French. */
  render(name: Name, language: string, values: Record<string, unknown>): RenderedMail {
    const lang = invitationEmailLanguage(language);
    const rtl = RTL.has(lang);
    const context = {
      ...values,
      lang,
      dir: rtl ? 'rtl' : 'ltr',
      align: rtl ? 'right' : 'left',
      font: FONTS[lang],
    };
    const template = this.templates[name][lang];
    // One line, no control characters: a subject is a header.
    const subject = template
      .subject(context)
      .replace(/[\r\n\t]+/g, ' ')
      .trim();
    return {
      language: lang,
      subject,
      html: template.html({ ...context, subject }),
      text: template.text(context).replace(/\n{3,}/g, '\n\n'),
    };
  }
}
