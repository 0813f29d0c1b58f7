import { recordEvent } from '../../activities/projection-store';
import type { Db } from '../../db/client';
import { submissions } from '../../db/schema';
import { seedAgencies, syncProcedures } from '../../db/seed';
import { createCalendar } from '../../domain/calendar';
import { submit } from '../../domain/lifecycle';
import type { DossierState } from '../../domain/lifecycle/state';
import { birthRegistration } from '../../procedures/coded/birth-registration';

/** The agencies and procedures a dossier refers to (foreign keys): what `npm start` seeds. */
export async function seedReferences(db: Db): Promise<void> {
  await seedAgencies(db);
  await syncProcedures(db);
}

/**
 * A birth registration submitted at ward 02647 and recorded as the worker records it, on a
 * migrated database: for suites that need a dossier row to hang payments, files or documents on.
 */
export async function recordedDossier(db: Db, code: string, now = Date.UTC(2026, 10, 23, 2, 0)): Promise<DossierState> {
  await seedReferences(db);
  const desk = { id: 'u-desk', role: 'desk-officer' as const, agencyCode: '02647' };
  await db.insert(submissions).values({
    dossierCode: code, requestHash: 'h', procedureCode: birthRegistration.code, agencyCode: '02647', channel: 'online',
    applicant: { fullName: 'Lù Thị Hoa', idNumber: '010203004567', phone: '0912345678' }, form: birthRegistration.example, submittedBy: desk,
  });
  const first = submit(
    { code, procedure: birthRegistration, channel: 'online', applicantUserId: null, agencyCode: '02647', submittedBy: { ...desk, role: 'citizen', agencyCode: null } },
    { procedure: birthRegistration, calendar: createCalendar(), now },
  );
  await recordEvent(db, first);
  return first.state;
}
