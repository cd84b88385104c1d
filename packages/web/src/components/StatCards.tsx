/**
 * A row of headline figures as a description list: each card a label (<dt>) and its value
 * (<dd>), optionally a detail under it and a tone (bad or good) that the page's style marks.
 */
import type { ReactNode } from 'react';
import './kit.css';

export interface Stat {
  /** Unique among the cards (defaults to the label when that is text). */
  key?: string;
  label: ReactNode;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'bad' | 'good';
  /** data-testid of the value. */
  testId?: string;
}

export interface StatCardsProps {
  items: readonly Stat[];
  /** The list's class (default `kit-stats`). */
  className?: string;
  /** Each card's class; a toned card also gets `<cardClassName>-<tone>` (or just the tone without one). */
  cardClassName?: string;
  /** Set each value in <strong> (figures beside a detail line). */
  strong?: boolean;
}

export function StatCards({ items, className = 'kit-stats', cardClassName, strong = false }: StatCardsProps) {
  return (
    <dl className={className}>
      {items.map((item, index) => {
        const tone = item.tone && (cardClassName ? `${cardClassName}-${item.tone}` : item.tone);
        return (
          <div key={item.key ?? (typeof item.label === 'string' ? item.label : index)} className={[cardClassName, tone].filter(Boolean).join(' ') || undefined}>
            <dt>{item.label}</dt>
            <dd data-testid={item.testId}>
              {strong ? <strong>{item.value}</strong> : item.value}
              {item.detail != null && item.detail !== false && item.detail !== '' && <span>{item.detail}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
