import type { ProcedureDefinition } from '../domain/procedure';
import { birthRegistration } from './coded/birth-registration';
import { businessHousehold } from './coded/business-household';
import { certifiedCopy } from './coded/certified-copy';
import { constructionPermit } from './coded/construction-permit';
import { deathRegistration } from './coded/death-registration';
import { landCertificateReissue } from './coded/land-certificate-reissue';
import { landFirstCertificate } from './coded/land-first-certificate';
import { landTransferRegistration } from './coded/land-transfer-registration';
import { maritalStatus } from './coded/marital-status';
import { marriageRegistration } from './coded/marriage-registration';
import { permanentResidence } from './coded/permanent-residence';
import { socialPension } from './coded/social-pension';

/** The procedure registry: every procedure this system runs, one file each. */
export const PROCEDURES = [
  birthRegistration,
  marriageRegistration,
  deathRegistration,
  certifiedCopy,
  permanentResidence,
  socialPension,
  businessHousehold,
  landFirstCertificate,
  constructionPermit,
  maritalStatus,
  landTransferRegistration,
  landCertificateReissue,
] as const;

export type ProcedureCode = (typeof PROCEDURES)[number]['code'];

export const procedureCodes: readonly string[] = PROCEDURES.map((p) => p.code);

const byCode = new Map<string, ProcedureDefinition>(PROCEDURES.map((p) => [p.code, p as unknown as ProcedureDefinition]));

/** The procedure with this national code, or undefined. */
export function getProcedure(code: string): ProcedureDefinition | undefined {
  return byCode.get(code);
}

export {
  birthRegistration,
  businessHousehold,
  certifiedCopy,
  constructionPermit,
  deathRegistration,
  landCertificateReissue,
  landFirstCertificate,
  landTransferRegistration,
  maritalStatus,
  marriageRegistration,
  permanentResidence,
  socialPension,
};
export { certifiedCopyFee } from './coded/certified-copy';
