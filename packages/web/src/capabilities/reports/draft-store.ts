/**
 * Where a report being written is kept. The public form keeps its draft — text AND the chosen
 * photos — in IndexedDB (idb-keyval), so it survives a reload, a closed tab, a phone without a
 * connection, and is sent from there when the connection returns. The officers' intake keeps
 * text only, per tab, in sessionStorage (an office computer is shared; files stay in memory).
 * Storage that is full or disabled (private mode) degrades to memory: nothing breaks.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export type DraftPersistence = 'device' | 'tab';

export interface StoredDraft<T> {
  draft: Partial<T> | null;
  files: File[];
}

let store: UseStore | null = null;
const drafts = () => (store ??= createStore('netra', 'drafts'));

export async function loadDraft<T>(key: string, persistence: DraftPersistence): Promise<StoredDraft<T>> {
  try {
    if (persistence === 'tab') {
      const saved = sessionStorage.getItem(key);
      return { draft: saved ? (JSON.parse(saved) as Partial<T>) : null, files: [] };
    }
    const saved = await get<{ draft: Partial<T>; files?: File[] }>(key, drafts());
    return { draft: saved?.draft ?? null, files: saved?.files ?? [] };
  } catch {
    return { draft: null, files: [] };
  }
}

export async function saveDraft<T>(key: string, persistence: DraftPersistence, draft: T, files: readonly File[]): Promise<void> {
  try {
    if (persistence === 'tab') sessionStorage.setItem(key, JSON.stringify(draft));
    else await set(key, { draft, files: [...files] }, drafts());
  } catch {
    // Full or disabled: the draft still lives in memory.
  }
}

export async function clearDraft(key: string, persistence: DraftPersistence): Promise<void> {
  try {
    if (persistence === 'tab') sessionStorage.removeItem(key);
    else await del(key, drafts());
  } catch {
    // Nothing stored.
  }
}
