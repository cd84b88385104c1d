/**
 * A titled part of a page: a <section> named by its heading (so screen readers list it), with
 * room beside the heading for actions such as export buttons.
 */
import { useId, type ReactNode } from 'react';
import './kit.css';

export interface PageSectionProps {
  title: ReactNode;
  /** The heading's id (made up when not given); tests and links may point at it. */
  id?: string;
  /** Beside the heading (e.g. export buttons). */
  actions?: ReactNode;
  /** The section's class (default `kit-section`; `card` for a plain card; '' for none). */
  className?: string;
  level?: 2 | 3;
  children?: ReactNode;
}

export function PageSection({ title, id, actions, className = 'kit-section', level = 2, children }: PageSectionProps) {
  const madeUp = useId();
  const headingId = id ?? madeUp;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={className || undefined} aria-labelledby={headingId}>
      <header>
        <Heading id={headingId}>{title}</Heading>
        {actions}
      </header>
      {children}
    </section>
  );
}
