import { useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';

/** Previous / next with "from–to of total". */
export function Pager({ total, shown, limit, offset, onChange }: { total: number; shown: number; limit: number; offset: number; onChange(offset: number): void }) {
  const t = useMessages(messages);
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="scr-pager">
      <button type="button" className="scr-secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t.previous}
      </button>
      <span className="muted">{t.range(offset + 1, offset + shown, total)}</span>
      <button type="button" className="scr-secondary" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        {t.next}
      </button>
    </nav>
  );
}
