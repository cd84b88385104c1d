/**
 * /konsol/register/instansi: agencies and units (issue 14). Search the agencies of your scope,
 * add one, rename or move it, merge a duplicate into another (with what moves shown first), manage
 * its units, and import agencies from CSV with the refused rows returned.
 */
import { useState, type FormEvent } from 'react';
import { ConfirmDialog, DataTable, EmptyState, Field, FilterBar, ImportPanel, Loaded, Notice, Options, PageSection, Pager, RowImportResult, textFields, useFormSubmit, type RowImportSummary } from '../../components/kit.ts';
import { apiGet, apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import type { AgencyList } from './api.ts';
import { agencyMessages } from './agencies-messages.ts';

type Agency = AgencyList['items'][number];
type Units = ApiResponse<'/register/agencies/{id}/units'>;
type Usage = ApiResponse<'/register/agencies/{id}'>;

const LIMIT = 20;

function AgencyForm({ agency, onDone }: { agency?: Agency; onDone(): void }) {
  const t = useMessages(agencyMessages);
  const { language } = useI18n();
  const session = useSession();
  const scope = session.user!.scope;
  const [form, setForm] = useState({ code: agency?.code ?? '', name: agency?.name ?? '', regionCode: agency?.regionCode ?? (scope.kind === 'region' ? scope.regionCode : '') });
  const { busy, errors, failure, run } = useFormSubmit();
  const field = textFields(agency ? `agency-${agency.id}` : 'agency-new', form, setForm, errors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (agency) await apiSend('PUT', `/register/agencies/${agency.id}`, { name: form.name, regionCode: form.regionCode }, language, session.csrfToken);
      else await apiSend('POST', '/register/agencies', form, language, session.csrfToken);
      if (!agency) setForm({ ...form, code: '', name: '' });
      onDone();
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={agency ? `${t.rename} ${agency.code}` : t.add}>
      <Notice tone="error">{failure}</Notice>
      {!agency && field('code', t.code)}
      {field('name', t.name)}
      {field('regionCode', t.regionCode)}
      <button type="submit" disabled={busy}>
        {agency ? t.save : t.add}
      </button>
    </form>
  );
}

function MergeDialog({ agency, onClose, onMerged }: { agency: Agency; onClose(): void; onMerged(message: string): void }) {
  const t = useMessages(agencyMessages);
  const { language } = useI18n();
  const session = useSession();
  const [usage] = useApi<Usage>(`/register/agencies/${agency.id}`, language);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const { busy, errors, failure, run } = useFormSubmit();
  const [targetError, setTargetError] = useState<string | null>(null);
  const confirm = () =>
    void run(async () => {
      setTargetError(null);
      const found = await apiGet<AgencyList>(`/register/agencies?q=${encodeURIComponent(target.trim())}&limit=50`, language);
      const into = found.items.find((a) => a.code.toLowerCase() === target.trim().toLowerCase());
      if (!into) {
        setTargetError(t.unknownTarget);
        return;
      }
      const merged = await apiSend<{ into: { code: string }; asn: number }>('POST', `/register/agencies/${agency.id}/merge`, { intoId: into.id, reason }, language, session.csrfToken);
      onMerged(t.merged(merged.into.code, merged.asn));
    });
  return (
    <ConfirmDialog open title={t.mergeTitle(agency.name)} confirmLabel={t.merge} cancelLabel={t.cancel} busy={busy} error={failure} onConfirm={confirm} onCancel={onClose}>
      {usage.status === 'ready' && <p>{t.mergeUsage(usage.data.usage.asn, usage.data.usage.units, usage.data.usage.cases)}</p>}
      <Field id={`merge-into-${agency.id}`} label={t.mergeInto} error={targetError ?? errors.intoId}>
        <input value={target} onChange={(e) => setTarget(e.target.value)} />
      </Field>
      <Field id={`merge-reason-${agency.id}`} label={t.mergeReason} error={errors.reason}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </ConfirmDialog>
  );
}

function UnitsPanel({ agency }: { agency: Agency }) {
  const t = useMessages(agencyMessages);
  const { language } = useI18n();
  const session = useSession();
  const [state, reload] = useApi<Units>(`/register/agencies/${agency.id}/units`, language);
  const [name, setName] = useState('');
  const { busy, errors, failure, run } = useFormSubmit();
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('POST', `/register/agencies/${agency.id}/units`, { name }, language, session.csrfToken);
      setName('');
      reload();
    });
  };
  const act = (work: () => Promise<unknown>) => void run(async () => { await work(); reload(); });
  // Merging a unit moves its civil servants and removes it: asked for once more before it happens.
  const [merging, setMerging] = useState<{ from: { id: number; name: string }; into: { id: number; name: string } } | null>(null);
  const [mergeMessage, setMergeMessage] = useState<string | null>(null);
  const confirmMerge = () =>
    void run(async () => {
      const moved = await apiSend<{ asn: number }>('POST', `/register/units/${merging!.from.id}/merge`, { intoId: merging!.into.id }, language, session.csrfToken);
      setMergeMessage(t.unitMerged(merging!.into.name, moved.asn));
      setMerging(null);
      reload();
    });
  return (
    <div className="card">
      <h3>
        {t.units}: {agency.name}
      </h3>
      <Notice tone="error">{merging ? null : failure}</Notice>
      <Notice>{mergeMessage}</Notice>
      {merging && (
        <ConfirmDialog open title={t.unitMergeTitle(merging.from.name, merging.into.name)} confirmLabel={t.merge} cancelLabel={t.cancel} busy={busy} error={failure} onConfirm={confirmMerge} onCancel={() => setMerging(null)}>
          <p>{t.unitMergeWhat(merging.from.name, merging.into.name)}</p>
        </ConfirmDialog>
      )}
      <Loaded state={state} onRetry={reload}>
        {(units) =>
          units.length === 0 ? (
            <EmptyState>{t.noUnits}</EmptyState>
          ) : (
            <DataTable
              rows={units}
              rowKey={(u) => u.id}
              columns={[
                {
                  key: 'name',
                  header: t.unitName,
                  cell: (u) => <input aria-label={t.unitName} defaultValue={u.name} onBlur={(e) => e.target.value.trim() && e.target.value !== u.name && act(() => apiSend('PUT', `/register/units/${u.id}`, { name: e.target.value.trim() }, language, session.csrfToken))} />,
                },
                {
                  key: 'merge',
                  header: t.mergeUnitInto,
                  cell: (u) => (
                    <select
                      aria-label={`${t.mergeUnitInto}: ${u.name}`}
                      value=""
                      onChange={(e) => {
                        const into = units.find((x) => x.id === Number(e.target.value));
                        if (into) setMerging({ from: { id: u.id, name: u.name }, into: { id: into.id, name: into.name } });
                      }}
                    >
                      <Options placeholder="—" items={units.filter((x) => x.id !== u.id).map((x) => ({ id: x.id, name: x.name }))} />
                    </select>
                  ),
                },
              ]}
            />
          )
        }
      </Loaded>
      <form className="form" onSubmit={add} noValidate>
        <Field id={`unit-new-${agency.id}`} label={t.unitName} error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit">{t.addUnit}</button>
      </form>
    </div>
  );
}

