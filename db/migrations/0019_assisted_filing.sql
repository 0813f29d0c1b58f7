CREATE TABLE "assisted_filings" (
	"dossier_code" text PRIMARY KEY NOT NULL,
	"helper_user_id" text NOT NULL,
	"helper_name" text NOT NULL,
	"helper_agency_code" text NOT NULL,
	"helper_agency_name" text NOT NULL,
	"citizen_user_id" text NOT NULL,
	"consent_method" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"consent_code_id" text,
	"consent_code_hash" text,
	"consent_attachment_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"helper_user_id" text NOT NULL,
	"citizen_id_number" text NOT NULL,
	"citizen_phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"verified_at" timestamp with time zone,
	"dossier_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_codes_dossier_code_key" UNIQUE("dossier_code")
);
--> statement-breakpoint
CREATE TABLE "sms_inbound" (
	"message_id" text PRIMARY KEY NOT NULL,
	"sender" text NOT NULL,
	"reply_id" text NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "helper_user_id" text;--> statement-breakpoint
CREATE INDEX "assisted_filings_helper_user_id_idx" ON "assisted_filings" USING btree ("helper_user_id");--> statement-breakpoint
CREATE INDEX "consent_codes_helper_user_id_idx" ON "consent_codes" USING btree ("helper_user_id");--> statement-breakpoint
CREATE INDEX "dossiers_helper_user_id_idx" ON "dossiers" USING btree ("helper_user_id") WHERE helper_user_id is not null;