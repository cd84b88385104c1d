import { Link } from 'wouter';
import { commonMessages, useMessages } from '../lib/i18n.tsx';

export function NotFoundPage() {
  const t = useMessages(commonMessages);
  return (
    <section>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <Link href="/">{t.navHome}</Link>
    </section>
  );
}
