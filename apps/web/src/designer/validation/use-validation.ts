import { useEffect } from 'react';
import { validateLocally } from '../model/pure-libs';
import { useDesignerStore } from '../store/designer.store';

export const VALIDATION_DELAY_MS = 300;

/**
 * Live validation: a short while after the last edit, runs validateDefinition (the
 * same checks the server runs, in the browser) and puts the problems in the store.
 */
export function useValidation(): void {
  const definition = useDesignerStore((s) => s.definition);
  const setProblems = useDesignerStore((s) => s.setProblems);

  useEffect(() => {
    const timer = setTimeout(() => setProblems(validateLocally(definition).problems), VALIDATION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition, setProblems]);
}
