/**
 * Unread notifications for me or my office (reminders, escalations, hand-overs, assignments),
 * above the queues: the deadline sweep's output has to reach a person.
 */
import { Link } from 'wouter';
import { apiSend, useApi } from '../../lib/api.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';

interface Inbox {
  unread: number;
  items: Array<{ id: number; kind: string; message: string; caseId: string | null; caseNumber: string | null; createdAt: string; personal: boolean }>;
}

export function Notifications() {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const [inbox, reload] = useApi<Inbox>('/notifications?unread=true&limit=5', language);
  if (inbox.status !== 'ready' || inbox.data.unread === 0) return null;
  const read = async (path: string) => {
    await apiSend('POST', path, undefined, language, session.csrfToken);
    reload();
  };
  return (
    <section className="card notifications" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t.notificationsTitle(inbox.data.unread)}</h2>
      <ul className="case-timeline">
        {inbox.data.items.map((n) => (
          <li key={n.id} data-kind={n.kind}>
            {n.caseId ? <Link href={`/konsol/perkara/${n.caseId}`}>{n.message}</Link> : n.message}{' '}
            {!n.personal && <span className="tag">{t.forOffice}</span>}{' '}
            <button type="button" className="link-button" onClick={() => read(`/notifications/${n.id}/read`)}>
              {t.markRead}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button-secondary" onClick={() => read('/notifications/read-all')}>
        {t.markAllRead}
      </button>
    </section>
  );
}
