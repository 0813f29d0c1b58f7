import { Rich, useT } from './i18n';
import { day } from './text';

/**
 * The supplement's deadline, said wherever a supplement is asked: past it, the workflow cancels
 * the dossier by itself (the `supplement-expired` timer of domain/lifecycle/timers.ts), and a citizen who is not told loses the dossier.
 */
export function SupplementDeadline({ dueAt }: { dueAt: string | null | undefined }) {
 const t = useT();
  return (
    <p className="deadline" data-testid="supplement-due">
      {dueAt ? (
        <Rich k="supplement.due" parts={{ date: <strong>{day(dueAt)}</strong> }} />
      ) : (
        t('supplement.dueUnknown')
      )}
    </p>
  );
}
