/**
 * Prevention in the staff console: pledge coverage per agency and who has not signed (with the
 * forms that record signatures one by one, per agency or from a CSV), and the socialisation
 * events. Election, region and tab live in the address.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DataTable, EmptyState, ExportButtons, Field, FilterBar, Loaded, LoadError, Notice, Options, Pager, PageSection, StatCards, textFields, useQueryParams } from '../../components/kit.ts';
import { apiSend, ApiRequestError, fieldErrors, useApi, type ApiResponse } from '../../lib/api.ts';
import { formatCount, formatDate, formatInstant, formatShare } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { DEFAULT_ELECTION, ElectionHeader } from '../dashboards/ElectionHeader.tsx';
import { messages } from './messages.ts';
import { NipImport } from './NipImport.tsx';
import { can } from '@netra/core/access/permissions';
import { StaffTable } from './StaffTable.tsx';
import '../dashboards/dashboards.css';

type Messages = (typeof messages)['id'];

export type Coverage = ApiResponse<'/prevention/{electionId}/coverage'>;
type CoverageRow = Coverage['items'][number];
type Unsigned = ApiResponse<'/prevention/{electionId}/unsigned'>;
type Events = ApiResponse<'/prevention/{electionId}/events'>;

/** The agencies of the territory, for the "whole agency" choices (the 200 with lowest coverage). */
export function useAgencyOptions(electionId: string, region: string | null) {
  const { language } = useI18n();
  const [state] = useApi<Coverage>(`/prevention/${electionId}/coverage?limit=200${region ? `&region=${region}` : ''}`, language);
  return state.status === 'ready' ? state.data.items : [];
}

/** An agency as a choice: "Name (35.10)". */
export const agencyChoices = (agencies: readonly CoverageRow[]) => agencies.map((a) => ({ id: a.agencyId, name: `${a.name} (${a.regionCode})` }));

function CoverageSection({ electionId, region, t, version }: { electionId: string; region: string | null; t: Messages; version: number }) {
  const { language } = useI18n();
  const [offset, setOffset] = useState(0);
  const limit = 20;
  const [state, reload] = useApi<Coverage>(`/prevention/${electionId}/coverage?limit=${limit}&offset=${offset}${region ? `&region=${region}` : ''}&v=${version}`, language);
  const n = (v: number) => formatCount(v, language);
  if (state.status === 'loading') return <p className="muted">…</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const c = state.data;
  return (
    <PageSection
      className="dash-section"
      id="coverage-title"
      title={t.coverageTitle}
      actions={<ExportButtons source="prevention-coverage" filter={{ electionId, ...(region ? { region } : {}) }} what={t.coverageTitle} />}
    >
      <StatCards
        className="dash-cards"
        cardClassName="dash-card"
        strong
        items={[
          { label: t.asnTotal, value: n(c.totals.asnTotal) },
          { label: t.signed, value: formatShare(c.totals.pledgeCoverage, language), detail: n(c.totals.pledged) },
          { label: t.reached, value: formatShare(c.totals.reachCoverage, language), detail: n(c.totals.reached) },
          { label: t.events, value: n(c.totals.events) },
        ]}
      />
      {c.dataAsOf && <p className="hint">{`${formatInstant(c.dataAsOf, language)} · ${t.coverageNote}`}</p>}
      <DataTable
        className="dash-table"
        scrollClassName="dash-scroll"
        empty={<EmptyState className="dash-empty">{t.noAgencies}</EmptyState>}
        rows={c.items}
        rowKey={(a) => a.agencyId}
        rowAttributes={(a) => ({ 'data-agency': a.agencyId })}
        columns={[
          {
            key: 'agency',
            header: t.agency,
            cell: (a) => (
              <>
                {a.name}
                <span className="sub">{a.regionCode}</span>
              </>
            ),
          },
          { key: 'asnTotal', header: t.asnTotal, className: 'num', cell: (a) => n(a.asnTotal) },
          { key: 'pledged', header: t.signed, className: 'num', cell: (a) => n(a.pledged) },
          {
            key: 'coverage',
            header: t.coverage,
            className: 'num',
            cell: (a) => (
              <>
                <meter min={0} max={1} low={0.5} high={0.9} optimum={1} value={a.pledgeCoverage ?? 0} /> {formatShare(a.pledgeCoverage, language)}
              </>
            ),
          },
          { key: 'reached', header: t.reached, className: 'num', cell: (a) => formatShare(a.reachCoverage, language) },
        ]}
      />
      <Pager className="dash-pager" buttonClassName="dash-secondary" total={c.total} limit={limit} offset={offset} onChange={setOffset} />
    </PageSection>
  );
}

