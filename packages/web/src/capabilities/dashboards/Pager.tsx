import { useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

/** Previous / next over `total` items shown `limit` at a time from `offset`. */
export function Pager({ total, limit, offset, onChange }: { total: number; limit: number; offset: number; onChange(offset: number): void }) {
  const t = useMessages(messages);
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  const page = Math.floor(offset / limit) + 1;
  return (
    <nav className="dash-pager" aria-label={t.page(page, pages)}>
      <button type="button" className="dash-secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t.previous}
      </button>
      <span>{t.page(page, pages)}</span>
      <button type="button" className="dash-secondary" disabled={page >= pages} onClick={() => onChange(offset + limit)}>
        {t.next}
      </button>
    </nav>
  );
}
