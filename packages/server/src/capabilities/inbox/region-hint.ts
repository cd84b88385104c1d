/**
 * Where a message is about, when the sender says so: a Kemendagri regency/city code ("35.10" or
 * "3510") or a regency/city name ("Banyuwangi", "Kota Mojokerto"). Only a single, unambiguous
 * answer counts; otherwise the inbox asks (or an officer sets it).
 */
export interface RegencyName {
  code: string;
  name: string;
}

const normalise = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').replace(/\s+/g, ' ').trim();

export function regionFromText(text: string, regencies: readonly RegencyName[]): string | null {
  const known = new Set(regencies.map((r) => r.code));
  const codes = new Set<string>();
  for (const m of text.matchAll(/(?<![\d.])(\d{2})\.?(\d{2})(?![\d.])/g)) {
    const code = `${m[1]}.${m[2]}`;
    if (known.has(code)) codes.add(code);
  }
  if (codes.size === 1) return [...codes][0];
  if (codes.size > 1) return null;
  const said = ` ${normalise(text)} `;
  const hits: Array<{ code: string; isCity: boolean; explicit: boolean }> = [];
  for (const r of regencies) {
    const full = normalise(r.name);
    const isCity = /^kota /.test(full);
    const bare = full.replace(/^(kabupaten|kab|kota) /, '');
    if (bare.length < 3) continue;
    if (said.includes(` ${full} `)) hits.push({ code: r.code, isCity, explicit: true });
    else if (!isCity && said.includes(` kab ${bare} `)) hits.push({ code: r.code, isCity, explicit: true });
    else if (said.includes(` ${bare} `)) hits.push({ code: r.code, isCity, explicit: false });
  }
  const explicit = hits.filter((h) => h.explicit);
  if (explicit.length === 1) return explicit[0].code;
  if (hits.length === 1) return hits[0].code;
  // Ambiguous ("Mojokerto" is a regency and a city; two places named): ask rather than guess.
  return null;
}
