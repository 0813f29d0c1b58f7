import { z } from 'zod';
import type { Db } from '../db/client';
import { assistedFilings, type AssistedFilingRow, type UserRow } from '../db/schema';
import type { Applicant } from '../domain/applicant';
import type { AgencyDirectory } from './agency-directory';
import { claimableAttachments } from './attachment-records';
import { linkCitizen } from './citizen-accounts';
import { readsOf } from './prepared-reads';
import { spendConsentCode } from './consent-codes';
import { badRequest, HttpProblem } from './problem';

/**
 * A helper's submission says how the citizen consented (docs/assisted-filing.md): the SMS code
 * they read out (checked beforehand at POST /api/consent-codes/:id/verify), or the consent form
 * they signed, uploaded like any attachment.
 */
export const assistanceSchema = z.object({
  consent: z.discriminatedUnion('method', [
    z.object({ method: z.literal('sms-code'), codeId: z.string().min(1).max(64) }),
    z.object({ method: z.literal('signed-form'), attachmentId: z.string().min(1).max(64) }),
  ]),
});
export type Assistance = z.infer<typeof assistanceSchema>;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface PreparedAssistance {
  /** The citizen the dossier belongs to: they see it when they sign in. */
  applicantUserId: string;
  /** Uploads to attach to the dossier besides the form's (the signed consent form). */
  attachments: string[];
  /** Records the consent with the dossier, inside the submission's transaction. */
  record: (tx: Tx, dossierCode: string) => Promise<void>;
}

const notACitizen = () =>
  new HttpProblem(422, 'applicant-not-a-citizen', 'Applicant cannot be linked', "this personal ID number belongs to an account that is not an active citizen's: the dossier cannot be filed for it");

/**
 * Before a helper's submission: the citizen is linked or created by personal ID number exactly
 * as citizen sign-in does (api/citizen-accounts.ts), and the consent evidence is checked.
 */
export async function prepareAssistance(
  db: Db,
  agencies: AgencyDirectory,
  helper: Pick<UserRow, 'id' | 'fullName' | 'agencyCode'>,
  applicant: Applicant,
  assistance: Assistance,
  priorDossier?: string,
): Promise<PreparedAssistance> {
  const consent = assistance.consent;
  const attachments: string[] = [];
  if (consent.method === 'signed-form') {
    const [doc] = await claimableAttachments(db, helper.id, [consent.attachmentId], 'assistance.consent.attachmentId', priorDossier);
    if (!doc || !(doc.mimeType === 'application/pdf' || doc.mimeType.startsWith('image/'))) {
      throw badRequest('the signed consent form must be a PDF or an image', { errors: [{ field: 'assistance.consent.attachmentId', message: 'PDF or image' }] });
    }
    attachments.push(doc.id);
  }
  const link = await linkCitizen(db, { sub: `helper:${helper.id}`, personalId: applicant.idNumber, name: applicant.fullName });
  if (!link.ok) throw notACitizen();
  const commune = agencies.get(helper.agencyCode ?? '');
  return {
    applicantUserId: link.user.id,
    attachments,
    record: async (tx, dossierCode) => {
      const now = Date.now();
      const spent = consent.method === 'sms-code' ? await spendConsentCode(tx, helper.id, consent.codeId, applicant, dossierCode, now) : null;
      await tx.insert(assistedFilings).values({
        dossierCode,
        helperUserId: helper.id,
        helperName: helper.fullName,
        helperAgencyCode: helper.agencyCode ?? '',
        helperAgencyName: inSentence(commune?.name ?? helper.agencyCode ?? ''),
        citizenUserId: link.user.id,
        consentMethod: consent.method,
        consentedAt: spent?.verifiedAt ?? new Date(now),
        consentCodeId: spent?.id ?? null,
        consentCodeHash: spent?.codeHash ?? null,
        consentAttachmentId: consent.method === 'signed-form' ? consent.attachmentId : null,
      });
    },
  };
}

/**
 * "Ủy ban nhân dân xã Bát Xát" (the agency) → "xã Bát Xát": the commune as it reads after
 * "Tổ công nghệ số cộng đồng".
 */
export function inSentence(agencyName: string): string {
  const place = agencyName.replace(/^(Ủy|Uỷ) ban nhân dân /i, '').replace(/^UBND /, '');
  return /^(Xã|Phường|Thị trấn|Đặc khu) /.test(place) ? place.charAt(0).toLowerCase() + place.slice(1) : place;
}

export const assistedFilingOf = async (db: Db, dossierCode: string): Promise<AssistedFilingRow | undefined> =>
  (await readsOf(db).assistedFiling.execute({ code: dossierCode }))[0];

/**
 * How a dossier shows its helper: "Nộp với sự hỗ trợ của … (Tổ công nghệ số cộng đồng …)", and
 * the consent (method and time) for whoever reads the dossier's personal data.
 */
export function assistedView(row: AssistedFilingRow | undefined, showConsent: boolean) {
  if (!row) return null;
  return {
    helperName: row.helperName,
    communeCode: row.helperAgencyCode,
    communeName: row.helperAgencyName,
    text: `Nộp với sự hỗ trợ của ${row.helperName} (Tổ công nghệ số cộng đồng ${row.helperAgencyName})`,
    consent: showConsent ? { method: row.consentMethod, at: row.consentedAt.toISOString(), attachmentId: row.consentAttachmentId } : null,
  };
}
