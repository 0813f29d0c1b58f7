import type { Guard } from './kind';

/** Reception and delivery happen at the desk that received the dossier (the one-stop shop). */
export const atReceivingDesk: Guard = (s) =>
  s.agencyCode === s.receivingAgencyCode ? null : 'only the receiving agency can do this';

/** A province-level dossier is worked on by the deciding department, not the commune that received it. */
export const atDecidingAgency: Guard = (s, p) =>
  p.level === 'province' && s.agencyCode === s.receivingAgencyCode
    ? 'this procedure is decided at province level: forward it first'
    : null;
