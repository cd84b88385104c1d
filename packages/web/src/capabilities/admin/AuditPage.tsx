/**
 * /konsol/audit: the whole audit log for administrators and national Bawaslu, filtered by actor,
 * action, record, region and time (Jakarta time in the form, sent with its zone), paged, exported
 * with the filters on screen, and the hash chain's verification status.
 */
import { useState } from 'react';
import { DataTable, EmptyState, ExportButtons, Field, FilterBar, Loaded, Notice, Options, PageSection, Pager, useQueryParams } from '../../components/kit.ts';
import { apiGet, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

type AuditPage = ApiResponse<'/audit'>;
type Verification = ApiResponse<'/audit/verification'>;
type Vocabulary = ApiResponse<'/audit/vocabulary'>;

const PAGE = 50;
const FILTERS = ['actorId', 'action', 'entityType', 'entityId', 'region', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** A `datetime-local` value read as Jakarta time (UTC+7, no daylight saving), with its zone. */
const jakarta = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+07:00` : '');

function ChainStatus() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const [status, setStatus] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function check() {
    setBusy(true);
    setError(null);
    try {
      setStatus(await apiGet<Verification>('/audit/verification', language));
    } catch (e) {
      setError(e instanceof Error ? e.message : t.loadError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="audit-chain">
      <button type="button" className="secondary" onClick={check} disabled={busy}>
        {busy ? t.checking : t.checkChain}
      </button>
      <Notice tone="error">{error}</Notice>
      {status && (
        <Notice tone={status.ok ? undefined : 'error'}>
          <span data-testid="chain-status">{status.ok ? t.chainOk(status.count, formatInstant(status.checkedAt, language)) : t.chainBroken(status.firstBrokenSeq ?? 0, status.message ?? '')}</span>
        </Notice>
      )}
    </div>
  );
}

export function AuditPage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const [params, setParams] = useQueryParams();
  const applied: Filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const [form, setForm] = useState<Filters>(applied);
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [vocabulary] = useApi<Vocabulary>('/audit/vocabulary', language);

  const filter: Record<string, string> = {};
  for (const key of FILTERS) {
    const value = applied[key].trim();
    if (value) filter[key] = key === 'from' || key === 'to' ? jakarta(value) : value;
  }
  const query = new URLSearchParams({ ...filter, limit: String(PAGE), offset: String(offset) });
  const [state, reload] = useApi<AuditPage>(`/audit?${query}`, language);
  const set = (key: keyof Filters) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const vocab = vocabulary.status === 'ready' ? vocabulary.data : { actions: [], entityTypes: [] };

  return (
    <>
      <h1>{t.auditTitle}</h1>
      <p className="lead">{t.auditLead}</p>
      <ChainStatus />
      <FilterBar submitLabel={t.filter} onSubmit={() => setParams({ ...form, offset: '' })}>
        <Field id="audit-action" label={t.action}>
          <select value={form.action} onChange={(e) => set('action')(e.target.value)}>
            <Options placeholder={t.allActions} items={vocab.actions.map((a) => ({ id: a, name: a }))} />
          </select>
        </Field>
        <Field id="audit-type" label={t.entityType}>
          <select value={form.entityType} onChange={(e) => set('entityType')(e.target.value)}>
            <Options placeholder={t.allTypes} items={vocab.entityTypes.map((a) => ({ id: a, name: a }))} />
          </select>
        </Field>
        <Field id="audit-entity" label={t.entityId}>
          <input value={form.entityId} onChange={(e) => set('entityId')(e.target.value)} size={20} />
        </Field>
        <Field id="audit-actor" label={t.actorId}>
          <input value={form.actorId} onChange={(e) => set('actorId')(e.target.value)} size={20} />
        </Field>
        <Field id="audit-region" label={t.coverageRegion}>
          <input value={form.region} onChange={(e) => set('region')(e.target.value)} size={8} />
        </Field>
        <Field id="audit-from" label={`${t.from} (WIB)`}>
          <input type="datetime-local" value={form.from} onChange={(e) => set('from')(e.target.value)} />
        </Field>
        <Field id="audit-to" label={`${t.to} (WIB)`}>
          <input type="datetime-local" value={form.to} onChange={(e) => set('to')(e.target.value)} />
        </Field>
      </FilterBar>
      <PageSection title={t.auditTitle} level={2} actions={<ExportButtons source="audit-log" filter={filter} what={t.auditTitle} />}>
        <Loaded state={state} onRetry={reload}>
          {(data) => (
            <>
              <DataTable
                rows={data.items}
                rowKey={(e) => String(e.seq)}
                empty={<EmptyState as="div">{t.noEntries}</EmptyState>}
                columns={[
                  { key: 'seq', header: '#', className: 'num', cell: (e) => e.seq },
                  { key: 'at', header: t.time, cell: (e) => formatInstant(e.at, language) },
                  { key: 'actor', header: t.actor, cell: (e) => (e.actorName ? `${e.actorName} (${e.actorRole})` : t.system) },
                  { key: 'action', header: t.action, cellClassName: 'mono', cell: (e) => e.action },
                  { key: 'record', header: t.record, cell: (e) => `${e.entityType} ${e.entityId}` },
                  { key: 'region', header: t.coverageRegion, cell: (e) => e.regionCode ?? '–' },
                  { key: 'data', header: t.data, cellClassName: 'mono', cell: (e) => JSON.stringify(e.data) },
                ]}
              />
              <Pager total={data.total} shown={data.items.length} limit={PAGE} offset={offset} onChange={(next) => setParams({ offset: next ? String(next) : '' })} />
            </>
          )}
        </Loaded>
      </PageSection>
    </>
  );
}
