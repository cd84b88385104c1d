/**
 * What a list shows when it has nothing: a short sentence, and optionally what to do about it
 * (a link or a button). Pages with their own look pass their class.
 */
import type { ReactNode } from 'react';
import './kit.css';

export function EmptyState({ children, action, className = 'kit-empty' }: { children: ReactNode; action?: ReactNode; className?: string }) {
  if (action === undefined) return <p className={className}>{children}</p>;
  return (
    <div className={className}>
      <p>{children}</p>
      {action && <p>{action}</p>}
    </div>
  );
}
