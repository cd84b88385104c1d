/**
 * The public transparency page of an election for the nation, a province or a regency/city, at
 * a shareable address (/transparansi/pilkada-2024/35.10). No sign-in, light enough for a phone:
 * the counts come already suppressed from the server, the map is a small SVG.
 */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../components/LoadError.tsx';
import { SEQUENTIAL, TileGridMap, tileShortLabel, type LegendEntry, type MapTile } from '../../components/TileGridMap.tsx';
import { useApi } from '../../lib/api.ts';
import { formatCount, formatDateRange, formatInstant } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { ElectionTimeline } from '../elections/ElectionTimeline.tsx';
import type { Calendar, ElectionList } from '../elections/types.ts';
import { messages } from './messages.ts';
import type { PublicCount, Transparency } from './types.ts';
import { transparencyHref } from './href.ts';
import './transparency.css';

type Messages = (typeof messages)['id'];


/** Map classes of proven violations: "nihil" in green, then ranges the suppression keeps meaningful. */
function publicLegend(t: Messages): LegendEntry[] {
  return [
    { label: t.legendNihil, colour: '#cde9d6' },
    { label: '< 5', colour: SEQUENTIAL[1] },
    { label: '5 – 19', colour: SEQUENTIAL[2] },
    { label: '20 – 49', colour: SEQUENTIAL[3], dark: true },
    { label: '≥ 50', colour: SEQUENTIAL[4], dark: true },
  ];
}

function binOf(count: PublicCount, participates: boolean): number | null {
  if (!participates || count.hidden === 'complementary') return null;
  if (count.hidden === 'small') return 1;
  const n = count.value ?? 0;
  return n === 0 ? 0 : n < 20 ? 2 : n < 50 ? 3 : 4;
}

/** A figure; `note` replaces it when there is none to show (too few to be meaningful). */
function Count({ label, count, note, hint }: { label: string; count: PublicCount | string | null; note?: string; hint?: string }) {
  return (
    <div className="tp-count" title={hint}>
      <dt>{label}</dt>
      {count === null ? <dd className="tp-count-note">{note}</dd> : <dd>{typeof count === 'string' ? count : count.display}</dd>}
    </div>
  );
}

function CalendarFor({ electionId, regionCode, t }: { electionId: string; regionCode: string; t: Messages }) {
  const { language } = useI18n();
  const [state] = useApi<Calendar>(`/elections/${electionId}/calendar?region=${regionCode}`, language);
  if (state.status !== 'ready') return null;
  return (
    <section className="tp-section" aria-label={t.calendarTitle}>
      <h2>{t.calendarTitle}</h2>
      <ElectionTimeline calendar={state.data} linkTransparency={false} />
    </section>
  );
}

function ShareLink({ t }: { t: Messages }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="tp-share"
      onClick={async () => {
        await navigator.clipboard?.writeText(window.location.href).catch(() => undefined);
        setCopied(true);
      }}
    >
      {copied ? t.copied : t.share}
    </button>
  );
}

/** Whether the screen is a phone's (the national map then becomes a grid every province fits in). */
function useNarrow(query = '(max-width: 640px)') {
  const [narrow, setNarrow] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const change = () => setNarrow(list.matches);
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, [query]);
  return narrow;
}

/**
 * The phone's map: every region a readable tile in a grid that wraps, in map order (north-west
 * first), coloured by the same classes; nothing scrolls off the screen.
 */
