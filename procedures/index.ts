import { readFileSync } from 'node:fs';
import type { ProcedureDefinition } from '../domain/procedure';
import { parseCatalogue } from './catalogue/catalogue-file';
import type { Procedure as CatalogueProcedure } from './catalogue/types';
import { genericDefinition } from './generic';
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

/** The coded procedures: their own form and stages, one file each; each overrides the catalogue entry of its code. */
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

const coded = new Map<string, ProcedureDefinition>(PROCEDURES.map((p) => [p.code, p as unknown as ProcedureDefinition]));

let catalogue: Map<string, CatalogueProcedure> | undefined;
/** The national catalogue's offered procedures (procedures/catalogue/), read once on first use. */
export function catalogueEntries(): Map<string, CatalogueProcedure> {
  catalogue ??= new Map(parseCatalogue(readFileSync(new URL('./catalogue/catalogue.jsonl', import.meta.url), 'utf8')).map((p) => [p.code, p]));
  return catalogue;
}

const generic = new Map<string, ProcedureDefinition>();

/** The procedure with this national code — coded, else generic from the catalogue — or undefined. */
export function getProcedure(code: string): ProcedureDefinition | undefined {
  const own = coded.get(code);
  if (own) return own;
  let def = generic.get(code);
  if (!def) {
    const entry = catalogueEntries().get(code);
    if (!entry) return undefined;
    def = genericDefinition(entry) as unknown as ProcedureDefinition;
    generic.set(code, def);
  }
  return def;
}

export const isCoded = (code: string) => coded.has(code);

/** Every procedure the province offers: the coded ones, then the rest of the catalogue by code. */
export function allProcedures(): ProcedureDefinition[] {
  const rest = [...catalogueEntries().keys()].filter((c) => !coded.has(c)).sort();
  return [...coded.values(), ...rest.map((c) => getProcedure(c)!)];
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
