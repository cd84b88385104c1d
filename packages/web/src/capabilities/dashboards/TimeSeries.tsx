/**
 * Cases received per week over the election's schedule, the stages drawn as bands behind the
 * bars (Bawaslu's critical stages in red), so "during the campaign?" is read at a glance. Plain
 * SVG; the same figures are in the tables below for screen readers.
 */
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { Dashboard } from './types.ts';

const DAY = 86_400_000;
const WIDTH = 760;
const HEIGHT = 220;
const PAD = { left: 34, right: 8, top: 44, bottom: 26 };

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const addDays = (date: string, days: number) => new Date(time(date) + days * DAY).toISOString().slice(0, 10);

/** Weeks shown around the schedule; cases received long before or after are counted in a note. */
const MARGIN_DAYS = 28;

export function TimeSeries({ weekly: allWeeks, stages, title, weekLabel, outsideLabel }: { weekly: Dashboard['weekly']; stages: Dashboard['stages']; title: string; weekLabel(date: string): string; outsideLabel(n: number): string }) {
  const { language } = useI18n();
  const first = stages.reduce<string | null>((min, s) => (min === null || s.start < min ? s.start : min), null);
  const last = stages.reduce<string | null>((max, s) => (max === null || s.end > max ? s.end : max), null);
  const inWindow = (week: string) => !first || !last || (week >= addDays(first, -MARGIN_DAYS) && week <= addDays(last, MARGIN_DAYS));
  const weekly = allWeeks.filter((w) => inWindow(w.week));
  const outside = allWeeks.filter((w) => !inWindow(w.week)).reduce((n, w) => n + w.cases, 0);
  const dates = [...weekly.map((w) => w.week), ...weekly.map((w) => addDays(w.week, 7)), ...stages.map((s) => s.start), ...stages.map((s) => addDays(s.end, 1))];
  if (dates.length === 0) return null;
  const start = time(dates.reduce((a, b) => (a < b ? a : b)));
  const end = time(dates.reduce((a, b) => (a > b ? a : b)));
  const span = Math.max(end - start, DAY);
  const x = (t: number) => PAD.left + ((t - start) / span) * (WIDTH - PAD.left - PAD.right);
  const max = Math.max(1, ...weekly.map((w) => w.cases));
  const y = (n: number) => HEIGHT - PAD.bottom - (n / max) * (HEIGHT - PAD.top - PAD.bottom);
  const barWidth = Math.max(2, x(start + 7 * DAY) - x(start) - 2);
  // One label per band, for the bands wide enough to carry one.
  const labelled = stages.filter((s) => x(time(addDays(s.end, 1))) - x(time(s.start)) > 46);
  const months: string[] = [];
  for (let d = new Date(start); d.getTime() <= end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString().slice(0, 10));
  }
  return (
    <figure className="time-series">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {stages.map((s, i) => (
          <rect
            key={s.code}
            x={x(time(s.start))}
            y={PAD.top}
            width={Math.max(1, x(time(addDays(s.end, 1))) - x(time(s.start)))}
            height={HEIGHT - PAD.bottom - PAD.top}
            className={s.critical ? 'band band-critical' : 'band'}
          >
            <title>{`${s.name}: ${formatDate(s.start, language)} – ${formatDate(s.end, language)}`}</title>
          </rect>
        ))}
        {labelled.map((s, i) => (
          <text key={s.code} x={x(time(s.start)) + 3} y={PAD.top - 12 - (i % 2) * 14} className={s.critical ? 'band-label band-label-critical' : 'band-label'}>
            {s.name}
          </text>
        ))}
        {[0, Math.round(max / 2), max].map((n) => (
          <g key={n}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(n)} y2={y(n)} className="grid" />
            <text x={PAD.left - 5} y={y(n) + 4} textAnchor="end" className="axis">
              {n}
            </text>
          </g>
        ))}
        {months
          .filter((m) => time(m) >= start)
          .map((m) => (
            <text key={m} x={x(time(m))} y={HEIGHT - 8} className="axis">
              {formatDateTime(new Date(time(m)).toISOString(), language, { month: 'short', year: '2-digit', timeZone: 'UTC' })}
            </text>
          ))}
        {weekly.map((w) => (
          <rect key={w.week} x={x(time(w.week)) + 1} y={y(w.cases)} width={barWidth} height={HEIGHT - PAD.bottom - y(w.cases)} className="bar">
            <title>{`${weekLabel(formatDate(w.week, language))}: ${w.cases}`}</title>
          </rect>
        ))}
      </svg>
      {outside > 0 && <figcaption className="hint">{outsideLabel(outside)}</figcaption>}
    </figure>
  );
}