function TileList({ tiles, legend, title }: { tiles: MapTile[]; legend: LegendEntry[]; title: string }) {
  const ordered = [...tiles].sort((a, b) => a.row - b.row || a.col - b.col);
  return (
    <ul className="tp-tiles" aria-label={title}>
      {ordered.map((tile) => {
        const entry = tile.bin === null ? null : legend[tile.bin];
        return (
          <li key={tile.code} className={entry?.dark ? 'dark' : undefined} style={{ background: entry?.colour }} data-code={tile.code}>
            {/* Named by what the tile shows (WCAG 2.5.3); the full region name is its description. */}
            <Link href={tile.href ?? '#'} title={tile.name}>
              <span className="tp-tile-name">{tile.short}</span>
              <strong>{tile.valueText}</strong>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function TransparencyPage({ electionId, regionCode }: { electionId: string; regionCode: string | null }) {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const { language } = useI18n();
  const [state, reload] = useApi<Transparency>(`/transparency/${electionId}${regionCode ? `/${regionCode}` : ''}`, language);
  const [elections] = useApi<ElectionList>('/elections', language);
  const narrow = useNarrow();
  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const d = state.data;
  const when = d.dataAsOf ? formatInstant(d.dataAsOf, language, 'long') : null;
  const tiles: MapTile[] = d.children
    .filter((c) => c.tile)
    .map((c) => ({
      code: c.code,
      name: c.name,
      short: c.short ?? tileShortLabel(c.name),
      col: c.tile!.col,
      row: c.tile!.row,
      bin: binOf(c.provenViolations, c.participates),
      valueText: c.participates ? c.provenViolations.display : '–',
      href: transparencyHref(d.election.id, c.code),
    }));
  const rows = d.children;
  return (
    <article className="transparency">
      <nav className="tp-breadcrumb" aria-label={t.region}>
        <Link href={transparencyHref(d.election.id, null)}>{t.national}</Link>
        {d.region?.parentCode && (
          <>
            {' › '}
            <Link href={transparencyHref(d.election.id, d.region.parentCode)}>{d.region.parentName}</Link>
          </>
        )}
        {d.region && ` › ${d.region.name}`}
      </nav>
      <header className="tp-header">
        <p className="tp-kicker">{t.kicker}</p>
        <h1>{d.name}</h1>
        <p className="tp-election">{d.election.name}</p>
        {d.nihil && (
          <p className="tp-nihil" role="status">
            <span className="tp-nihil-badge">✓ {t.nihil}</span>
            <span>{t.nihilText}</span>
          </p>
        )}
        {!d.participates && <p className="tp-note">{t.notParticipating}</p>}
        {d.participates && !d.nihil && d.counts.provenViolations.value === 0 && d.dataAsOf && <p className="tp-note">{t.stillOpen}</p>}
        {d.region && d.participates && (
          <p>
            {/* A plain link: the report form is a light page of its own. */}
            <a className="button" href={`/lapor?wilayah=${encodeURIComponent(d.region.code)}&nama=${encodeURIComponent(d.region.name)}`}>
              {t.reportHere}
            </a>
          </p>
        )}
      </header>

      <dl className="tp-counts">
        <Count label={t.reports} count={d.counts.reports} />
        <Count label={t.proven} count={d.counts.provenViolations} />
        <Count label={t.sanctions} count={d.counts.sanctions} />
        <Count label={t.followUp} count={d.followUpRate === null ? null : `${formatCount(d.followUpRate, language)}%`} note={t.followUpNone} hint={t.followUpHint} />
      </dl>
      <p className="tp-meta">
        {when ? t.dataAsOf(when) : t.noData} · <ShareLink t={t} />
      </p>

      {tiles.length > 0 && (
        <section className="tp-section" aria-label={t.mapTitle}>
          <h2>{t.mapTitle}</h2>
          {narrow ? (
            <TileList tiles={tiles} legend={publicLegend(t)} title={`${t.mapTitle}: ${d.name}`} />
          ) : (
            <TileGridMap tiles={tiles} legend={publicLegend(t)} title={`${t.mapTitle}: ${d.name}`} emptyLabel={t.legendHidden} />
          )}
          <p className="hint">{t.mapNote}</p>
        </section>
      )}

      {rows.length > 0 && (
        <section className="tp-section" aria-label={t.regionsTitle}>
          <h2>{t.regionsTitle}</h2>
          <div className="tp-scroll">
            <table className="tp-table">
              <thead>
                <tr>
                  <th scope="col">{t.region}</th>
                  <th scope="col" className="num">
                    {t.reports}
                  </th>
                  <th scope="col" className="num">
                    {t.proven}
                  </th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.tile || d.region === null ? <Link href={transparencyHref(d.election.id, c.code)}>{c.name}</Link> : c.name}</th>
                    <td className="num">{c.reports.display}</td>
                    <td className="num">{c.provenViolations.display}</td>
                    <td>{!c.participates ? <span className="muted">{t.notTaking}</span> : c.nihil ? <span className="tp-nihil-small">{t.nihil}</span> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {d.counts.reports.value !== 0 && (
        <section className="tp-section" aria-label={t.stagesTitle}>
          <h2>{t.stagesTitle}</h2>
          <p className="hint">{d.receiptViewDiffers ? t.stagesLead : t.byAct}</p>
          <table className="tp-table tp-stage-table">
            <thead>
              <tr>
                <th scope="col">{t.stage}</th>
                <th scope="col" className="num">
                  {t.byAct}
                </th>
                {d.receiptViewDiffers && (
                  <th scope="col" className="num">
                    {t.byReceipt}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {d.byStage.map((s) => (
                <tr key={s.code} className={s.critical ? 'critical' : undefined}>
                  <th scope="row">
                    <span className="tp-stage-name">{s.name}</span>
                    {s.start && s.end && <span className="tp-stage-dates">{formatDateRange(s.start, s.end, language)}</span>}
                  </th>
                  <td className="num">
                    <strong>{s.reports.display}</strong>
                  </td>
                  {d.receiptViewDiffers && <td className="num">{s.reportsByReceipt.display}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {d.region && d.participates && <CalendarFor electionId={d.election.id} regionCode={d.region.code} t={t} />}

      <p className="tp-footnote">{t.suppression}</p>
      {elections.status === 'ready' && (
        <nav className="tp-elections" aria-label={t.electionsTitle}>
          {elections.data.items
            .filter((e) => e.id !== d.election.id)
            .map((e) => (
              <Link key={e.id} href={transparencyHref(e.id, d.region?.code ?? null)}>
                {e.name}
              </Link>
            ))}
        </nav>
      )}
    </article>
  );
}
