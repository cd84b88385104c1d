/**
 * Prevention in the staff console: pledge coverage per agency and who has not signed (with the
 * forms that record signatures one by one, per agency or from a CSV), and the socialisation
 * events. Election, region and tab live in the address.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { apiSend, ApiRequestError, fieldErrors, useApi } from '../../lib/api.ts';
import { commonMessages, formatDate, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { DEFAULT_ELECTION, formatCount, formatInstant, formatShare } from '../dashboards/DashboardPage.tsx';
import { ExportButtons } from '../dashboards/ExportButtons.tsx';
import { Pager } from '../dashboards/Pager.tsx';
import type { Page } from '../dashboards/types.ts';
import { CsvImport } from './CsvImport.tsx';
import { messages } from './messages.ts';
import { can } from '@netra/core/access/permissions';
import '../dashboards/dashboards.css';

type Messages = (typeof messages)['id'];

interface CoverageRow {
  agencyId: number;
  code: string;
  name: string;
  regionCode: string;
  asnTotal: number;
  pledged: number;
  reached: number;
  pledgeCoverage: number | null;
  reachCoverage: number | null;
}

export interface Coverage extends Page<CoverageRow> {
  dataAsOf: string | null;
  totals: { asnTotal: number; pledged: number; reached: number; events: number; pledgeCoverage: number | null; reachCoverage: number | null };
}

interface EventRow {
  id: string;
  regionCode: string;
  region: string;
  kind: string;
  kindLabel: string;
  title: string;
  heldOn: string;
  place: string;
  organiser: string;
  attendance: number;
}

/** The agencies of the territory, for the "whole agency" choices (the 200 with lowest coverage). */
export function useAgencyOptions(electionId: string, region: string | null) {
  const { language } = useI18n();
  const [state] = useApi<Coverage>(`/prevention/${electionId}/coverage?limit=200${region ? `&region=${region}` : ''}`, language);
  return state.status === 'ready' ? state.data.items : [];
}

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
    <section className="dash-section" aria-labelledby="coverage-title">
      <header>
        <h2 id="coverage-title">{t.coverageTitle}</h2>
        <ExportButtons source="prevention-coverage" filter={{ electionId, ...(region ? { region } : {}) }} what={t.coverageTitle} />
      </header>
      <dl className="dash-cards">
        <div className="dash-card">
          <dt>{t.asnTotal}</dt>
          <dd>
            <strong>{n(c.totals.asnTotal)}</strong>
          </dd>
        </div>
        <div className="dash-card">
          <dt>{t.signed}</dt>
          <dd>
            <strong>{formatShare(c.totals.pledgeCoverage, language)}</strong>
            <span>{n(c.totals.pledged)}</span>
          </dd>
        </div>
        <div className="dash-card">
          <dt>{t.reached}</dt>
          <dd>
            <strong>{formatShare(c.totals.reachCoverage, language)}</strong>
            <span>{n(c.totals.reached)}</span>
          </dd>
        </div>
        <div className="dash-card">
          <dt>{t.events}</dt>
          <dd>
            <strong>{n(c.totals.events)}</strong>
          </dd>
        </div>
      </dl>
      {c.dataAsOf && <p className="hint">{`${formatInstant(c.dataAsOf, language)} · ${t.coverageNote}`}</p>}
      {c.items.length === 0 ? (
        <p className="dash-empty">{t.noAgencies}</p>
      ) : (
        <>
          <div className="dash-scroll">
            <table className="dash-table">
              <thead>
                <tr>
                  <th>{t.agency}</th>
                  <th className="num">{t.asnTotal}</th>
                  <th className="num">{t.signed}</th>
                  <th className="num">{t.coverage}</th>
                  <th className="num">{t.reached}</th>
                </tr>
              </thead>
              <tbody>
                {c.items.map((a) => (
                  <tr key={a.agencyId} data-agency={a.agencyId}>
                    <td>
                      {a.name}
                      <span className="sub">{a.regionCode}</span>
                    </td>
                    <td className="num">{n(a.asnTotal)}</td>
                    <td className="num">{n(a.pledged)}</td>
                    <td className="num">
                      <meter min={0} max={1} low={0.5} high={0.9} optimum={1} value={a.pledgeCoverage ?? 0} /> {formatShare(a.pledgeCoverage, language)}
                    </td>
                    <td className="num">{formatShare(a.reachCoverage, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={c.total} limit={limit} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
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
      const r = await apiSend<{ status: string; nip: string; signedOn: string }>('POST', `/prevention/${electionId}/pledges`, single, language, session.csrfToken);
      setSingle((s) => ({ ...s, nip: '' }));
      return r.status === 'recorded' ? t.recorded(r.nip) : t.alreadySigned(r.nip, formatDate(r.signedOn, language));
    });
  };
  const recordAgency = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const r = await apiSend<{ staff: number; recorded: number; alreadySigned: number }>('POST', `/prevention/${electionId}/pledges/agency`, { agencyId: Number(bulk.agencyId), signedOn: bulk.signedOn }, language, session.csrfToken);
      return t.agencyRecorded(r.recorded, r.staff, r.alreadySigned);
    });
  };

  return (
    <section className="dash-section" aria-labelledby="record-title">
      <header>
        <h2 id="record-title">{t.recordTitle}</h2>
      </header>
      <div className="dash-grid">
        <form className="dash-form" onSubmit={recordOne}>
          <h3 className="wide">{t.single}</h3>
          <div>
            <label htmlFor="pledge-nip">{t.nip}</label>
            <input id="pledge-nip" inputMode="numeric" value={single.nip} onChange={(e) => setSingle({ ...single, nip: e.target.value })} aria-invalid={Boolean(errors.nip)} />
            {errors.nip && <p className="field-error">{errors.nip}</p>}
          </div>
          <div>
            <label htmlFor="pledge-date">{t.signedOn}</label>
            <input id="pledge-date" type="date" value={single.signedOn} onChange={(e) => setSingle({ ...single, signedOn: e.target.value })} />
          </div>
          <div>
            <button type="submit" disabled={!single.nip.trim()}>
              {t.record}
            </button>
          </div>
        </form>
        <form className="dash-form" onSubmit={recordAgency}>
          <h3 className="wide">{t.wholeAgency}</h3>
          <div>
            <label htmlFor="pledge-agency">{t.agency}</label>
            <select id="pledge-agency" value={bulk.agencyId} onChange={(e) => setBulk({ ...bulk, agencyId: e.target.value })}>
              <option value="">{t.chooseAgency}</option>
              {agencies.map((a) => (
                <option key={a.agencyId} value={a.agencyId}>
                  {a.name} ({a.regionCode})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="pledge-agency-date">{t.signedOn}</label>
            <input id="pledge-agency-date" type="date" value={bulk.signedOn} onChange={(e) => setBulk({ ...bulk, signedOn: e.target.value })} />
          </div>
          <div>
            <button type="submit" disabled={!bulk.agencyId}>
              {t.recordAgency}
            </button>
          </div>
        </form>
      </div>
      {note && (
        <p className="dash-ok" role="status">
          {note}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <h3>{t.importTitle}</h3>
      <CsvImport path={`/prevention/${electionId}/pledges/import`} help={t.importHelp} onDone={onRecorded} />
    </section>
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
  const [state, reload] = useApi<Page<{ id: number; nip: string; name: string; positionTitle: string; agency: string; unit: string | null; regionCode: string }>>(`/prevention/${electionId}/unsigned?${query}`, language);
  return (
    <section className="dash-section" aria-labelledby="unsigned-title">
      <header>
        <h2 id="unsigned-title">
          {t.unsignedTitle}
          {state.status === 'ready' && ` (${formatCount(state.data.total, language)})`}
        </h2>
        <ExportButtons source="pledges-unsigned" filter={filter} what={t.unsignedTitle} />
      </header>
      <form
        className="dash-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
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
            <option value="">{t.allAgencies}</option>
            {agencies.map((a) => (
              <option key={a.agencyId} value={a.agencyId}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.search} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit" className="dash-secondary">
          {t.apply}
        </button>
      </form>
      {state.status === 'loading' && <p className="muted">…</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && <p className="dash-empty">{t.noneUnsigned}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <div className="dash-scroll">
            <table className="dash-table">
              <thead>
                <tr>
                  <th>{t.nip}</th>
                  <th>{t.name}</th>
                  <th>{t.position}</th>
                  <th>{t.agency}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((p) => (
                  <tr key={p.id}>
                    <td className="mono">{p.nip}</td>
                    <td>{p.name}</td>
                    <td>{p.positionTitle}</td>
                    <td>
                      {p.agency}
                      {p.unit && <span className="sub">{p.unit}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={state.data.total} limit={limit} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

function EventsSection({ electionId, region, t, canRecord, defaultRegion }: { electionId: string; region: string | null; t: Messages; canRecord: boolean; defaultRegion: string }) {
  const { language } = useI18n();
  const session = useSession();
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const limit = 20;
  const [state, reload] = useApi<Page<EventRow>>(`/prevention/${electionId}/events?limit=${limit}&offset=${offset}${region ? `&region=${region}` : ''}&v=${version}`, language);
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
  const field = (name: keyof typeof form, label: string, props: Record<string, unknown> = {}) => (
    <div>
      <label htmlFor={`event-${name}`}>{label}</label>
      <input id={`event-${name}`} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} aria-invalid={Boolean(errors[name])} {...props} />
      {errors[name] && <p className="field-error">{errors[name]}</p>}
    </div>
  );

  return (
    <>
      <section className="dash-section" aria-labelledby="events-title">
        <header>
          <h2 id="events-title">{t.eventsTitle}</h2>
          <ExportButtons source="events" filter={{ electionId, ...(region ? { region } : {}) }} what={t.eventsTitle} />
        </header>
        {state.status === 'loading' && <p className="muted">…</p>}
        {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
        {state.status === 'ready' && state.data.items.length === 0 && <p className="dash-empty">{t.noEvents}</p>}
        {state.status === 'ready' && state.data.items.length > 0 && (
          <>
            <div className="dash-scroll">
              <table className="dash-table">
                <thead>
                  <tr>
                    <th>{t.heldOn}</th>
                    <th>{t.eventTitle}</th>
                    <th>{t.kind}</th>
                    <th>{t.organiser}</th>
                    <th className="num">{t.attendance}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDate(e.heldOn, language)}</td>
                      <td>
                        {can(session.user!.role, 'prevention.read') ? <Link href={`/konsol/pencegahan/kegiatan/${e.id}`}>{e.title}</Link> : e.title}
                        <span className="sub">
                          {e.place} · {e.region}
                        </span>
                      </td>
                      <td>{e.kindLabel}</td>
                      <td>{e.organiser}</td>
                      <td className="num">{formatCount(e.attendance, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={state.data.total} limit={limit} offset={offset} onChange={setOffset} />
          </>
        )}
      </section>
      {canRecord && (
        <section className="dash-section" aria-labelledby="event-new">
          <header>
            <h2 id="event-new">{t.newEvent}</h2>
          </header>
          <form className="dash-form" onSubmit={save}>
            <div>
              <label htmlFor="event-kind">{t.kind}</label>
              <select id="event-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
                {Object.entries(t.kinds).map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            {field('title', t.eventTitle)}
            {field('heldOn', t.heldOn, { type: 'date' })}
            {field('place', t.place)}
            {field('organiser', t.organiser)}
            {field('regionCode', t.regionCode)}
            <div className="wide">
              <label htmlFor="event-note">{t.note}</label>
              <input id="event-note" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
            </div>
            <div>
              <button type="submit">{t.save}</button>
            </div>
            {message && (
              <p className={message.ok ? 'dash-ok wide' : 'field-error wide'} role={message.ok ? 'status' : 'alert'}>
                {message.text}
              </p>
            )}
          </form>
        </section>
      )}
    </>
  );
}

export function PreventionPage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const electionId = params.get('pemilihan') ?? DEFAULT_ELECTION;
  const region = params.get('wilayah');
  const tab = params.get('tab') === 'sosialisasi' ? 'sosialisasi' : 'pakta';
  const [elections] = useApi<{ items: Array<{ id: string; name: string }> }>('/elections', language);
  const [regionInput, setRegionInput] = useState(region ?? '');
  const [version, setVersion] = useState(0);
  const role = session.user!.role;
  const scope = session.user!.scope;
  const set = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  const tabHref = (name: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', name);
    return `/konsol/pencegahan?${next}`;
  };

  return (
    <div className="prevention">
      <header className="dash-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{t.lead}</p>
        </div>
        <label className="dash-election">
          {t.election}
          <select value={electionId} onChange={(e) => set({ pemilihan: e.target.value })}>
            {elections.status === 'ready' ? elections.data.items.map((el) => <option key={el.id} value={el.id}>{el.name}</option>) : <option value={electionId}>{electionId}</option>}
          </select>
        </label>
      </header>
      <form
        className="dash-filters"
        onSubmit={(e) => {
          e.preventDefault();
          set({ wilayah: regionInput.trim() || null });
        }}
      >
        <label>
          {t.regionFilter} <input value={regionInput} onChange={(e) => setRegionInput(e.target.value)} placeholder={scope.kind === 'region' ? scope.regionCode : '35.10'} />
        </label>
        <button type="submit" className="dash-secondary">
          {t.apply}
        </button>
      </form>
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
