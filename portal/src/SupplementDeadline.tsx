import { day } from './text';

/**
 * The supplement's deadline, said wherever a supplement is asked: past it, the workflow cancels
 * the dossier by itself (the `supplement-expired` timer of domain/lifecycle/timers.ts), and a citizen who is not told loses the dossier.
 */
export function SupplementDeadline({ dueAt }: { dueAt: string | null | undefined }) {
  return (
    <p className="deadline" data-testid="supplement-due">
      {dueAt ? (
        <>
          Hạn bổ sung: <strong>{day(dueAt)}</strong>; quá hạn hồ sơ sẽ bị hủy.
        </>
      ) : (
        'Ông/Bà cần bổ sung trong thời hạn ghi trên phiếu yêu cầu bổ sung; quá hạn hồ sơ sẽ bị hủy.'
      )}
    </p>
  );
}