function RecordForms({ electionId, region, t, onRecorded }: { electionId: string; region: string | null; t: Messages; onRecorded(): void }) {
  const { language } = useI18n();
  const session = useSession();
  const agencies = useAgencyOptions(electionId, region);
  const today = new Date().toISOString().slice(0, 10);
  const [single, setSingle] = useState({ nip: '', signedOn: today });
  const [bulk, setBulk] = useState({ agencyId: '', signedOn: today });
  const [note, setNote] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<string>) {
    setNote(null);
    setError(null);
    setErrors({});
    try {
      setNote(await work());
      onRecorded();
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(e instanceof ApiRequestError ? e.message : String(e));
    }
  }

  const recordOne = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const r = await apiSend<ApiResponse<'/prevention/{electionId}/pledges', 'post'>>('POST', `/prevention/${electionId}/pledges`, single, language, session.csrfToken);
      setSingle((s) => ({ ...s, nip: '' }));
      return r.status === 'recorded' ? t.recorded(r.nip) : t.alreadySigned(r.nip, formatDate(r.signedOn, language));
    });
  };
  const recordAgency = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const r = await apiSend<ApiResponse<'/prevention/{electionId}/pledges/agency', 'post'>>('POST', `/prevention/${electionId}/pledges/agency`, { agencyId: Number(bulk.agencyId), signedOn: bulk.signedOn }, language, session.csrfToken);
      return t.agencyRecorded(r.recorded, r.staff, r.alreadySigned);
    });
  };

  return (
    <PageSection className="dash-section" id="record-title" title={t.recordTitle}>
      <div className="dash-grid">
        <form className="dash-form" onSubmit={recordOne}>
          <h3 className="wide">{t.single}</h3>
          <Field id="pledge-nip" label={t.nip} error={errors.nip}>
            <input inputMode="numeric" value={single.nip} onChange={(e) => setSingle({ ...single, nip: e.target.value })} />
          </Field>
          <Field id="pledge-date" label={t.signedOn}>
            <input type="date" value={single.signedOn} onChange={(e) => setSingle({ ...single, signedOn: e.target.value })} />
          </Field>
          <div>
            <button type="submit" disabled={!single.nip.trim()}>
              {t.record}
            </button>
          </div>
        </form>
        <form className="dash-form" onSubmit={recordAgency}>
          <h3 className="wide">{t.wholeAgency}</h3>
          <Field id="pledge-agency" label={t.agency}>
            <select value={bulk.agencyId} onChange={(e) => setBulk({ ...bulk, agencyId: e.target.value })}>
              <Options placeholder={t.chooseAgency} items={agencyChoices(agencies)} />
            </select>
          </Field>
          <Field id="pledge-agency-date" label={t.signedOn}>
            <input type="date" value={bulk.signedOn} onChange={(e) => setBulk({ ...bulk, signedOn: e.target.value })} />
          </Field>
          <div>
            <button type="submit" disabled={!bulk.agencyId}>
              {t.recordAgency}
            </button>
          </div>
        </form>
      </div>
      <Notice className="dash-ok">{note}</Notice>
      <Notice tone="error" className="field-error">{error}</Notice>
      <h3>{t.importTitle}</h3>
      <NipImport path={`/prevention/${electionId}/pledges/import`} help={t.importHelp} onDone={onRecorded} />
    </PageSection>
  );
}

