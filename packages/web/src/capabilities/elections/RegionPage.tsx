/**
 * A region's elections, each as a timeline, on a chosen date (today by default, in the region's
 * own time zone). The date lives in the address (?tanggal=2024-10-01) so a view can be shared.
 */
import { Link, useLocation, useSearch } from 'wouter';
import { ElectionTimeline } from './ElectionTimeline.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { ApiRequestError, useApi } from '../../lib/api.ts';
import { RegionSearch } from '../regions/RegionSearch.tsx';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';
import type { Calendar, RegionDetail } from './types.ts';

/** Indonesians name their time zones WIB, WITA and WIT, not by city. */
const TIME_ZONE_LABELS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

function CalendarBlock({ electionId, region, date }: { electionId: string; region: string; date: string | null }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [state, reload] = useApi<Calendar>(`/elections/${electionId}/calendar?region=${region}${date ? `&date=${date}` : ''}`, language);
  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  return <ElectionTimeline calendar={state.data} />;
}

export function RegionPage({ code }: { code: string }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const search = useSearch();
  const [location, navigate] = useLocation();
  const date = new URLSearchParams(search).get('tanggal');
  const [state, reload] = useApi<RegionDetail>(`/regions/${code}`, language);

  if (state.status === 'loading') return <p className="muted">{t.loading}</p>;
  if (state.status === 'error') {
    // An unknown or malformed code will not come right by trying again: offer the way back.
    const unknown = state.error instanceof ApiRequestError && (state.error.status === 404 || state.error.status === 400);
    if (!unknown) return <LoadError error={state.error} onRetry={reload} />;
    return (
      <article className="region">
        <h1>{t.notFoundTitle}</h1>
        <p className="alert" role="alert">
          {t.unknownRegion(code)}
        </p>
        <RegionSearch onSelect={(found) => navigate(`/wilayah/${found.code}`)} />
        <p>
          <Link href="/" className="back">
            {t.home}
          </Link>
        </p>
      </article>
    );
  }
  const region = state.data;
  const setDate = (value: string) => navigate(value ? `${location}?tanggal=${value}` : location, { replace: true });
  // Elections the region holds first, newest first; the others follow, marked as such.
  const elections = [...region.elections].sort((a, b) => Number(b.participates) - Number(a.participates));

  return (
    <article className="region">
      <Link href="/" className="back">
        {t.back}
      </Link>
      <header className="region-header">
        <div>
          <h1>{region.name}</h1>
          <p className="muted">
            {region.level === 'province' ? t.province : region.parentName} · {region.code} · {TIME_ZONE_LABELS[region.timeZone] ?? region.timeZone}
          </p>
        </div>
        <p className="region-actions">
          {/* A plain link: the report form is a light page of its own. */}
          <a className="button" href={`/lapor?wilayah=${encodeURIComponent(region.code)}&nama=${encodeURIComponent(region.name)}`}>
            {t.reportHere}
          </a>{' '}
          {region.level !== 'district' && elections[0] && <Link href={`/transparansi/${elections[0].id}/${region.code}`}>{t.transparencyHere}</Link>}
        </p>
        <div className="date-picker">
          <label htmlFor="as-of">{t.dateLabel}</label>
          <input id="as-of" type="date" value={date ?? ''} onChange={(e) => setDate(e.target.value)} />
          {date && (
            <button type="button" className="link-button" onClick={() => setDate('')}>
              {t.today}
            </button>
          )}
        </div>
      </header>
      <h2 className="section-title">{t.electionsIn}</h2>
      {elections.map((e) => (
        <CalendarBlock key={e.id} electionId={e.id} region={region.code} date={date} />
      ))}
    </article>
  );
}
