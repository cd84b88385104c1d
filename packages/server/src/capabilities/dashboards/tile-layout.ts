/**
 * Where each region sits on the tile-grid maps. No boundary data set of Indonesia is available
 * offline under a compatible licence, so the maps are grids of equal tiles placed to suggest
 * geography: every region gets the same visual weight (Papua's provinces are not 40 times Jakarta),
 * which suits counts per region better than a choropleth would.
 *
 * Provinces: hand-placed, west (Aceh, top left) to east (Papua, right), 16 × 8 cells.
 *
 * Regencies/cities inside a province: derived. `idn-area-data` has no centroids, but it lists
 * 16,000 islands with coordinates and the regency each belongs to; a regency's position is the
 * median of its islands' coordinates (278 of 514 regencies have islands; the median keeps a far
 * outlying island from dragging its regency away). Those are scaled into a grid sized for the
 * province (between the 10th and 90th percentiles, so one remote island group does not squeeze
 * the rest) and placed in the nearest free cell; the regencies without islands — inland ones —
 * then take the free cells nearest the middle of the grid, in Kemendagri code order. It is an
 * approximation: an inland regency may land away from where it is.
 */
import { getIslands } from 'idn-area-data';

export interface TilePosition {
  col: number;
  row: number;
}

export interface ProvinceTile extends TilePosition {
  /** The abbreviation Indonesians use (JATIM, KALTIM, …), for the tile label. */
  short: string;
}

export const PROVINCE_TILES: Readonly<Record<string, ProvinceTile>> = {
  '11': { col: 0, row: 0, short: 'ACEH' },
  '12': { col: 1, row: 1, short: 'SUMUT' },
  '21': { col: 3, row: 1, short: 'KEPRI' },
  '13': { col: 1, row: 2, short: 'SUMBAR' },
  '14': { col: 2, row: 2, short: 'RIAU' },
  '17': { col: 1, row: 3, short: 'BKL' },
  '15': { col: 2, row: 3, short: 'JAMBI' },
  '16': { col: 2, row: 4, short: 'SUMSEL' },
  '19': { col: 3, row: 4, short: 'BABEL' },
  '18': { col: 2, row: 5, short: 'LPG' },
  '31': { col: 4, row: 5, short: 'DKI' },
  '36': { col: 3, row: 6, short: 'BANTEN' },
  '32': { col: 4, row: 6, short: 'JABAR' },
  '33': { col: 5, row: 6, short: 'JATENG' },
  '34': { col: 5, row: 7, short: 'DIY' },
  '35': { col: 6, row: 6, short: 'JATIM' },
  '51': { col: 7, row: 6, short: 'BALI' },
  '52': { col: 8, row: 6, short: 'NTB' },
  '53': { col: 9, row: 6, short: 'NTT' },
  '61': { col: 5, row: 2, short: 'KALBAR' },
  '65': { col: 7, row: 1, short: 'KALTARA' },
  '64': { col: 7, row: 2, short: 'KALTIM' },
  '62': { col: 6, row: 3, short: 'KALTENG' },
  '63': { col: 7, row: 3, short: 'KALSEL' },
  '75': { col: 10, row: 1, short: 'GTLO' },
  '71': { col: 11, row: 1, short: 'SULUT' },
  '72': { col: 9, row: 2, short: 'SULTENG' },
  '76': { col: 8, row: 3, short: 'SULBAR' },
  '73': { col: 9, row: 3, short: 'SULSEL' },
  '74': { col: 10, row: 3, short: 'SULTRA' },
  '82': { col: 12, row: 2, short: 'MALUT' },
  '81': { col: 12, row: 3, short: 'MALUKU' },
  '96': { col: 13, row: 2, short: 'PBD' },
  '92': { col: 14, row: 2, short: 'PABAR' },
  '91': { col: 15, row: 2, short: 'PAPUA' },
  '94': { col: 14, row: 3, short: 'PAPTENG' },
  '95': { col: 15, row: 3, short: 'PAPEG' },
  '93': { col: 15, row: 4, short: 'PAPSEL' },
};

/** 03°19'03.44" N 097°07'41.73" E → [latitude, longitude] in degrees. */
export function parseCoordinate(text: string): [number, number] | null {
  const parts = [...text.matchAll(/(\d+)°(\d+)'([\d.]+)"\s*([NSEW])/g)];
  if (parts.length !== 2) return null;
  const [lat, lon] = parts.map(([, d, m, s, hemisphere]) => {
    const degrees = Number(d) + Number(m) / 60 + Number(s) / 3600;
    return hemisphere === 'S' || hemisphere === 'W' ? -degrees : degrees;
  });
  return [lat, lon];
}

let centres: Promise<Map<string, [number, number]>> | null = null;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))];
};

/** Median island coordinate per regency/city code (only those with islands). */
function regencyCentres(): Promise<Map<string, [number, number]>> {
  centres ??= getIslands().then((islands) => {
    const points = new Map<string, Array<[number, number]>>();
    for (const island of islands) {
      const point = island.regency_code ? parseCoordinate(island.coordinate) : null;
      if (point) points.set(island.regency_code, [...(points.get(island.regency_code) ?? []), point]);
    }
    return new Map([...points].map(([code, list]) => [code, [median(list.map((p) => p[0])), median(list.map((p) => p[1]))] as [number, number]]));
  });
  return centres;
}

