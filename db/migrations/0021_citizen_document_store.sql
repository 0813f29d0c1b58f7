CREATE TABLE "citizen_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"kind" text NOT NULL,
	"procedure_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"issued_code" text NOT NULL,
	"sha256" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "store_document_id" text;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_dossier_code_dossiers_code_fk" FOREIGN KEY ("dossier_code") REFERENCES "public"."dossiers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_issued_code_issued_documents_code_fk" FOREIGN KEY ("issued_code") REFERENCES "public"."issued_documents"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_documents_owner_id_issued_code_idx" ON "citizen_documents" USING btree ("owner_id","issued_code");--> statement-breakpoint
CREATE INDEX "citizen_documents_dossier_code_idx" ON "citizen_documents" USING btree ("dossier_code");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_store_document_id_citizen_documents_id_fk" FOREIGN KEY ("store_document_id") REFERENCES "public"."citizen_documents"("id") ON DELETE no action ON UPDATE no action;