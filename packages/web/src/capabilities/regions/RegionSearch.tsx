/**
 * An accessible combobox over the regions API: type, arrow through the matches, Enter or click
 * to open the region. Requests are debounced and stale answers are dropped.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api, ok, withSession, type ApiResponse } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

export type Region = ApiResponse<'/regions'>['items'][number];

export function RegionSearch({ onSelect }: { onSelect(region: Region): void }) {
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
        .catch(() => {
          if (!controller.signal.aborted) setFailed(true);
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, language]);

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
