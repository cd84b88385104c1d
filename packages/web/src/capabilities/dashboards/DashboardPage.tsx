/**
 * The staff dashboard: one election, one territory (the nation, a province or a regency/city
 * inside the viewer's scope), chosen in the address (?pemilihan=…&wilayah=…) so a view can be
 * shared and the browser's back button walks the drill-down back up.
 */
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PageSection, type PageSectionProps } from '../../components/PageSection.tsx';
import { Pager } from '../../components/Pager.tsx';
import { StatCards, type Stat } from '../../components/StatCards.tsx';
import { classesFor, TileGridMap, tileShortLabel, type MapTile } from '../../components/TileGridMap.tsx';
import { api, ok, useApi, withSession } from '../../lib/api.ts';
import { formatCount, formatInstant, formatShare } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { DEFAULT_ELECTION, ElectionHeader } from './ElectionHeader.tsx';
import { ExportButtons } from '../../components/kit.ts';
import { messages } from './messages.ts';
import { TimeSeries } from './TimeSeries.tsx';
import { SiasnBlocksSummary } from '../cases/SiasnBlocksSummary.tsx';
import type { AgencyPage, AgencyRow, Dashboard } from './types.ts';
import './dashboards.css';

type Messages = (typeof messages)['id'];

/** The dashboard's look of the kit's pieces. */
const Section = (props: PageSectionProps) => <PageSection className="dash-section" {...props} />;
const Cards = ({ items }: { items: Stat[] }) => <StatCards className="dash-cards" cardClassName="dash-card" strong items={items} />;
function Table<Row>(props: { columns: Array<Column<Row>>; rows: readonly Row[]; rowKey(row: Row): string | number; rowAttributes?(row: Row): { className?: string; [data: `data-${string}`]: string | undefined }; className?: string; scroll?: boolean }) {
  return <DataTable className={props.className ?? 'dash-table'} scrollClassName={props.scroll === false ? null : 'dash-scroll'} columns={props.columns} rows={props.rows} rowKey={props.rowKey} rowAttributes={props.rowAttributes} />;
}
/** Figure columns of a table of `Row`s: right-aligned. */
const figuresOf =
  <Row,>() =>
  (key: string, header: ReactNode, cell: (row: Row) => ReactNode): Column<Row> => ({ key, header, className: 'num', cell });
type Child = Dashboard['children'][number];
type DeadlineRow = Dashboard['deadlines'][number];
/** A figure that is bad when not zero (a missed or overdue deadline). */
const Bad = ({ n, text }: { n: number; text: string }) => (n ? <span className="bad">{text}</span> : <>{text}</>);

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
  const figure = figuresOf<Child>();
  return (
    <Section id="dash-regions" title={t.regionsTitle} actions={<ExportButtons source="dashboard" filter={{ ...filter, table: 'regions' }} what={t.regionsTitle} />}>
      <Table<Child>
        rows={d.children}
        rowKey={(c) => c.code}
        rowAttributes={(c) => ({ 'data-region': c.code })}
        columns={[
          { key: 'region', header: t.region, cell: (c) => (c.ownLevel ? <em>{c.name}</em> : <Link href={hrefFor(c.code)}>{c.name}</Link>) },
          figure('reports', t.reports, (c) => n(c.reports)),
          figure('cases', t.cases, (c) => n(c.cases)),
          figure('proven', t.proven, (c) => n(c.proven)),
          figure('sanctioned', t.sanctioned, (c) => n(c.sanctioned)),
          figure('followUp', t.followUp, (c) => (c.ppkRecommended ? formatShare(c.ppkFollowedUp / c.ppkRecommended, language) : '–')),
          figure('pledges', t.pledgeCoverage, (c) => (c.asnTotal ? formatShare(c.pledged / c.asnTotal, language) : '–')),
          figure('events', t.events, (c) => n(c.events)),
        ]}
      />
    </Section>
  );
}

/** A breakdown with a bar per row, so the largest group stands out without a chart library. */
type BreakdownRow = { key: string; label: string; values: number[] };

