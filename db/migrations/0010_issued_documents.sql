CREATE TABLE "issued_documents" (
	"code" text PRIMARY KEY NOT NULL,
	"dossier_code" text NOT NULL,
	"kind" text NOT NULL,
	"data_sha256" text NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"signer" text NOT NULL,
	"cert_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_dossier_code_kind_data_sha256_idx" ON "issued_documents" USING btree ("dossier_code","kind","data_sha256");