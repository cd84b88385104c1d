/**
 * The console's home: the day's work for the signed-in person, in their scope. Each figure is a
 * link into the case queue filtered to exactly those cases (the counts come from the same scoped
 * queries as the queue: GET /workload), then the unread notifications and the menu.
 */
import { Link } from 'wouter';
import { Loaded, StatCards } from '../components/kit.ts';
import { Notifications } from '../capabilities/cases/Notifications.tsx';
import { useApi, type ApiResponse } from '../lib/api.ts';
import { formatCount, formatZoned, zoneOfScope } from '../lib/format.ts';
import { useI18n, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { messages } from './messages.ts';
import { navFor } from './nav.ts';

type Workload = ApiResponse<'/workload'>;
type Item = Workload['items'][number];

export function ConsoleHome() {
  const t = useMessages(messages);
  const { language } = useI18n();
  const user = useSession().user!;
  const [work, reload] = useApi<Workload>('/workload', language);
  const zone = zoneOfScope(user.scope);
  const label: Record<Item['code'], string> = {
    new: t.workNew,
    due_today: t.workDueToday,
    due_soon: t.workDueSoon,
    overdue: t.workOverdue,
    mine: t.workMine,
    waiting: t.workWaiting,
  };
  return (
    <>
      <h1>{t.welcome(user.name)}</h1>
      <section aria-labelledby="work-title">
        <h2 id="work-title">{t.workTitle}</h2>
        <Loaded state={work} onRetry={reload}>
          {(data) => (
            <>
              <p className="muted">{t.workAsOf(formatZoned(data.asOf, zone, language))}</p>
              {data.cases && (
                <StatCards
                  className="kit-stats work-stats"
                  items={data.items.map((item) => ({
                    key: item.code,
                    label: label[item.code],
                    tone: item.count > 0 && (item.code === 'overdue' || item.code === 'due_today') ? 'bad' : undefined,
                    value: (
                      <Link href={item.href} data-work={item.code} aria-label={`${label[item.code]}: ${formatCount(item.count, language)}`}>
                        {formatCount(item.count, language)}
                      </Link>
                    ),
                  }))}
                />
              )}
              <p data-work="notifications">{t.workNotifications(data.notificationsUnread)}</p>
            </>
          )}
        </Loaded>
      </section>
      <Notifications />
      <h2>{t.workMenu}</h2>
      <ul className="card-list">
        {navFor(user.role).map((item) => (
          <li key={item.href} className="card">
            <Link href={item.href}>{item.label[language]}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
