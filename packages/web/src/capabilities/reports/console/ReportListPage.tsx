/** /konsol/laporan: reports in the officer's scope (the server filters), newest first, searchable. */
import { can } from '@netra/core/access/permissions';
import { ExportButtons } from '../../../components/kit.ts';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DataTable } from '../../../components/DataTable.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { useApi } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import type { ReportList, ReportSummary } from '../api.ts';
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
      <ExportButtons source="reports" filter={{ q: q.length >= 2 ? q : '' }} what={t.listTitle} />
      {can(session.user!.role, 'reports.triage') && (
        <p>
          <Link href="/konsol/laporan/baru">{t.navIntake}</Link>
        </p>
      )}
      <form className="search" role="search" onSubmit={search}>
        <label htmlFor="report-search">{t.search}</label>
        <input id="report-search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </form>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            <DataTable<ReportSummary>
              className="report-table"
              empty={<EmptyState className="muted">{t.noReports}</EmptyState>}
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'receipt',
                  header: t.receiptNumber,
                  cell: (r) => (
                    <Link href={`/konsol/laporan/${r.id}`} className="mono">
                      {r.receiptNumber}
                    </Link>
                  ),
                },
                {
                  key: 'case',
                  header: t.case,
                  cell: (r) => (
                    <>
                      <span className="mono">{r.caseNumber}</span>
                      <br />
                      <span className="muted">{r.caseStateLabel}</span>
                    </>
                  ),
                },
                {
                  key: 'reported',
                  header: t.reported,
                  cell: (r) => (
                    <>
                      {r.reportedName}
                      {r.reportedAgency && <span className="muted"> · {r.reportedAgency}</span>}
                    </>
                  ),
                },
                {
                  key: 'received',
                  header: t.received,
                  cell: (r) => (
                    <>
                      {formatDate(r.receivedOn, language)} <span className="muted">{r.regionCode}</span>
                      {r.lateByDays > 0 && <span className="badge badge-late"> {t.late(r.lateByDays)}</span>}
                    </>
                  ),
                },
                { key: 'source', header: t.source, cell: (r) => t.sources[r.source] ?? r.source },
              ]}
            />
            {data.items.length > 0 && <Pager className="actions" buttonClassName="secondary" total={data.total} limit={PAGE} offset={offset} shown={data.items.length} onChange={setOffset} />}
          </>
        )}
      </Loaded>
    </div>
  );
}
