/**
 * What a list shows when it has nothing: a short sentence, and optionally what to do about it
 * (a link or a button). Pages with their own look pass their class.
 */
import type { ReactNode } from 'react';
import './kit.css';

export interface EmptyStateProps {
  children: ReactNode;
  /** What to do about it; the sentence and the action then stand in a <div> as two paragraphs. */
  action?: ReactNode;
  className?: string;
  /** The element of a sentence without action (a paragraph, or a box without paragraph spacing). */
  as?: 'p' | 'div';
}

export function EmptyState({ children, action, className = 'kit-empty', as: Element = 'p' }: EmptyStateProps) {
  if (action === undefined) return <Element className={className}>{children}</Element>;
  return (
    <div className={className}>
      <p>{children}</p>
      {action && <p>{action}</p>}
    </div>
  );
}
