/**
 * The API's answers as TypeScript types, inferred from the zod schemas that also make the OpenAPI
 * document (api/openapi-responses.ts): one source for the server, the back office and the
 * portal. The UIs import this file with `import type` only, so no server code (nor zod) reaches
 * their bundles; it therefore imports nothing but types itself.
 */
import type { z } from 'zod';
import type * as out from './openapi-responses';

export type Localized = z.infer<typeof out.procedureResponse>['name'];
export type Dossier = z.infer<typeof out.dossierResponse>;
/** A row of GET /dossiers: what a list shows (no form, no stage records, no allowed actions). */
export type DossierListItem = z.infer<typeof out.dossierListItemResponse>;
/** GET /dossiers/:code: the dossier page (the list's rows have neither). */
export type DossierWithAttachments = z.infer<typeof out.dossierWithAttachmentsResponse>;
export type AgencyShare = Dossier['shares'][number];
export type DossierEvent = z.infer<typeof out.dossierEventResponse>;
export type Attachment = z.infer<typeof out.attachmentResponse>;
/** POST /attachments: the stored file, named by id in a submission or a supplement. */
export type Upload = z.infer<typeof out.uploadedResponse>;
/** GET /my-documents: a document of the citizen's store (api/citizen-store.ts). */
export type StoreDocument = z.infer<typeof out.storeDocumentResponse>;
export type StuckDossier = z.infer<typeof out.stuckDossierResponse>;
export type Agency = z.infer<typeof out.agencyResponse>;
export type User = z.infer<typeof out.userResponse>;
export type Session = z.infer<typeof out.loginResponse>;
export type SessionUser = Session['user'];
export type Payment = z.infer<typeof out.paymentResponse>;
export type PublicDossier = z.infer<typeof out.publicDossierResponse>;
export type DocumentVerification = z.infer<typeof out.documentVerificationResponse>;
export type PublicStats = z.infer<typeof out.publicStatsResponse>;
export type ProcedureField = z.infer<typeof out.procedureFieldResponse>;
export type Advice = z.infer<typeof out.adviceResponse>;
export type CalendarDue = z.infer<typeof out.calendarDueResponse>;
export type ProfileVersion = z.infer<typeof out.profileVersionResponse>;
/** POST /procedures/:code/profile (and its dry run): the new version, and the rules version it publishes (null: none). */
export type ProfileSaved = z.infer<typeof out.procedureProfileResponse>;
/** GET /procedures/:code/profile: the current version with its history and the departments that may decide. */
export type ProcedureProfile = ProfileSaved & Required<Pick<ProfileSaved, 'history' | 'departments'>>;

/**
 * The part of JSON Schema the form schemas use (zod's `toJSONSchema` of a procedure's form, plus
 * each choice's display words in `optionLabels`, domain/form-choices.ts). The response schema
 * leaves `formSchema` an open object; this is how the forms read it.
 */
export interface FormJsonSchema {
  type?: string;
  format?: string;
  enum?: (string | number)[];
  optionLabels?: Record<string, string>;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: FormJsonSchema;
  properties?: Record<string, FormJsonSchema>;
  required?: string[];
}

/** A procedure with its form schema typed for the forms that render it. */
export type Procedure = Omit<z.infer<typeof out.procedureResponse>, 'formSchema'> & { formSchema: FormJsonSchema & { properties: Record<string, FormJsonSchema> } };
