/**
 * Unread notifications for me or my office (reminders, escalations, hand-overs, assignments),
 * above the queues: the deadline sweep's output has to reach a person.
 */
import { Link } from 'wouter';
import { api, ok, useApi, withSession } from '../../lib/api.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';
import type { Inbox } from './types.ts';

export function Notifications() {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const [inbox, reload] = useApi<Inbox>('/notifications?unread=true&limit=5', language);
  if (inbox.status !== 'ready' || inbox.data.unread === 0) return null;
  /** One notification read, or all of them. */
  const read = async (id?: number) => {
    const as = withSession(language, session.csrfToken);
    if (id === undefined) await ok(api.POST('/notifications/read-all', as));
    else await ok(api.POST('/notifications/{id}/read', { params: { path: { id } }, ...as }));
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
            <button type="button" className="link-button" onClick={() => read(n.id)}>
              {t.markRead}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button-secondary" onClick={() => read()}>
        {t.markAllRead}
      </button>
    </section>
  );
}