export function AgenciesPage() {
  const t = useMessages(agencyMessages);
  const { language } = useI18n();
  const [q, setQ] = useState('');
  const [draft, setDraft] = useState('');
  const [offset, setOffset] = useState(0);
  const [state, reload] = useApi<AgencyList>(`/register/agencies?limit=${LIMIT}&offset=${offset}${q ? `&q=${encodeURIComponent(q)}` : ''}`, language);
  const [editing, setEditing] = useState<number | null>(null);
  const [merging, setMerging] = useState<Agency | null>(null);
  const [unitsOf, setUnitsOf] = useState<Agency | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string | null = null) => {
    setEditing(null);
    setMerging(null);
    setMessage(text);
    reload();
  };
  return (
    <main className="container">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <details className="card kit-details">
        <summary>{t.add}</summary>
        <AgencyForm onDone={() => done(t.saved)} />
      </details>
      <ImportPanel<RowImportSummary> folded endpoint="/register/agencies/import" templateHref="/api/v1/register/agencies/template.csv" inputId="agencies-file" fileLabel={t.importFile} title={t.importTitle} help={t.importHelp} onDone={() => reload()}>
        {(summary) => <RowImportResult summary={summary} />}
      </ImportPanel>
      <PageSection title={t.title}>
        <FilterBar
          submitLabel={t.search}
          onSubmit={() => {
            setQ(draft.trim());
            setOffset(0);
          }}
        >
          <Field id="agency-q" label={t.search}>
            <input value={draft} onChange={(e) => setDraft(e.target.value)} />
          </Field>
        </FilterBar>
        <Notice>{message}</Notice>
        <Loaded state={state} onRetry={reload}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>{t.none}</EmptyState>
            ) : (
              <>
                <DataTable
                  rows={data.items}
                  rowKey={(a) => a.id}
                  testId="agencies"
                  columns={[
                    { key: 'code', header: t.code, cellClassName: 'mono', cell: (a) => a.code },
                    { key: 'name', header: t.name, cell: (a) => (editing === a.id ? <AgencyForm agency={a} onDone={() => done(t.saved)} /> : a.name) },
                    { key: 'region', header: t.region, cell: (a) => `${a.regionName} (${a.regionCode})` },
                    {
                      key: 'actions',
                      header: '',
                      cell: (a) => (
                        <span className="kit-actions">
                          <button type="button" className="secondary" onClick={() => setEditing(editing === a.id ? null : a.id)}>{t.rename}</button>{' '}
                          <button type="button" className="secondary" onClick={() => setUnitsOf(a)}>{t.units}</button>{' '}
                          <button type="button" className="secondary" onClick={() => setMerging(a)}>{t.merge}</button>
                        </span>
                      ),
                    },
                  ]}
                />
                <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
              </>
            )
          }
        </Loaded>
      </PageSection>
      {unitsOf && <UnitsPanel key={unitsOf.id} agency={unitsOf} />}
      {merging && <MergeDialog agency={merging} onClose={() => setMerging(null)} onMerged={(text) => done(text)} />}
    </main>
  );
}

