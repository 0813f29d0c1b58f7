DROP INDEX "dossiers_created_at_stats_idx";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "timeliness" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result_agency_code" text;--> statement-breakpoint
CREATE INDEX "dossiers_timeliness_idx" ON "dossiers" USING btree ("result_agency_code","procedure_code","timeliness") WHERE timeliness is not null;--> statement-breakpoint
CREATE INDEX "dossiers_created_at_stats_idx" ON "dossiers" USING btree ("created_at","agency_code","receiving_agency_code","status","channel","paid","paid_online","finished_at","due_at","received_at","rating","timeliness");--> statement-breakpoint
-- Dossiers already classified in their state (none before this change; safe to run again).
UPDATE "dossiers" SET "timeliness" = "state"->>'timeliness', "result_agency_code" = "state"->>'resultAgencyCode' WHERE "state"->>'timeliness' IS NOT NULL AND "timeliness" IS NULL;
