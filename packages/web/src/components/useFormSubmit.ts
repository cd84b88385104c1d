/**
 * The state every console form keeps around a request: busy while it runs, the server's messages
 * by field, and a message for the whole form when the server named no field.
 */
import { useState } from 'react';
import { fieldErrors } from '../lib/api.ts';

export interface FormSubmit {
  busy: boolean;
  errors: Record<string, string>;
  failure: string | null;
  /** Runs `work` (which does what follows a success itself); false when it failed, with errors and failure set. */
  run(work: () => Promise<void>): Promise<boolean>;
  /** Forgets the messages (e.g. when the form is reset). */
  clear(): void;
}

export function useFormSubmit(): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const clear = () => {
    setErrors({});
    setFailure(null);
  };
  async function run(work: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      setErrors({});
      return true;
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, errors, failure, run, clear };
}
