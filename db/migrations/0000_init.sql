CREATE TABLE "agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"kind" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"agency_code" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"code" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"fee" integer NOT NULL,
	"working_days" integer NOT NULL,
	"full_process_online" boolean NOT NULL,
	"portal_integrated" boolean NOT NULL,
	"search_text" text NOT NULL,
	"definition" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_sequences" (
	"agency_code" text NOT NULL,
	"day" text NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"code" text PRIMARY KEY NOT NULL,
	"procedure_code" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"applicant_email" text,
	"applicant_address" text,
	"applicant_user_id" text,
	"form" jsonb NOT NULL,
	"receiving_agency_code" text NOT NULL,
	"agency_code" text NOT NULL,
	"assignee_id" text,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"stage_due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"fee" integer NOT NULL,
	"paid" boolean DEFAULT false NOT NULL,
	"paid_online" boolean DEFAULT false NOT NULL,
	"rating" integer,
	"state" jsonb NOT NULL,
	"last_seq" integer NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"dossier_code" text PRIMARY KEY NOT NULL,
	"idempotency_key" text,
	"request_hash" text NOT NULL,
	"procedure_code" text NOT NULL,
	"agency_code" text NOT NULL,
	"channel" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"applicant_user_id" text,
	"form" jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" text PRIMARY KEY NOT NULL,
	"dossier_code" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_agency_code" text,
	"agency_code" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"dossier_code" text NOT NULL,
	"amount" integer NOT NULL,
	"method" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"dossier_code" text,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"dossier_code" text NOT NULL,
	"event_seq" integer NOT NULL,
	"channel" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "agencies_parent_code_idx" ON "agencies" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "users_agency_code_idx" ON "users" USING btree ("agency_code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_sequences_agency_code_day_idx" ON "dossier_sequences" USING btree ("agency_code","day");--> statement-breakpoint
CREATE INDEX "dossiers_agency_code_status_due_at_idx" ON "dossiers" USING btree ("agency_code","status","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_agency_code_status_idx" ON "dossiers" USING btree ("receiving_agency_code","status");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_id_status_idx" ON "dossiers" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_procedure_code_status_idx" ON "dossiers" USING btree ("procedure_code","status");--> statement-breakpoint
CREATE INDEX "dossiers_open_due_at_idx" ON "dossiers" USING btree ("due_at") WHERE finished_at is null;--> statement-breakpoint
CREATE INDEX "dossiers_applicant_user_id_idx" ON "dossiers" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "dossiers_created_at_idx" ON "dossiers" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_events_dossier_code_seq_idx" ON "dossier_events" USING btree ("dossier_code","seq");--> statement-breakpoint
CREATE INDEX "dossier_events_type_at_idx" ON "dossier_events" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "payments_dossier_code_idx" ON "payments" USING btree ("dossier_code");--> statement-breakpoint
CREATE INDEX "documents_dossier_code_idx" ON "documents" USING btree ("dossier_code");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dossier_code_event_seq_channel_idx" ON "outbox" USING btree ("dossier_code","event_seq","channel");--> statement-breakpoint
CREATE INDEX "outbox_status_next_attempt_at_idx" ON "outbox" USING btree ("status","next_attempt_at");