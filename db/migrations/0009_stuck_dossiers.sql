ALTER TABLE "dossiers" ADD COLUMN "stuck_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "stuck_kind" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "stuck_reason" text;--> statement-breakpoint
CREATE INDEX "dossiers_stuck_at_idx" ON "dossiers" USING btree ("stuck_at","agency_code") WHERE stuck_at is not null;