/**
 * Provinces whose regencies are placed by hand, because the island-derived layout scrambles them
 * (Jawa Timur: its inland regencies have no islands, so Banyuwangi landed bottom-middle and Madura
 * was scattered). Placed from the regencies' real positions (west → east, north → south): the
 * north coast and Madura on the top row, Banyuwangi at the east end, Pacitan in the south-west;
 * a city sits beside or inside its regency. Checked against real coordinates in
 * transparency/transparency.test.ts.
 */
const HAND_PLACED: Readonly<Record<string, Readonly<Record<string, TilePosition>>>> = {
  '35': {
    '35.23': { col: 2, row: 0 }, // Tuban
    '35.24': { col: 3, row: 0 }, // Lamongan
    '35.25': { col: 4, row: 0 }, // Gresik
    '35.26': { col: 6, row: 0 }, // Bangkalan (Madura)
    '35.27': { col: 7, row: 0 }, // Sampang
    '35.28': { col: 8, row: 0 }, // Pamekasan
    '35.29': { col: 9, row: 0 }, // Sumenep
    '35.21': { col: 0, row: 1 }, // Ngawi
    '35.22': { col: 1, row: 1 }, // Bojonegoro
    '35.76': { col: 4, row: 1 }, // Kota Mojokerto
    '35.78': { col: 5, row: 1 }, // Kota Surabaya
    '35.20': { col: 0, row: 2 }, // Magetan
    '35.19': { col: 1, row: 2 }, // Madiun
    '35.18': { col: 2, row: 2 }, // Nganjuk
    '35.17': { col: 3, row: 2 }, // Jombang
    '35.16': { col: 4, row: 2 }, // Mojokerto
    '35.15': { col: 5, row: 2 }, // Sidoarjo
    '35.75': { col: 6, row: 2 }, // Kota Pasuruan
    '35.74': { col: 7, row: 2 }, // Kota Probolinggo
    '35.12': { col: 9, row: 2 }, // Situbondo
    '35.77': { col: 1, row: 3 }, // Kota Madiun
    '35.71': { col: 2, row: 3 }, // Kota Kediri
    '35.06': { col: 3, row: 3 }, // Kediri
    '35.79': { col: 4, row: 3 }, // Kota Batu
    '35.14': { col: 5, row: 3 }, // Pasuruan
    '35.13': { col: 6, row: 3 }, // Probolinggo
    '35.11': { col: 8, row: 3 }, // Bondowoso
    '35.02': { col: 0, row: 4 }, // Ponorogo
    '35.04': { col: 2, row: 4 }, // Tulungagung
    '35.72': { col: 3, row: 4 }, // Kota Blitar
    '35.73': { col: 4, row: 4 }, // Kota Malang
    '35.07': { col: 5, row: 4 }, // Malang
    '35.08': { col: 6, row: 4 }, // Lumajang
    '35.09': { col: 7, row: 4 }, // Jember
    '35.10': { col: 9, row: 4 }, // Banyuwangi
    '35.01': { col: 0, row: 5 }, // Pacitan
    '35.03': { col: 1, row: 5 }, // Trenggalek
    '35.05': { col: 3, row: 5 }, // Blitar
  },
};

/**
 * Tile positions for the regencies/cities `codes` of one province (see the module comment).
 * Deterministic: the same codes always give the same layout.
 */
export async function regencyTiles(codes: readonly string[]): Promise<Map<string, TilePosition>> {
  const province = codes[0]?.slice(0, 2);
  const placed = province ? HAND_PLACED[province] : undefined;
  if (placed && codes.every((code) => placed[code])) return new Map(codes.map((code) => [code, placed[code]]));
  const known = await regencyCentres();
  const sorted = [...codes].sort();
  const located = sorted.filter((code) => known.has(code)).map((code) => ({ code, point: known.get(code)! }));
  const lats = located.map((l) => l.point[0]);
  const lons = located.map((l) => l.point[1]);
  const [south, north] = located.length > 1 ? [percentile(lats, 0.1), percentile(lats, 0.9)] : [0, 0];
  const [west, east] = located.length > 1 ? [percentile(lons, 0.1), percentile(lons, 0.9)] : [0, 0];
  const latSpan = north - south;
  const lonSpan = east - west;
  // The grid follows the province's shape (wide Java, tall Sulawesi provinces), within reason.
  const aspect = Math.min(3, Math.max(0.5, lonSpan / Math.max(latSpan, 0.01)));
  const cols = Math.max(1, Math.ceil(Math.sqrt(sorted.length * aspect)));
  const rows = Math.max(1, Math.ceil(sorted.length / cols));
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const free = new Set<string>();
  for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) free.add(`${col},${row}`);
  const positions = new Map<string, TilePosition>();
  const nearestFree = (x: number, y: number): TilePosition => {
    let best = '';
    let bestDistance = Infinity;
    for (const cell of free) {
      const [col, row] = cell.split(',').map(Number);
      const distance = (col - x) ** 2 + (row - y) ** 2;
      if (distance < bestDistance || (distance === bestDistance && cell < best)) [best, bestDistance] = [cell, distance];
    }
    free.delete(best);
    const [col, row] = best.split(',').map(Number);
    return { col, row };
  };
  for (const { code, point } of located) {
    const x = lonSpan > 0 ? clamp((point[1] - west) / lonSpan) * (cols - 1) : (cols - 1) / 2;
    const y = latSpan > 0 ? clamp((north - point[0]) / latSpan) * (rows - 1) : (rows - 1) / 2;
    positions.set(code, nearestFree(x, y));
  }
  for (const code of sorted) if (!positions.has(code)) positions.set(code, nearestFree((cols - 1) / 2, (rows - 1) / 2));
  return positions;
}
