/**
 * Filters, tabs and pages that live in the page's address (so a view can be linked and survives a
 * reload): the current parameters, and `update` that sets or (with null or '') removes several at
 * once. With `page`, any change that does not name the page parameter goes back to the first page.
 */
import { useSearchParams } from 'wouter';

export function useQueryParams(options: { page?: string } = {}): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (options.page && !(options.page in changes)) next.delete(options.page);
      return next;
    });
  return [params, update];
}
