/**
 * The "there is news" e-mail to a reporter who left an address (sealed, never shown): sent when
 * the case has a public step the tracking page shows, or when Bawaslu wrote in the thread, since
 * the last notice. It says only that there is news and where to look; never the receipt number,
 * the state, the question or anything else about the report, because a mailbox is read by others
 * too. Delivered as a `mail-send` job (retried with back-off); without SMTP nothing is sent.
 */
import type { AppContext } from '../../context.ts';
import { bilingualMessage, mailConfigured, queueMail, type MailMessage } from '../../mail/index.ts';
import { publicBaseUrl } from '../../mail/public-url.ts';
import { decrypt } from '../../security/encryption.ts';
import { lastPublicNews } from '../cases/reporter-answer.service.ts';
import * as repo from './repository.ts';


export function reporterNoticeMessage(to: string): MailMessage {
  return bilingualMessage({
    to,
    subject: { id: 'Ada kabar baru tentang laporan Anda', en: 'There is news about your report' },
    id: [
      'Ada perkembangan baru pada laporan yang Anda kirim ke Bawaslu melalui Netra.',
      'Buka halaman lacak dan masukkan nomor tanda terima serta kode rahasia Anda untuk melihatnya. Demi keamanan Anda, isi kabar tidak pernah dikirim lewat e-mail.',
      'Anda menerima e-mail ini karena meminta pemberitahuan. Untuk berhenti, hapus alamat e-mail di halaman lacak.',
    ],
    en: [
      'There is news about the report you sent to Bawaslu through Netra.',
      'Open the tracking page and enter your receipt number and secret to see it. For your safety, the news itself is never sent by e-mail.',
      'You receive this e-mail because you asked for notices. To stop them, remove the address on the tracking page.',
    ],
    link: { url: `${publicBaseUrl()}/lacak`, label: { id: 'Buka halaman lacak', en: 'Open the tracking page' } },
  });
}

/** One pass over every subscription: a notice for each report with news since its last one. */
export async function runReporterNotices(ctx: Pick<AppContext, 'db' | 'now' | 'encryptionKey'>): Promise<{ checked: number; sent: number }> {
  const summary = { checked: 0, sent: 0 };
  if (!mailConfigured()) return summary;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await repo.noticeSubscriptions(ctx.db, after, 500);
    if (page.length === 0) return summary;
    after = page.at(-1)!.report_id;
    const news = await lastPublicNews(ctx.db, [...new Set(page.map((p) => p.case_id))]);
    const now = ctx.now();
    for (const sub of page) {
      summary.checked += 1;
      const since = new Date(sub.notified_through);
      const question = sub.last_question_at ? new Date(sub.last_question_at as unknown as string) : null;
      const latest = [news.get(sub.case_id), question].filter((d): d is Date => d != null).reduce((a, b) => (a > b ? a : b), new Date(0));
      if (latest <= since) continue;
      // Marked first: a second server running the same pass cannot mail twice.
      if (!(await repo.markNotified(ctx.db, sub.report_id, since, now > latest ? now : latest))) continue;
      await queueMail(ctx, reporterNoticeMessage(decrypt(ctx.encryptionKey, sub.email_sealed)));
      summary.sent += 1;
    }
  }
}
