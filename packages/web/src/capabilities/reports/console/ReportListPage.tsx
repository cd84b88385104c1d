/** /konsol/laporan: reports in the officer's scope (the server filters), newest first, searchable. */
import { can } from '@netra/core/access/permissions';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../../components/LoadError.tsx';
import { useApi } from '../../../lib/api.ts';
import { commonMessages, formatDate, useI18n, useMessages } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import type { ReportList } from '../api.ts';
import { messages } from '../messages.ts';
import '../reports.css';

const PAGE = 25;

export function ReportListPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const path = `/reports?limit=${PAGE}&offset=${offset}${q.length >= 2 ? `&q=${encodeURIComponent(q)}` : ''}`;
  const [state, reload] = useApi<ReportList>(path, language);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setQ(typed.trim());
  };
  return (
    <div className="report-console">
      <h1>{t.listTitle}</h1>
      {can(session.user!.role, 'reports.triage') && (
        <p>
          <Link href="/konsol/laporan/baru">{t.navIntake}</Link>
        </p>
      )}
      <form className="search" role="search" onSubmit={search}>
        <label htmlFor="report-search">{t.search}</label>
        <input id="report-search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </form>
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && <p className="muted">{t.noReports}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <div style={{ overflowX: 'auto' }}>
            <table className="report-table">
              <thead>
                <tr>
                  <th>{t.receiptNumber}</th>
                  <th>{t.case}</th>
                  <th>{t.reported}</th>
                  <th>{t.received}</th>
                  <th>{t.source}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link href={`/konsol/laporan/${r.id}`} className="mono">
                        {r.receiptNumber}
                      </Link>
                    </td>
                    <td>
                      <span className="mono">{r.caseNumber}</span>
                      <br />
                      <span className="muted">{r.caseStateLabel}</span>
                    </td>
                    <td>
                      {r.reportedName}
                      {r.reportedAgency && <span className="muted"> · {r.reportedAgency}</span>}
                    </td>
                    <td>
                      {formatDate(r.receivedOn, language)} <span className="muted">{r.regionCode}</span>
                      {r.lateByDays > 0 && <span className="badge badge-late"> {t.late(r.lateByDays)}</span>}
                    </td>
                    <td>{t.sources[r.source] ?? r.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t.previous}
            </button>
            <span className="muted">
              {offset + 1}–{offset + state.data.items.length} / {state.data.total}
            </span>
            <button type="button" className="secondary" disabled={offset + PAGE >= state.data.total} onClick={() => setOffset(offset + PAGE)}>
              {t.next}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
