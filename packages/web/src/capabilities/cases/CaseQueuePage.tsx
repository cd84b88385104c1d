/**
 * The case queues: tabs per queue, filters and paging kept in the address (so a view can be
 * shared and survives a reload), deadline badges, and a bulk action bar that reports what
 * happened to each selected case.
 */
import { CASE_STATE_LABELS, CASE_STATES } from '@netra/core/cases/states';
import { ACT_CODES } from '@netra/core/sanctions/matrix';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportButtons } from '../../components/kit.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Field, Options } from '../../components/FilterBar.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useQueryParams } from '../../components/useQueryParams.ts';
import { api, ApiRequestError, ok, useApi, withSession, type ApiRequestBody, type ApiResponse } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { messages } from './messages.ts';
import { Notifications } from './Notifications.tsx';
import type { BulkResult, CaseList, CaseSummary } from './types.ts';
import './cases.css';

const PAGE_SIZE = 25;
const QUEUES = ['needs_action', 'overdue', 'unassigned', 'mine', 'all'] as const;
/** One bulk request without the cases it applies to (the selection adds them). */
type BulkAction = ApiRequestBody<'/cases/bulk', 'post'> extends infer B ? (B extends unknown ? Omit<B, 'caseIds'> : never) : never;
type Queue = (typeof QUEUES)[number];

/** Address parameters (Indonesian, as the rest of the site) → API query parameters. */
const PARAMS = { q: 'q', pemilihan: 'electionId', status: 'state', pelanggaran: 'act', tenggat: 'due', wilayah: 'region' } as const;
const DUE = ['today', 'soon', 'overdue'] as const;

export function CaseQueuePage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const session = useSession();
  const [params, update] = useQueryParams({ page: 'halaman' });
  const queue: Queue = (QUEUES as readonly string[]).includes(params.get('antrian') ?? '') ? (params.get('antrian') as Queue) : 'needs_action';
  const page = Math.max(1, Number(params.get('halaman') ?? 1) || 1);

  const api = new URLSearchParams({ queue, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  for (const [param, apiName] of Object.entries(PARAMS)) {
    const value = params.get(param);
    if (value) api.set(apiName, value);
  }
  const [list, reload] = useApi<CaseList>(`/cases?${api}`, language);
  // The export takes the queue and its filters, all pages, in the same API names.
  const exportFilter = Object.fromEntries([...api].filter(([key]) => key !== 'limit' && key !== 'offset'));
  const [elections] = useApi<ApiResponse<'/elections'>>('/elections', language);
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [search, setSearch] = useState(params.get('q') ?? '');

  const filtered = Object.keys(PARAMS).some((p) => params.get(p));
  const tabLabel: Record<Queue, string> = { needs_action: t.tabNeedsAction, overdue: t.tabOverdue, unassigned: t.tabUnassigned, mine: t.tabMine, all: t.tabAll };
  const emptyText: Record<Queue, string> = { needs_action: t.emptyNeedsAction, overdue: t.emptyOverdue, unassigned: t.emptyUnassigned, mine: t.emptyMine, all: t.emptyAll };
  const tabHref = (q: Queue) => {
    const next = new URLSearchParams(params);
    next.set('antrian', q);
    next.delete('halaman');
    return `/konsol/perkara?${next}`;
  };

  function toggle(id: string, number: string) {
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(id)) next.delete(id);
      else next.set(id, number);
      return next;
    });
  }

  return (
    <>
      <h1>{t.queueTitle}</h1>
      <p className="lead">{t.queueLead}</p>
      <ExportButtons source="cases" filter={exportFilter} what={t.queueTitle} />
      <Notifications />
      <nav className="case-tabs" aria-label={t.queueTitle}>
        {QUEUES.map((q) => (
          <Link key={q} href={tabHref(q)} aria-current={q === queue ? 'page' : undefined} data-queue={q}>
            {tabLabel[q]}
          </Link>
        ))}
      </nav>

      <form
        className="case-filters"
        role="search"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          update({ q: search.trim() || null });
        }}
      >
        <Field id="case-q" label={t.search}>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </Field>
        <Field id="case-election" label={t.filterElection}>
          <select value={params.get('pemilihan') ?? ''} onChange={(e) => update({ pemilihan: e.target.value || null })}>
            <Options placeholder={t.filterAny} items={elections.status === 'ready' ? elections.data.items : []} />
          </select>
        </Field>
        <Field id="case-state" label={t.filterState}>
          <select value={params.get('status') ?? ''} onChange={(e) => update({ status: e.target.value || null })}>
            <Options placeholder={t.filterAny} items={CASE_STATES.map((s) => ({ id: s, name: CASE_STATE_LABELS[s][language] }))} />
          </select>
        </Field>
        <Field id="case-act" label={t.filterAct}>
          <select value={params.get('pelanggaran') ?? ''} onChange={(e) => update({ pelanggaran: e.target.value || null })}>
            <Options placeholder={t.filterAny} items={ACT_CODES.map((code) => ({ id: code, name: code }))} />
          </select>
        </Field>
        <Field id="case-due" label={t.filterDue}>
          <select value={params.get('tenggat') ?? ''} onChange={(e) => update({ tenggat: e.target.value || null })}>
            <Options placeholder={t.filterAny} items={DUE.map((d) => ({ id: d, name: t.dueOptions[d] }))} />
          </select>
        </Field>
        {filtered && (
          <button type="button" className="button-secondary" onClick={() => { setSearch(''); update({ q: null, pemilihan: null, status: null, pelanggaran: null, tenggat: null, wilayah: null }); }}>
            {t.clearFilters}
          </button>
        )}
      </form>

      <Loaded state={list} onRetry={reload}>
        {(data) => (
          <>
            <DataTable<CaseSummary>
              className="case-table"
              scrollClassName={null}
              empty={<EmptyState className="empty">{filtered ? t.emptyFiltered : emptyText[queue]}</EmptyState>}
              rows={data.items}
              rowKey={(c) => c.id}
              rowAttributes={(c) => ({ 'data-case': c.number })}
              columns={[
                {
                  key: 'select',
                  header: (
                    <input
                      type="checkbox"
                      aria-label={t.selectAll}
                      checked={data.items.every((c) => selected.has(c.id))}
                      onChange={(e) => setSelected((prev) => {
                        const next = new Map(prev);
                        for (const c of data.items) {
                          if (e.target.checked) next.set(c.id, c.number);
                          else next.delete(c.id);
                        }
                        return next;
                      })}
                    />
                  ),
                  cell: (c) => <input type="checkbox" aria-label={t.selectCase(c.number)} checked={selected.has(c.id)} onChange={() => toggle(c.id, c.number)} />,
                },
                {
                  key: 'number',
                  header: t.number,
                  cell: (c) => (
                    <>
                      <Link href={`/konsol/perkara/${c.id}`} className="mono">{c.number}</Link>
                      <span className="case-summary">{c.summary}</span>
                    </>
                  ),
                },
                { key: 'region', header: t.region, cell: (c) => c.region.name },
                { key: 'state', header: t.state, cell: (c) => c.stateLabel },
                { key: 'deadline', header: t.deadline, cell: (c) => <DeadlineBadge deadline={c.nextDeadline} /> },
                {
                  key: 'assignee',
                  header: t.assignee,
                  cell: (c) => (
                    <>
                      {c.assignee?.name ?? <span className="muted">{t.nobody}</span>}
                      <div className="case-flags">
                        {c.lock && <span className="flag flag-lock">{t.lockedBy(c.lock.holderName)}</span>}
                        {c.siasnBlockRecommended && <span className="flag">{t.siasn}</span>}
                        {c.escalatedTo && <span className="flag">{t.escalated}</span>}
                      </div>
                    </>
                  ),
                },
              ]}
            />
            {data.items.length > 0 && (
              <Pager className="pager" total={data.total} limit={PAGE_SIZE} offset={data.offset} shown={data.items.length} onChange={(offset) => update({ halaman: String(offset / PAGE_SIZE + 1) })} />
            )}
          </>
        )}
      </Loaded>
      {selected.size > 0 && (
        <BulkBar
          selected={selected}
          transitions={list.status === 'ready' ? list.data.bulkTransitions : []}
          userId={session.user!.id}
          csrfToken={session.csrfToken}
          onDone={reload}
          onClear={() => setSelected(new Map())}
        />
      )}
    </>
  );
}

