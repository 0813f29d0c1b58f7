CREATE TABLE "procedure_versions" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"changes" jsonb,
	"note" text,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_versions_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
CREATE TABLE "seed_marks" (
	"name" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures" ALTER COLUMN "working_days" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "procedures" ALTER COLUMN "working_days" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "field_vi" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "online_level" text DEFAULT 'counter' NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "coded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "calendar_days" integer;--> statement-breakpoint
CREATE INDEX "procedures_field_vi_idx" ON "procedures" USING btree ("field_vi");--> statement-breakpoint
CREATE INDEX "procedures_level_idx" ON "procedures" USING btree ("level");