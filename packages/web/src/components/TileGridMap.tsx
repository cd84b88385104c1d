/**
 * A tile-grid map: every region one equal square, placed to suggest geography (positions come
 * from the server: hand-placed provinces, regencies derived from island coordinates). Each tile
 * is a link (drill-down) with its name and figure as its accessible label; colours come in a few
 * classes shown in the legend, so the map reads without telling colours apart finely.
 */
import type { KeyboardEvent, MouseEvent } from 'react';
import { useLocation } from 'wouter';
import './tile-grid-map.css';

export interface MapTile {
  code: string;
  /** Full name, for the accessible label and the tooltip. */
  name: string;
  /** What fits on the tile (JATIM, Banyuwangi, …). */
  short: string;
  col: number;
  row: number;
  /** Index into `legend`; null = no figure (e.g. not taking part). */
  bin: number | null;
  /** The figure as shown on the tile ("12", "< 5", "43%"). */
  valueText: string;
  href?: string;
}

export interface LegendEntry {
  label: string;
  colour: string;
  /** Dark colours take white text. */
  dark?: boolean;
}

const CELL = 64;
const GAP = 4;
/**
 * A regency/city's label on its tile: "Kabupaten" dropped, "Kota" shortened, at most 15
 * characters (the full name is the tile's tooltip and is in the table beside the map).
 */
export const tileShortLabel = (name: string) => name.replace(/^Kabupaten /, '').replace(/^Kota /, 'Kt. ').slice(0, 15);

/** Small enough for the label to fit the tile (about 0.6 em per character). */
const labelSize = (label: string) => Math.min(10.5, (CELL - 6) / (0.6 * Math.max(label.length, 1)));

export function TileGridMap({ tiles, legend, title, emptyLabel }: { tiles: readonly MapTile[]; legend: readonly LegendEntry[]; title: string; emptyLabel: string }) {
  const [, navigate] = useLocation();
  const cols = Math.max(...tiles.map((t) => t.col), 0) + 1;
  const rows = Math.max(...tiles.map((t) => t.row), 0) + 1;
  const width = cols * (CELL + GAP);
  const height = rows * (CELL + GAP);
  const follow = (href: string | undefined) => (event: MouseEvent | KeyboardEvent) => {
    if (!href) return;
    if ('key' in event && event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <figure className="tile-map">
      {/* Tiles stay at least ~34 px wide: on a phone the national map scrolls sideways rather than shrink unreadably. */}
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title} style={{ maxWidth: `${Math.max(width, 320)}px`, minWidth: `${Math.min(width, cols * 36)}px` }}>
        {tiles.map((tile) => {
          const entry = tile.bin === null ? null : legend[tile.bin];
          const x = tile.col * (CELL + GAP);
          const y = tile.row * (CELL + GAP);
          const label = `${tile.name}: ${tile.valueText}`;
          const body = (
            <>
              <title>{label}</title>
              <rect x={x} y={y} width={CELL} height={CELL} rx={6} className={entry ? undefined : 'tile-empty'} fill={entry?.colour ?? 'url(#tile-hatch)'} />
              <text x={x + CELL / 2} y={y + 25} className={`tile-short ${entry?.dark ? 'on-dark' : ''}`} textAnchor="middle" style={{ fontSize: `${labelSize(tile.short)}px` }}>
                {tile.short}
              </text>
              <text x={x + CELL / 2} y={y + 45} className={`tile-value ${entry?.dark ? 'on-dark' : ''}`} textAnchor="middle">
                {tile.valueText}
              </text>
            </>
          );
          return tile.href ? (
            // Named by its <title> (SVG-AAM), not an aria-label that would not contain the visible short name (WCAG 2.5.3).
            <a key={tile.code} href={tile.href} className="tile" data-code={tile.code} onClick={follow(tile.href)} onKeyDown={follow(tile.href)}>
              {body}
            </a>
          ) : (
            <g key={tile.code} role="img" className="tile" data-code={tile.code}>
              {body}
            </g>
          );
        })}
        <defs>
          <pattern id="tile-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f1f4f5" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#d3dbde" strokeWidth="2" />
          </pattern>
        </defs>
      </svg>
      <figcaption className="tile-legend">
        {legend.map((entry) => (
          <span key={entry.label}>
            <i style={{ background: entry.colour }} aria-hidden="true" />
            {entry.label}
          </span>
        ))}
        <span>
          <i className="tile-legend-empty" aria-hidden="true" />
          {emptyLabel}
        </span>
      </figcaption>
    </figure>
  );
}

/** Sequential colours, light to dark (colour-blind safe, from one hue). */
export const SEQUENTIAL = ['#e6f1f3', '#b9dbe1', '#7fbcc7', '#3f95a5', '#0b5d6b'];

/**
 * Legend classes for counts or shares: zero in a class of its own, the rest in up to four classes
 * of equal width up to the largest value. Counts get whole-number bounds (1–2, 3–5, …).
 */
export function classesFor(values: readonly number[], format: (n: number) => string, integer: boolean): { legend: LegendEntry[]; binOf(value: number): number } {
  const max = Math.max(0, ...values);
  const classes = integer ? Math.min(4, Math.ceil(max)) : max > 0 ? 4 : 0;
  const step = classes > 0 ? max / classes : 1;
  const legend: LegendEntry[] = [{ label: format(0), colour: SEQUENTIAL[0] }];
  for (let i = 1; i <= classes; i++) {
    const [lower, upper] = integer ? [Math.floor(step * (i - 1)) + 1, Math.floor(step * i)] : [step * (i - 1), step * i];
    legend.push({ label: lower === upper ? format(upper) : `${format(lower)} – ${format(upper)}`, colour: SEQUENTIAL[i], dark: i >= 3 });
  }
  return { legend, binOf: (value) => (value <= 0 ? 0 : Math.min(classes, Math.ceil(value / step))) };
}
