import { Link } from 'wouter';
import { formatDateRange } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { transparencyHref } from '../transparency/href.ts';
import { messages } from './messages.ts';
import type { Calendar } from './types.ts';

/**
 * One election's stages for a region, with the stage on the chosen date highlighted, and (except
 * on the transparency page itself) a link to the region's public neutrality figures.
 */
export function ElectionTimeline({ calendar, linkTransparency = true }: { calendar: Calendar; linkTransparency?: boolean }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const statusLabel = { past: t.stagePast, current: t.stageCurrent, upcoming: t.stageUpcoming };
  const range = (start: string, end: string) => formatDateRange(start, end, language);
  return (
    <section className="election" aria-labelledby={`election-${calendar.election.id}`} data-election={calendar.election.id}>
      <h3 id={`election-${calendar.election.id}`}>{calendar.election.name}</h3>
      {!calendar.participates ? (
        <p className="muted">{t.notParticipating}</p>
      ) : (
        <>
          <div className={`now ${calendar.critical ? 'now-critical' : ''}`} data-testid="current-stage">
            {calendar.stage ? (
              <>
                <span className="now-label">{t.currentStage}</span>
                <strong className="now-stage">{calendar.stage.name}</strong>
                <span className="now-dates">{range(calendar.stage.start, calendar.stage.end)}</span>
                {calendar.critical && (
                  <span className="badge badge-critical" title={t.criticalHint}>
                    ⚠ {t.critical}
                  </span>
                )}
              </>
            ) : (
              <span>{calendar.phase === 'before' ? t.before : calendar.phase === 'after' ? t.after : t.noCurrentStage}</span>
            )}
            {calendar.nextStage && calendar.daysUntilNextStage !== null && (
              <span className="now-next">
                {t.nextStage}: <strong>{calendar.nextStage.name}</strong> ({t.daysUntil(calendar.daysUntilNextStage)})
              </span>
            )}
          </div>
          <ol className="timeline">
            {calendar.stages.map((stage) => {
              const isCurrent = calendar.stage?.code === stage.code;
              return (
                <li
                  key={stage.code}
                  className={`stage stage-${stage.status} ${isCurrent ? 'stage-highlight' : ''} ${stage.critical ? 'stage-critical' : ''}`}
                  aria-current={isCurrent ? 'step' : undefined}
                  data-stage={stage.code}
                >
                  <span className="stage-dot" aria-hidden="true" />
                  <span className="stage-name">{stage.name}</span>
                  <span className="stage-dates">{range(stage.start, stage.end)}</span>
                  <span className="stage-tags">
                    <span className={`tag tag-${stage.status}`}>{statusLabel[stage.status]}</span>
                    {stage.critical && <span className="tag tag-critical">{t.critical}</span>}
                  </span>
                </li>
              );
            })}
          </ol>
          {linkTransparency && calendar.region && (
            <p className="election-transparency">
              <Link href={transparencyHref(calendar.election.id, calendar.region.code)} data-testid="transparency-link">
                {t.transparency}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
