/**
 * An accessible combobox over the regions API: type, arrow through the matches, Enter or click
 * to open the region. Requests are debounced and stale answers are dropped.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api, ok, withSession, type ApiResponse } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

export type Region = ApiResponse<'/regions'>['items'][number];

/** Every province and regency/city, for searching without a connection (the service worker keeps the answer). */
const ALL_REGIONS = { level: 'province,regency', limit: 1000 } as const;
let allRegions: Promise<Region[]> | null = null;
function regionsForOffline(language: 'id' | 'en'): Promise<Region[]> {
  allRegions ??= ok(api.GET('/regions', { params: { query: ALL_REGIONS }, ...withSession(language) })).then((b) => b.items);
  allRegions.catch(() => (allRegions = null));
  return allRegions;
}
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * `offline`: also search the full list of provinces and regencies/cities when the network fails
 * (the public report form, which must work without a connection); the list is fetched once,
 * after the page has loaded, and kept by the service worker.
 */
export function RegionSearch({ onSelect, offline = false }: { onSelect(region: Region): void; offline?: boolean }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Region[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!offline) return;
    const warm = () => void regionsForOffline(language).catch(() => undefined);
    if (document.readyState === 'complete') setTimeout(warm, 1000);
    else addEventListener('load', () => setTimeout(warm, 1000), { once: true });
  }, [offline, language]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      setFailed(false);
      ok(api.GET('/regions', { params: { query: { level: 'province,regency', limit: 12, q } }, signal: controller.signal, ...withSession(language) }))
        .then((body) => {
          setResults(body.items);
          setActive(0);
        })
        .catch(async () => {
          if (controller.signal.aborted) return;
          if (offline) {
            const list = await regionsForOffline(language).catch(() => null);
            if (list && !controller.signal.aborted) {
              const folded = fold(q);
              setResults(list.filter((r) => fold(r.name).includes(folded) || r.code.startsWith(q)).slice(0, 12));
              setActive(0);
              return;
            }
          }
          setFailed(true);
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, language, offline]);

  const open = results !== null && query.trim().length >= 2;
  const choose = (region: Region | undefined) => {
    if (region) onSelect(region);
  };

  return (
    <div className="search">
      <label htmlFor="region-search">{t.searchLabel}</label>
      <input
        ref={inputRef}
        id="region-search"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && results?.length ? `${listId}-${active}` : undefined}
        placeholder={t.searchPlaceholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (!results?.length) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(results[active]);
          }
        }}
      />
      <p className="hint" aria-live="polite">
        {loading ? t.searching : failed ? t.loadError : query.trim().length < 2 ? t.searchHint : results?.length === 0 ? t.noResults : ''}
      </p>
      {open && results && results.length > 0 && (
        <ul className="results" role="listbox" id={listId}>
          {results.map((region, i) => (
            <li
              key={region.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(region);
              }}
            >
              <span className="result-name">{region.name}</span>
              <span className="result-meta">
                {region.level === 'province' ? t.province : region.parentName} · {region.code}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
