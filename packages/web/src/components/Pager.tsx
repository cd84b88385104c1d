/**
 * Previous / next over a list the server pages with `limit` and `offset`. Two ways to say where
 * one is: "Page 2 of 7" (the default), or "26–50 of 173" when the page passes `shown` (how many
 * items this page holds). Hidden when everything fits on one page.
 */
import { useMessages } from '../lib/i18n.tsx';
import { kitMessages } from './messages.ts';
import './kit.css';

export interface PagerProps {
  total: number;
  limit: number;
  offset: number;
  onChange(offset: number): void;
  /** Items on this page: switches the label to "from–to of total". */
  shown?: number;
  /** The bar's class (default `kit-pager`). */
  className?: string;
  /** The buttons' class, for a page whose buttons have their own look. */
  buttonClassName?: string;
}

export function Pager({ total, limit, offset, onChange, shown, className = 'kit-pager', buttonClassName }: PagerProps) {
  const t = useMessages(kitMessages);
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const ranged = shown !== undefined;
  if (ranged ? total <= limit && offset === 0 : pages <= 1) return null;
  const label = ranged ? t.range(offset + 1, offset + shown, total) : t.page(page, pages);
  const atEnd = ranged ? offset + limit >= total : page >= pages;
  return (
    <nav className={className} aria-label={label}>
      <button type="button" className={buttonClassName} disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t.previous}
      </button>
      <span className={ranged ? 'muted' : undefined}>{label}</span>
      <button type="button" className={buttonClassName} disabled={atEnd} onClick={() => onChange(offset + limit)}>
        {t.next}
      </button>
    </nav>
  );
}
