/** /konsol/kotak-masuk: SMS/WhatsApp conversations in my territory, by status, newest first. */
import { useState } from 'react';
import { Link } from 'wouter';
import { EmptyState, Loaded, PageSection, Pager } from '../../components/kit.ts';
import { useApi, type ApiResponse } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

type List = ApiResponse<'/inbox/conversations'>;
const PAGE = 20;

export function InboxPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [status, setStatus] = useState<'open' | 'converted' | 'dismissed'>('open');
  const [offset, setOffset] = useState(0);
  const [state, reload] = useApi<List>(`/inbox/conversations?status=${status}&limit=${PAGE}&offset=${offset}`, language);
  const tabs = [
    ['open', t.statusOpen],
    ['converted', t.statusConverted],
    ['dismissed', t.statusDismissed],
  ] as const;
  return (
    <div className="inbox-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <div className="tabs" role="group">
        {tabs.map(([code, label]) => (
          <button key={code} type="button" aria-pressed={status === code} onClick={() => { setStatus(code); setOffset(0); }}>
            {label}
          </button>
        ))}
      </div>
      <PageSection title={tabs.find(([code]) => code === status)![1]}>
        <Loaded state={state} onRetry={reload}>
          {(list) =>
            list.items.length === 0 ? (
              <EmptyState>{t.empty}</EmptyState>
            ) : (
              <>
                <ul className="inbox-list" data-testid="inbox-list">
                  {list.items.map((c) => (
                    <li key={c.id} className="card" data-channel={c.channel}>
                      <Link href={`/konsol/kotak-masuk/${c.id}`}>
                        <strong>{c.sender}</strong>
                      </Link>{' '}
                      · {c.regionName ? `${c.regionName} (${c.regionCode})` : <em>{t.noRegion}</em>} · {formatInstant(c.lastMessageAt, language)}
                      <div className="muted">
                        {t.messagesCount(c.messageCount)} · {t.mediaCount(c.mediaCount)}
                      </div>
                      <p className="note">{c.preview}</p>
                    </li>
                  ))}
                </ul>
                <Pager total={list.total} limit={PAGE} offset={offset} onChange={setOffset} />
              </>
            )
          }
        </Loaded>
      </PageSection>
    </div>
  );
}
