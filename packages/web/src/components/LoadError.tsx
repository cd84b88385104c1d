import { commonMessages, useMessages } from '../lib/i18n.tsx';

export function LoadError({ error, onRetry }: { error: Error; onRetry(): void }) {
  const t = useMessages(commonMessages);
  return (
    <div className="alert" role="alert">
      <p>{error.message || t.loadError}</p>
      <button type="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
