import { useMessages } from '../../lib/i18n.tsx';
import { messages } from './messages.ts';
import type { Deadline } from './types.ts';

/** How urgent a deadline is, by days left in the rule's own counting. */
export function urgency(d: Pick<Deadline, 'remaining' | 'overdue'>): 'late' | 'today' | 'soon' | 'ok' {
  if (d.overdue) return 'late';
  if (d.remaining === 0) return 'today';
  return d.remaining <= 2 ? 'soon' : 'ok';
}

/** A deadline at a glance: colour by days left, "terlambat N hari" once passed, unsure rules marked. */
export function DeadlineBadge({ deadline, withLabel = false }: { deadline: Deadline | null; withLabel?: boolean }) {
  const t = useMessages(messages);
  if (!deadline) return <span className="muted">{t.noDeadline}</span>;
  const working = deadline.counting === 'working';
  const text = deadline.overdue ? t.daysLate(-deadline.remaining, working) : deadline.remaining === 0 ? t.dueToday : t.daysLeft(deadline.remaining, working);
  return (
    <span className={`deadline-badge deadline-${urgency(deadline)}`} title={deadline.basis.join('; ')}>
      {withLabel && <strong>{deadline.label}: </strong>}
      {text} · {deadline.due}
      {deadline.unsure && <em className="deadline-unsure"> {t.unsure}</em>}
    </span>
  );
}
