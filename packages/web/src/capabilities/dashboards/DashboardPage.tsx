/**
 * The staff dashboard: one election, one territory (the nation, a province or a regency/city
 * inside the viewer's scope), chosen in the address (?pemilihan=…&wilayah=…) so a view can be
 * shared and the browser's back button walks the drill-down back up.
 */
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';
import { classesFor, TileGridMap, tileShortLabel, type MapTile } from '../../components/TileGridMap.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { api, ok, useApi, withSession, type ApiResponse } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages, type Language } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { messages } from './messages.ts';
import { Pager } from './Pager.tsx';
import { TimeSeries } from './TimeSeries.tsx';
import type { AgencyPage, Dashboard } from './types.ts';
import './dashboards.css';

export const DEFAULT_ELECTION = 'pilkada-2024';
type Messages = (typeof messages)['id'];

export const formatCount = (n: number, language: Language) => n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
export const formatShare = (share: number | null, language: Language) =>
  share === null ? '–' : `${(share * 100).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: share < 0.1 ? 1 : 0 })}%`;

export function formatInstant(iso: string, language: Language): string {
  const text = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
  return `${text} WIB`;
}

function Card({ title, value, detail, tone }: { title: string; value: string; detail?: string; tone?: 'bad' | 'good' }) {
  return (
    <div className={`dash-card ${tone ? `dash-card-${tone}` : ''}`}>
      <dt>{title}</dt>
      <dd>
        <strong>{value}</strong>
        {detail && <span>{detail}</span>}
      </dd>
    </div>
  );
}