function Breakdown({ title, rows, columns, table, filter, id }: { title: string; id: string; rows: BreakdownRow[]; columns: string[]; table: string; filter: Record<string, unknown> }) {
  const { language } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.values[0]));
  return (
    <Section id={id} title={title} actions={<ExportButtons source="dashboard" filter={{ ...filter, table }} what={title} />}>
      <Table<BreakdownRow>
        className="dash-table dash-breakdown"
        scroll={false}
        rows={rows}
        rowKey={(r) => r.key}
        rowAttributes={(r) => ({ 'data-key': r.key, className: r.values.every((v) => v === 0) ? 'zero' : undefined })}
        columns={[
          {
            key: 'label',
            header: '',
            cell: (r) => (
              <>
                <span className="dash-bar-label">{r.label}</span>
                <span className="dash-bar" style={{ width: `${(r.values[0] / max) * 100}%` }} aria-hidden="true" />
              </>
            ),
          },
          ...columns.map((c, i) => figuresOf<BreakdownRow>()(c, c, (r) => formatCount(r.values[i], language))),
        ]}
      />
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
  const figure = figuresOf<AgencyRow>();
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
      <Loaded state={state} onRetry={reload} loading={<p className="muted">…</p>}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState className="dash-empty">{t.noAgencies}</EmptyState>
          ) : (
            <>
              <Table<AgencyRow>
                rows={data.items}
                rowKey={(a) => a.agencyId}
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
                  figure('cases', t.cases, (a) => n(a.cases)),
                  figure('proven', t.proven, (a) => n(a.proven)),
                  figure('sanctioned', t.sanctioned, (a) => n(a.sanctioned)),
                  figure('followUp', t.followUp, (a) => (a.ppkRecommended ? `${formatShare(a.ppkFollowUpRate, language)} (${a.ppkFollowedUp}/${a.ppkRecommended})` : '–')),
                  figure('met', t.met, (a) => n(a.deadlinesMet)),
                  figure('missed', t.missed, (a) => <Bad n={a.deadlinesMissed} text={n(a.deadlinesMissed)} />),
                  figure('overdue', t.overdue, (a) => <Bad n={a.deadlinesOverdue} text={n(a.deadlinesOverdue)} />),
                ]}
              />
              <Pager className="dash-pager" buttonClassName="dash-secondary" total={data.total} limit={limit} offset={offset} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
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
  const deadlineFigure = figuresOf<DeadlineRow>();
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

      <Cards
        items={[
          { label: t.reports, value: n(d.totals.reports) },
          { label: t.cases, value: n(d.totals.cases) },
          { label: t.proven, value: n(d.totals.proven), tone: d.totals.proven > 0 ? 'bad' : 'good' },
          { label: t.sanctioned, value: n(d.totals.sanctioned) },
          { label: t.followUp, value: formatShare(d.totals.ppkFollowUpRate, language), detail: d.totals.ppkRecommended ? t.followUpOf(d.totals.ppkFollowedUp, d.totals.ppkRecommended) : t.noRecommendation },
          { label: t.duringCampaign, value: n(d.totals.duringCampaign), detail: t.duringCritical(d.totals.duringCriticalStages) },
          { label: t.deadlinesLate, value: n(missed + overdue), detail: t.deadlinesLateDetail(missed, overdue), tone: missed + overdue > 0 ? 'bad' : undefined },
          { label: t.siasn, value: n(d.totals.siasnBlocks) },
        ]}
      />
      {d.totals.cases === 0 && d.totals.reports === 0 && <EmptyState className="dash-empty">{t.empty}</EmptyState>}

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
          <Table<DeadlineRow>
            scroll={false}
            rows={d.deadlines}
            rowKey={(x) => x.party}
            columns={[
              { key: 'party', header: '', cell: (x) => x.label },
              deadlineFigure('met', t.met, (x) => n(x.met)),
              deadlineFigure('missed', t.missed, (x) => <Bad n={x.missed} text={n(x.missed)} />),
              deadlineFigure('running', t.running, (x) => n(x.running)),
              deadlineFigure('overdue', t.overdue, (x) => <Bad n={x.overdue} text={n(x.overdue)} />),
            ]}
          />
          <p className="hint">{t.deadlinesNote}</p>
        </Section>
      </div>

      <AgencyTable electionId={d.election.id} region={d.territory.code} t={t} />

      <SiasnBlocksSummary region={d.territory.code} />

      <Section id="dash-prevention" title={t.prevention} actions={<Link href="/konsol/pencegahan">{t.preventionLink}</Link>}>
        <Cards
          items={[
            { label: t.asnTotal, value: n(d.prevention.asnTotal) },
            { label: t.pledged, value: formatShare(d.prevention.pledgeCoverage, language), detail: n(d.prevention.pledged) },
            { label: t.reached, value: formatShare(d.prevention.reachCoverage, language), detail: n(d.prevention.reached) },
            { label: t.eventsHeld, value: n(d.prevention.events) },
          ]}
        />
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
      <ElectionHeader
        title={t.title}
        lead={t.lead}
        label={t.election}
        electionId={electionId}
        onChange={(id) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set('pemilihan', id);
            return next;
          })
        }
      />
      <Loaded state={state} onRetry={reload}>
        {(d) => <DashboardBody d={d} t={t} hrefFor={hrefFor} onRefresh={refresh} refreshNote={refreshNote} />}
      </Loaded>
    </div>
  );
}