function UnsignedSection({ electionId, region, t, version }: { electionId: string; region: string | null; t: Messages; version: number }) {
  const { language } = useI18n();
  const agencies = useAgencyOptions(electionId, region);
  const [agencyId, setAgencyId] = useState('');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const limit = 25;
  const filter = { electionId, ...(region ? { region } : {}), ...(agencyId ? { agencyId: Number(agencyId) } : {}), ...(q ? { q } : {}) };
  const query = new URLSearchParams({ limit: String(limit), offset: String(offset), ...(region ? { region } : {}), ...(agencyId ? { agencyId } : {}), ...(q ? { q } : {}), v: String(version) });
  const [state, reload] = useApi<Unsigned>(`/prevention/${electionId}/unsigned?${query}`, language);
  return (
    <PageSection
      className="dash-section"
      id="unsigned-title"
      title={
        <>
          {t.unsignedTitle}
          {state.status === 'ready' && ` (${formatCount(state.data.total, language)})`}
        </>
      }
      actions={<ExportButtons source="pledges-unsigned" filter={filter} what={t.unsignedTitle} />}
    >
      <FilterBar
        className="dash-filters"
        submitClassName="dash-secondary"
        submitLabel={t.apply}
        onSubmit={() => {
          setQ(search.trim());
          setOffset(0);
        }}
      >
        <label>
          {t.agency}{' '}
          <select
            value={agencyId}
            onChange={(e) => {
              setAgencyId(e.target.value);
              setOffset(0);
            }}
          >
            <Options placeholder={t.allAgencies} items={agencies.map((a) => ({ id: a.agencyId, name: a.name }))} />
          </select>
        </label>
        <label>
          {t.search} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </FilterBar>
      <Loaded state={state} onRetry={reload} loading={<p className="muted">…</p>}>
        {(data) => (
          <>
            {(
              <>
                <StaffTable rows={data.items} empty={t.noneUnsigned} />
                <Pager className="dash-pager" buttonClassName="dash-secondary" total={data.total} limit={limit} offset={offset} onChange={setOffset} />
              </>
            )}
          </>
        )}
      </Loaded>
    </PageSection>
  );
}

function EventsSection({ electionId, region, t, canRecord, defaultRegion }: { electionId: string; region: string | null; t: Messages; canRecord: boolean; defaultRegion: string }) {
  const { language } = useI18n();
  const session = useSession();
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const limit = 20;
  const [state, reload] = useApi<Events>(`/prevention/${electionId}/events?limit=${limit}&offset=${offset}${region ? `&region=${region}` : ''}&v=${version}`, language);
  const empty = { regionCode: region ?? defaultRegion, kind: 'apel_siaga', title: '', heldOn: new Date().toISOString().slice(0, 10), place: '', organiser: '', note: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      await apiSend('POST', `/prevention/${electionId}/events`, { ...form, note: form.note || null }, language, session.csrfToken);
      setForm(empty);
      setMessage({ ok: true, text: t.saved });
      setVersion((v) => v + 1);
    } catch (e) {
      setErrors(fieldErrors(e));
      setMessage({ ok: false, text: e instanceof ApiRequestError ? e.message : String(e) });
    }
  }
  const field = textFields('event', form, setForm, errors);

  return (
    <>
      <PageSection
        className="dash-section"
        id="events-title"
        title={t.eventsTitle}
        actions={<ExportButtons source="events" filter={{ electionId, ...(region ? { region } : {}) }} what={t.eventsTitle} />}
      >
        <Loaded state={state} onRetry={reload} loading={<p className="muted">…</p>}>
          {(data) => (
            <>
              {(
                <>
                  <DataTable
                    className="dash-table"
                    scrollClassName="dash-scroll"
                    empty={<EmptyState className="dash-empty">{t.noEvents}</EmptyState>}
                    rows={data.items}
                    rowKey={(e) => e.id}
                    columns={[
                      { key: 'heldOn', header: t.heldOn, cell: (e) => formatDate(e.heldOn, language) },
                      {
                        key: 'title',
                        header: t.eventTitle,
                        cell: (e) => (
                          <>
                            {can(session.user!.role, 'prevention.read') ? <Link href={`/konsol/pencegahan/kegiatan/${e.id}`}>{e.title}</Link> : e.title}
                            <span className="sub">
                              {e.place} · {e.region}
                            </span>
                          </>
                        ),
                      },
                      { key: 'kind', header: t.kind, cell: (e) => e.kindLabel },
                      { key: 'organiser', header: t.organiser, cell: (e) => e.organiser },
                      { key: 'attendance', header: t.attendance, className: 'num', cell: (e) => formatCount(e.attendance, language) },
                    ]}
                  />
                  <Pager className="dash-pager" buttonClassName="dash-secondary" total={data.total} limit={limit} offset={offset} onChange={setOffset} />
                </>
              )}
            </>
          )}
        </Loaded>
      </PageSection>
      {canRecord && (
        <PageSection className="dash-section" id="event-new" title={t.newEvent}>
          <form className="dash-form" onSubmit={save}>
            <Field id="event-kind" label={t.kind}>
              <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
                <Options items={Object.entries(t.kinds).map(([id, name]) => ({ id, name }))} />
              </select>
            </Field>
            {field('title', t.eventTitle)}
            {field('heldOn', t.heldOn, { type: 'date' })}
            {field('place', t.place)}
            {field('organiser', t.organiser)}
            {field('regionCode', t.regionCode)}
            {field('note', t.note, { className: 'wide' }, '')}
            <div>
              <button type="submit">{t.save}</button>
            </div>
            {message && (
              <p className={message.ok ? 'dash-ok wide' : 'field-error wide'} role={message.ok ? 'status' : 'alert'}>
                {message.text}
              </p>
            )}
          </form>
        </PageSection>
      )}
    </>
  );
}