function Section({ title, actions, children, id }: { title: string; actions?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="dash-section" aria-labelledby={id}>
      <header>
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

type Figure = 'cases' | 'reports' | 'proven' | 'followUp' | 'pledges';

function MapSection({ d, t, hrefFor }: { d: Dashboard; t: Messages; hrefFor(code: string | null): string }) {
  const { language } = useI18n();
  const [figure, setFigure] = useState<Figure>('cases');
  const placed = d.children.filter((c) => c.tile);
  if (placed.length === 0) return null;
  const shareOf = (c: Dashboard['children'][number]): number | null =>
    figure === 'followUp' ? (c.ppkRecommended ? c.ppkFollowedUp / c.ppkRecommended : null) : figure === 'pledges' ? (c.asnTotal ? c.pledged / c.asnTotal : null) : null;
  const isShare = figure === 'followUp' || figure === 'pledges';
  const valueOf = (c: Dashboard['children'][number]) => (isShare ? shareOf(c) : c[figure as 'cases' | 'reports' | 'proven']);
  const values = placed.map(valueOf).filter((v): v is number => v !== null);
  const classes = classesFor(values, (n) => (isShare ? formatShare(n, language) : formatCount(n, language)), !isShare);
  const tiles: MapTile[] = placed.map((c) => {
    const value = valueOf(c);
    return {
      code: c.code,
      name: c.name,
      short: c.short ?? tileShortLabel(c.name),
      col: c.tile!.col,
      row: c.tile!.row,
      bin: value === null ? null : classes.binOf(value),
      valueText: value === null ? '–' : isShare ? formatShare(value, language) : formatCount(value, language),
      href: hrefFor(c.code),
    };
  });
  const figures: Record<Figure, string> = { cases: t.figureCases, reports: t.figureReports, proven: t.figureProven, followUp: t.figureFollowUp, pledges: t.figurePledges };
  return (
    <Section
      id="dash-map"
      title={t.mapTitle}
      actions={
        <label className="dash-inline">
          {t.mapFigure}{' '}
          <select value={figure} onChange={(e) => setFigure(e.target.value as Figure)}>
            {Object.entries(figures).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <TileGridMap tiles={tiles} legend={classes.legend} title={`${t.mapTitle}: ${figures[figure]} · ${d.territory.name}`} emptyLabel={t.mapNoFigure} />
      <p className="hint">{t.mapNote}</p>
    </Section>
  );
}

function RegionsTable({ d, t, hrefFor, filter }: { d: Dashboard; t: Messages; hrefFor(code: string | null): string; filter: Record<string, unknown> }) {
  const { language } = useI18n();
  if (d.children.length === 0) return null;
  const n = (v: number) => formatCount(v, language);
  return (
    <Section id="dash-regions" title={t.regionsTitle} actions={<ExportButtons source="dashboard" filter={{ ...filter, table: 'regions' }} what={t.regionsTitle} />}>
      <div className="dash-scroll">
        <table className="dash-table">
          <thead>
            <tr>
              <th>{t.region}</th>
              <th className="num">{t.reports}</th>
              <th className="num">{t.cases}</th>
              <th className="num">{t.proven}</th>
              <th className="num">{t.sanctioned}</th>
              <th className="num">{t.followUp}</th>
              <th className="num">{t.pledgeCoverage}</th>
              <th className="num">{t.events}</th>
            </tr>
          </thead>
          <tbody>
            {d.children.map((c) => (
              <tr key={c.code} data-region={c.code}>
                <td>{c.ownLevel ? <em>{c.name}</em> : <Link href={hrefFor(c.code)}>{c.name}</Link>}</td>
                <td className="num">{n(c.reports)}</td>
                <td className="num">{n(c.cases)}</td>
                <td className="num">{n(c.proven)}</td>
                <td className="num">{n(c.sanctioned)}</td>
                <td className="num">{c.ppkRecommended ? formatShare(c.ppkFollowedUp / c.ppkRecommended, language) : '–'}</td>
                <td className="num">{c.asnTotal ? formatShare(c.pledged / c.asnTotal, language) : '–'}</td>
                <td className="num">{n(c.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** A breakdown with a bar per row, so the largest group stands out without a chart library. */
function Breakdown({ title, rows, columns, table, filter, id }: { title: string; id: string; rows: Array<{ key: string; label: string; values: number[] }>; columns: string[]; table: string; filter: Record<string, unknown> }) {
  const { language } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.values[0]));
  return (
    <Section id={id} title={title} actions={<ExportButtons source="dashboard" filter={{ ...filter, table }} what={title} />}>
      <table className="dash-table dash-breakdown">
        <thead>
          <tr>
            <th />
            {columns.map((c) => (
              <th key={c} className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key} className={r.values.every((v) => v === 0) ? 'zero' : undefined}>
              <td>
                <span className="dash-bar-label">{r.label}</span>
                <span className="dash-bar" style={{ width: `${(r.values[0] / max) * 100}%` }} aria-hidden="true" />
              </td>
              {r.values.map((v, i) => (
                <td key={i} className="num">
                  {formatCount(v, language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function AgencyTable({ electionId, region, t }: { electionId: string; region: string | null; t: Messages }) {
  const { language } = useI18n();
  const [sort, setSort] = useState('cases');
  const [offset, setOffset] = useState(0);
  const limit = 15;
  const query = new URLSearchParams({ sort, limit: String(limit), offset: String(offset), ...(region ? { region } : {}) });
  const [state, reload] = useApi<AgencyPage>(`/dashboards/${electionId}/agencies?${query}`, language);
  const n = (v: number) => formatCount(v, language);
  return (
    <Section
      id="dash-agencies"
      title={t.agencies}
      actions={
        <>
          <label className="dash-inline">
            {t.sort}{' '}
            <select
              value={sort}
              onChange={(e) => {
                setSort(e.target.value);
                setOffset(0);
              }}
            >
              <option value="cases">{t.sortCases}</option>
              <option value="missed">{t.sortMissed}</option>
              <option value="follow_up">{t.sortFollowUp}</option>
              <option value="name">{t.sortName}</option>
            </select>
          </label>
          <ExportButtons source="agencies" filter={{ electionId, sort, ...(region ? { region } : {}) }} what={t.agencies} />
        </>
      }
    >
      {state.status === 'loading' && <p className="muted">…</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.items.length === 0 && <p className="dash-empty">{t.noAgencies}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <div className="dash-scroll">
            <table className="dash-table">
              <thead>
                <tr>
                  <th>{t.agency}</th>
                  <th className="num">{t.cases}</th>
                  <th className="num">{t.proven}</th>
                  <th className="num">{t.sanctioned}</th>
                  <th className="num">{t.followUp}</th>
                  <th className="num">{t.met}</th>
                  <th className="num">{t.missed}</th>
                  <th className="num">{t.overdue}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((a) => (
                  <tr key={a.agencyId}>
                    <td>
                      {a.name}
                      <span className="sub">{a.regionCode}</span>
                    </td>
                    <td className="num">{n(a.cases)}</td>
                    <td className="num">{n(a.proven)}</td>
                    <td className="num">{n(a.sanctioned)}</td>
                    <td className="num">{a.ppkRecommended ? `${formatShare(a.ppkFollowUpRate, language)} (${a.ppkFollowedUp}/${a.ppkRecommended})` : '–'}</td>
                    <td className="num">{n(a.deadlinesMet)}</td>
                    <td className={`num ${a.deadlinesMissed ? 'bad' : ''}`}>{n(a.deadlinesMissed)}</td>
                    <td className={`num ${a.deadlinesOverdue ? 'bad' : ''}`}>{n(a.deadlinesOverdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={state.data.total} limit={limit} offset={offset} onChange={setOffset} />
        </>
      )}
    </Section>
  );
}

function DashboardBody({ d, t, hrefFor, onRefresh, refreshNote }: { d: Dashboard; t: Messages; hrefFor(code: string | null): string; onRefresh(): void; refreshNote: string | null }) {
  const { language } = useI18n();
  const n = (v: number) => formatCount(v, language);
  const filter = { electionId: d.election.id, ...(d.territory.code ? { region: d.territory.code } : {}) };
  const late = d.deadlines.filter((x) => x.party !== 'reporter');
  const missed = late.reduce((s, x) => s + x.missed, 0);
  const overdue = late.reduce((s, x) => s + x.overdue, 0);
  const recapUrl = `/api/v1/documents/recap/${d.election.id}${d.territory.code ? `?region=${d.territory.code}` : ''}`;
  return (
    <>
      <nav className="dash-breadcrumb" aria-label={t.region}>
        {d.breadcrumb.map((b, i) => (
          <span key={b.code ?? 'national'}>
            {i > 0 && ' › '}
            {i < d.breadcrumb.length - 1 && b.reachable ? <Link href={hrefFor(b.code)}>{b.name}</Link> : <strong aria-current={i === d.breadcrumb.length - 1 ? 'page' : undefined}>{b.name}</strong>}
          </span>
        ))}
      </nav>
      <div className="dash-asof">
        <span>{d.live ? t.live : d.dataAsOf ? t.dataAsOf(formatInstant(d.dataAsOf, language)) : t.neverRefreshed}</span>
        {!d.live && (
          <button type="button" className="link-button" onClick={onRefresh}>
            {d.refreshing ? t.refreshing : t.refresh}
          </button>
        )}
        <a href={recapUrl} target="_blank" rel="noopener">
          {t.recap}
        </a>
        {refreshNote && <span className="muted">{refreshNote}</span>}
        {d.minReach > 0 && <span className="muted">{t.reachNote(d.minReach)}</span>}
      </div>

      <dl className="dash-cards">
        <Card title={t.reports} value={n(d.totals.reports)} />
        <Card title={t.cases} value={n(d.totals.cases)} />
        <Card title={t.proven} value={n(d.totals.proven)} tone={d.totals.proven > 0 ? 'bad' : 'good'} />
        <Card title={t.sanctioned} value={n(d.totals.sanctioned)} />
        <Card title={t.followUp} value={formatShare(d.totals.ppkFollowUpRate, language)} detail={d.totals.ppkRecommended ? t.followUpOf(d.totals.ppkFollowedUp, d.totals.ppkRecommended) : t.noRecommendation} />
        <Card title={t.duringCampaign} value={n(d.totals.duringCampaign)} detail={t.duringCritical(d.totals.duringCriticalStages)} />
        <Card title={t.deadlinesLate} value={n(missed + overdue)} detail={t.deadlinesLateDetail(missed, overdue)} tone={missed + overdue > 0 ? 'bad' : undefined} />
        <Card title={t.siasn} value={n(d.totals.siasnBlocks)} />
      </dl>
      {d.totals.cases === 0 && d.totals.reports === 0 && <p className="dash-empty">{t.empty}</p>}

      <MapSection d={d} t={t} hrefFor={hrefFor} />
      <RegionsTable d={d} t={t} hrefFor={hrefFor} filter={filter} />

      <Section id="dash-time" title={t.timelineTitle} actions={<ExportButtons source="dashboard" filter={{ ...filter, table: 'weekly' }} what={t.timelineTitle} />}>
        <TimeSeries weekly={d.weekly} stages={d.stages} title={t.timelineTitle} weekLabel={t.week} outsideLabel={t.outsideSchedule} />
        <p className="hint">{t.timelineNote}</p>
      </Section>

      <div className="dash-grid">
        <Breakdown id="dash-state" title={t.byState} table="state" filter={filter} columns={[t.cases, t.reports]} rows={d.byState.map((r) => ({ key: r.key, label: r.label, values: [r.cases, r.reports] }))} />
        <Breakdown id="dash-stage" title={t.byStage} table="stage" filter={filter} columns={[t.cases, t.reports]} rows={d.byStage.map((r) => ({ key: r.key, label: r.critical ? `${r.label} ⚠` : r.label, values: [r.cases, r.reports] }))} />
        <Breakdown id="dash-act" title={t.byAct} table="act" filter={filter} columns={[t.cases]} rows={d.byAct.map((r) => ({ key: r.key, label: r.label, values: [r.cases] }))} />
        <Breakdown id="dash-position" title={t.byPosition} table="position" filter={filter} columns={[t.cases]} rows={d.byPosition.map((r) => ({ key: r.key, label: r.label, values: [r.cases] }))} />
        <Breakdown id="dash-source" title={t.bySource} table="source" filter={filter} columns={[t.reports]} rows={d.bySource.map((r) => ({ key: r.key, label: r.label, values: [r.reports] }))} />
        <Section id="dash-deadlines" title={t.deadlines} actions={<ExportButtons source="dashboard" filter={{ ...filter, table: 'deadlines' }} what={t.deadlines} />}>
          <table className="dash-table">
            <thead>
              <tr>
                <th />
                <th className="num">{t.met}</th>
                <th className="num">{t.missed}</th>
                <th className="num">{t.running}</th>
                <th className="num">{t.overdue}</th>
              </tr>
            </thead>
            <tbody>
              {d.deadlines.map((x) => (
                <tr key={x.party}>
                  <td>{x.label}</td>
                  <td className="num">{n(x.met)}</td>
                  <td className={`num ${x.missed ? 'bad' : ''}`}>{n(x.missed)}</td>
                  <td className="num">{n(x.running)}</td>
                  <td className={`num ${x.overdue ? 'bad' : ''}`}>{n(x.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t.deadlinesNote}</p>
        </Section>
      </div>

      <AgencyTable electionId={d.election.id} region={d.territory.code} t={t} />

      <Section id="dash-prevention" title={t.prevention} actions={<Link href="/konsol/pencegahan">{t.preventionLink}</Link>}>
        <dl className="dash-cards">
          <Card title={t.asnTotal} value={n(d.prevention.asnTotal)} />
          <Card title={t.pledged} value={formatShare(d.prevention.pledgeCoverage, language)} detail={n(d.prevention.pledged)} />
          <Card title={t.reached} value={formatShare(d.prevention.reachCoverage, language)} detail={n(d.prevention.reached)} />
          <Card title={t.eventsHeld} value={n(d.prevention.events)} />
        </dl>
      </Section>

      <section className="dash-modules">
        <div className="dash-module">
          <h3>{t.candidates}</h3>
          <p>{d.candidates ? t.candidatesDetail(d.candidates) : <span className="muted">{t.notYet}</span>}</p>
        </div>
        <div className="dash-module">
          <h3>{t.rotations}</h3>
          <p>{d.rotations ? t.rotationsDetail(d.rotations) : <span className="muted">{t.notYet}</span>}</p>
        </div>
        <div className="dash-module">
          <h3>{t.screening}</h3>
          <p>{d.screening ? t.screeningDetail(d.screening.queued) : <span className="muted">{t.notYet}</span>}</p>
        </div>
      </section>
    </>
  );
}

export function DashboardPage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const electionId = params.get('pemilihan') ?? DEFAULT_ELECTION;
  const region = params.get('wilayah');
  const [elections] = useApi<ApiResponse<'/elections'>>('/elections', language);
  const [state, reload] = useApi<Dashboard>(`/dashboards/${electionId}${region ? `?region=${region}` : ''}`, language);
  const [refreshNote, setRefreshNote] = useState<string | null>(null);
  const hrefFor = (code: string | null) => `/konsol/dasbor?pemilihan=${electionId}${code ? `&wilayah=${code}` : ''}`;

  async function refresh() {
    setRefreshNote(t.refreshing);
    await ok(api.POST('/dashboards/refresh', withSession(language, session.csrfToken))).catch(() => null);
    setRefreshNote(t.refreshRequested);
    setTimeout(() => {
      setRefreshNote(null);
      reload();
    }, 3000);
  }

  return (
    <div className="dashboard">
      <header className="dash-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{t.lead}</p>
        </div>
        <label className="dash-election">
          {t.election}
          <select
            value={electionId}
            onChange={(e) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                next.set('pemilihan', e.target.value);
                return next;
              })
            }
          >
            {elections.status === 'ready' ? (
              elections.data.items.map((el) => (
                <option key={el.id} value={el.id}>
                  {el.name}
                </option>
              ))
            ) : (
              <option value={electionId}>{electionId}</option>
            )}
          </select>
        </label>
      </header>
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <DashboardBody d={state.data} t={t} hrefFor={hrefFor} onRefresh={refresh} refreshNote={refreshNote} />}
    </div>
  );
}
