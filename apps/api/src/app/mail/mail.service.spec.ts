import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/app-config';
import { MailService } from './mail.service';

const FIRM = '8b0c3f5e-2d7a-4c1e-9f3b-5a6d7e8f9a0b';

describe('MailService (outbox mode: the raw message nodemailer builds)', () => {
  let dataDir: string;
  let mail: MailService;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mail-spec-'));
    mail = new MailService(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development' }));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function rawMessage(language: string | undefined, text: string, subject: string): Promise<string> {
    await mail.send({ firmId: FIRM, to: 'k@atlas.ma', subject, text, html: `<p>${text}</p>`, language });
    const eml = readdirSync(join(dataDir, 'outbox')).find((name) => name.endsWith('.eml'));
    return readFileSync(join(dataDir, 'outbox', eml as string), 'utf8');
  }

  const encodings = (raw: string) =>
    [...raw.matchAll(/^Content-Transfer-Encoding: (.+)$/gm)].map((m) => m[1].trim());

  // The language decides, not the content: nodemailer would otherwise count the characters of every text
  // (Latin → quoted-printable, other scripts → base64), a bulk run's largest CPU cost after the socket writes.
  it('sends an Arabic e-mail as base64 (B-encoded subject), even when its text is mostly Latin', async () => {
    const raw = await rawMessage(
      'ar',
      'Passerelle — Cabinet Atlas, Casablanca: مرحبا',
      'Cabinet Atlas — دعوة',
    );
    expect(encodings(raw)).toEqual(['base64', 'base64']);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
  });

  it('sends a French e-mail as quoted-printable (Q-encoded subject), even when it quotes Arabic names', async () => {
    const raw = await rawMessage('fr', 'Dossier : شركة الأطلس للتجارة والخدمات', 'Dossier شركة الأطلس');
    expect(encodings(raw)).toEqual(['quoted-printable', 'quoted-printable']);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
  });

  it('uses quoted-printable when the language is not said', async () => {
    const raw = await rawMessage(undefined, 'شركة الأطلس', 'شركة الأطلس');
    expect(encodings(raw)).toEqual(['quoted-printable', 'quoted-printable']);
  });
});
