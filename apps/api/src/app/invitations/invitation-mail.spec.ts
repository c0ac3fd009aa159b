import { InvitationMail } from './invitation-mail';

describe('InvitationMail', () => {
  const mail = new InvitationMail();
  const values = {
    language: 'fr',
    firmName: 'Cabinet Atlas',
    clientName: 'Atlas Négoce SARL',
    contactName: 'Karim Idrissi',
    link: 'https://app.passerelle.ma/invitation/AbC-123_xyz',
    expiresAt: new Date('2026-12-14T10:00:00Z'),
    reminder: false,
  };

  it('writes the French e-mail: firm, client, what Passerelle is, one button, the link in text too, the expiry', () => {
    const rendered = mail.render(values);
    expect(rendered.language).toBe('fr');
    expect(rendered.subject).toBe('Cabinet Atlas vous invite à rejoindre Passerelle');
    expect(rendered.html).toContain('<html lang="fr" dir="ltr">');
    expect(rendered.html).toContain(
      'Votre cabinet comptable <strong>Cabinet Atlas</strong> vous invite à activer l’espace de <strong>Atlas Négoce SARL</strong> sur Passerelle.',
    );
    expect(
      rendered.html.match(/<a href="https:\/\/app\.passerelle\.ma\/invitation\/AbC-123_xyz"/g),
    ).toHaveLength(2);
    expect(rendered.html).toContain('>Accepter l’invitation</a>');
    expect(rendered.html).toContain('Il expire le <strong>14 décembre 2026</strong>.');
    expect(rendered.html).not.toMatch(/<img|<link|<script|https?:\/\/(?!app\.passerelle\.ma)/);
    expect(rendered.text).toContain('Bonjour Karim Idrissi,');
    expect(rendered.text).toContain('\nhttps://app.passerelle.ma/invitation/AbC-123_xyz\n');
    expect(rendered.text).toContain('Il expire le 14 décembre 2026.');
    expect(rendered.text).not.toContain('<');
  });

  it('writes Arabic right to left, with the link kept left to right', () => {
    const rendered = mail.render({ ...values, language: 'ar' });
    expect(rendered.language).toBe('ar');
    expect(rendered.subject).toBe('دعوة من Cabinet Atlas للانضمام إلى Passerelle');
    expect(rendered.html).toContain('<html lang="ar" dir="rtl">');
    expect(rendered.html).toContain('text-align:right;');
    expect(rendered.html).toContain('>قبول الدعوة</a>');
    expect(rendered.html).toContain('<td dir="ltr"');
    expect(rendered.html).toContain('وتنتهي صلاحيته في <strong>14 دجنبر 2026</strong>');
    expect(rendered.text).toContain('مرحبًا Karim Idrissi،');
  });

  it('writes English, and falls back to French for a language without a template', () => {
    expect(mail.render({ ...values, language: 'en' }).subject).toBe(
      'Cabinet Atlas invites you to join Passerelle',
    );
    const spanish = mail.render({ ...values, language: 'es' });
    expect(spanish.language).toBe('fr');
    expect(spanish.subject).toBe('Cabinet Atlas vous invite à rejoindre Passerelle');
  });

  it('says it is a reminder', () => {
    const rendered = mail.render({ ...values, reminder: true });
    expect(rendered.subject).toBe('Rappel : Cabinet Atlas vous attend sur Passerelle');
    expect(rendered.text).toContain('L’invitation n’a pas encore été acceptée.');
  });

  it('escapes every value in the HTML and keeps the subject on one line', () => {
    const rendered = mail.render({
      ...values,
      firmName: 'Cab <script>alert(1)</script> & "Co"',
      clientName: '<img src=x onerror=alert(1)>',
      contactName: 'Line\r\nBcc: victim@example.com',
    });
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).not.toContain('<img');
    expect(rendered.html).toContain('Cab &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(rendered.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(rendered.subject).not.toMatch(/[\r\n]/);
  });
});