function BulkBar(props: {
  selected: Map<string, string>;
  transitions: Array<{ code: string; label: string }>;
  userId: string;
  csrfToken: string | null;
  onDone(): void;
  onClear(): void;
}) {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [transition, setTransition] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result: BulkResult; numbers: Map<string, string> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(body: BulkAction) {
    setBusy(true);
    setError(null);
    const numbers = new Map(props.selected);
    try {
      const result = await ok(api.POST('/cases/bulk', { body: { ...body, caseIds: [...numbers.keys()] }, ...withSession(language, props.csrfToken) }));
      setOutcome({ result, numbers });
      props.onDone();
    } catch (e) {
      setError(e instanceof ApiRequestError && e.body ? e.body.error.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="bulk-bar" aria-label={t.selected(props.selected.size)}>
      <strong>{t.selected(props.selected.size)}</strong>
      <button type="button" disabled={busy} onClick={() => run({ action: 'assign', userId: props.userId })}>{t.bulkAssignMe}</button>
      <button type="button" className="button-secondary" disabled={busy} onClick={() => run({ action: 'assign', userId: null })}>{t.bulkUnassign}</button>
      {props.transitions.length > 0 && (
        <>
          <div>
            <label htmlFor="bulk-transition">{t.bulkTransition}</label>
            <select id="bulk-transition" value={transition} onChange={(e) => setTransition(e.target.value)}>
              <option value="">{t.bulkChooseTransition}</option>
              {props.transitions.map((tr) => <option key={tr.code} value={tr.code}>{tr.label}</option>)}
            </select>
          </div>
          <div className="bulk-note">
            <label htmlFor="bulk-note">{t.bulkNote}</label>
            <input id="bulk-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="button" disabled={busy || !transition} onClick={() => run({ action: 'transition', transition, note })}>{t.bulkApply}</button>
        </>
      )}
      <button type="button" className="link-button" onClick={() => { setOutcome(null); props.onClear(); }}>{t.clearSelection}</button>
      {error && <p className="field-error" role="alert">{error}</p>}
      {outcome && (
        <div role="status" style={{ width: '100%' }}>
          <strong>{t.bulkResults(outcome.result.succeeded, outcome.result.failed)}</strong>
          <ul className="bulk-results">
            {outcome.result.results.map((r) => (
              <li key={r.caseId} className={r.ok ? 'ok' : 'failed'} data-result={r.ok ? 'ok' : r.code ?? 'failed'}>
                <span className="mono">{outcome.numbers.get(r.caseId) ?? r.caseId}</span>: {r.ok ? t.bulkOk : r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
