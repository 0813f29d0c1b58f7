import type { ProcedureDefinition } from '../../domain/procedure';
import { birthRegistration } from './birth-registration';
import { businessHousehold } from './business-household';
import { certifiedCopy } from './certified-copy';
import { constructionPermit } from './construction-permit';
import { deathRegistration } from './death-registration';
import { landCertificateReissue } from './land-certificate-reissue';
import { landFirstCertificate } from './land-first-certificate';
import { landTransferRegistration } from './land-transfer-registration';
import { maritalStatus } from './marital-status';
import { marriageRegistration } from './marriage-registration';
import { permanentResidence } from './permanent-residence';
import { socialPension } from './social-pension';

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
export { certifiedCopyFee } from './certified-copy';
