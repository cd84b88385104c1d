/**
 * The messages Netra sends, in Bahasa Indonesia with the English text below it (an officer's
 * language is not known before they sign in). Each template returns a complete message; the
 * plain-text part is the reference, the HTML part the same words.
 */
import type { MailMessage } from './mailer.ts';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Jakarta time with its zone, e.g. "7 Des 2026 09.00 WIB". */
export function jakartaTime(at: Date, language: 'id' | 'en'): string {
  const text = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(at);
  return `${text} WIB`;
}

/** A message of paragraphs in both languages (Indonesian first), with one link to follow. */
export function bilingualMessage(input: { to: string; subject: { id: string; en: string }; id: string[]; en: string[]; link: { url: string; label: { id: string; en: string } } }): MailMessage {
  const text = [...input.id, input.link.url, '', '— English —', '', ...input.en, input.link.url, ''].join('\n\n').replace(/\n{3,}/g, '\n\n');
  const paragraphs = (lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const button = (label: string) => `<p><a href="${escapeHtml(input.link.url)}">${escapeHtml(label)}</a></p>`;
  const html = `${paragraphs(input.id)}${button(input.link.label.id)}<hr>${paragraphs(input.en)}${button(input.link.label.en)}`;
  return { to: input.to, subject: `${input.subject.id} / ${input.subject.en}`, text, html };
}

/** The invitation to an officer's new account: the one-time link and until when it works. */
export function invitationMessage(input: { to: string; name: string; roleLabel: { id: string; en: string }; link: string; expiresAt: Date }): MailMessage {
  return bilingualMessage({
    to: input.to,
    subject: { id: 'Undangan akun Netra', en: 'Your Netra account invitation' },
    id: [
      `Yth. ${input.name},`,
      `Administrator Netra membuatkan akun untuk Anda dengan peran ${input.roleLabel.id}.`,
      `Buka tautan di bawah ini untuk membuat kata sandi dan mengaktifkan verifikasi dua langkah (aplikasi autentikator). Tautan hanya dapat dipakai sekali dan berlaku sampai ${jakartaTime(input.expiresAt, 'id')}.`,
      'Jika Anda tidak merasa meminta akun ini, abaikan pesan ini.',
    ],
    en: [
      `Dear ${input.name},`,
      `A Netra administrator has opened an account for you with the role ${input.roleLabel.en}.`,
      `Open the link below to set your password and turn on two-step verification (an authenticator app). The link works once, until ${jakartaTime(input.expiresAt, 'en')}.`,
      'If you did not expect this account, ignore this message.',
    ],
    link: { url: input.link, label: { id: 'Aktifkan akun', en: 'Activate the account' } },
  });
}