export function PreventionPage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const session = useSession();
  const [params, set] = useQueryParams();
  const electionId = params.get('pemilihan') ?? DEFAULT_ELECTION;
  const region = params.get('wilayah');
  const tab = params.get('tab') === 'sosialisasi' ? 'sosialisasi' : 'pakta';
  const [regionInput, setRegionInput] = useState(region ?? '');
  const [version, setVersion] = useState(0);
  const role = session.user!.role;
  const scope = session.user!.scope;
  const tabHref = (name: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', name);
    return `/konsol/pencegahan?${next}`;
  };

  return (
    <div className="prevention">
      <ElectionHeader title={t.title} lead={t.lead} label={t.election} electionId={electionId} onChange={(id) => set({ pemilihan: id })} />
      <FilterBar className="dash-filters" search={false} submitClassName="dash-secondary" submitLabel={t.apply} onSubmit={() => set({ wilayah: regionInput.trim() || null })}>
        <label>
          {t.regionFilter} <input value={regionInput} onChange={(e) => setRegionInput(e.target.value)} placeholder={scope.kind === 'region' ? scope.regionCode : '35.10'} />
        </label>
      </FilterBar>
      <nav className="dash-tabs" aria-label={t.title}>
        <Link href={tabHref('pakta')} aria-current={tab === 'pakta' ? 'page' : undefined}>
          {t.tabPledges}
        </Link>
        <Link href={tabHref('sosialisasi')} aria-current={tab === 'sosialisasi' ? 'page' : undefined}>
          {t.tabEvents}
        </Link>
      </nav>
      {tab === 'pakta' ? (
        <>
          <CoverageSection electionId={electionId} region={region} t={t} version={version} />
          {can(role, 'prevention.pledge.record') ? <RecordForms electionId={electionId} region={region} t={t} onRecorded={() => setTimeout(() => setVersion((v) => v + 1), 1500)} /> : <p className="hint">{t.noRights}</p>}
          {can(role, 'prevention.read') && <UnsignedSection electionId={electionId} region={region} t={t} version={version} />}
        </>
      ) : (
        <EventsSection electionId={electionId} region={region} t={t} canRecord={can(role, 'prevention.event.record')} defaultRegion={scope.kind === 'region' ? scope.regionCode : ''} />
      )}
    </div>
  );
}
