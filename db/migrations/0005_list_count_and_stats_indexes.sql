DROP INDEX "dossiers_created_at_idx";--> statement-breakpoint
DROP INDEX "dossiers_open_due_at_idx";--> statement-breakpoint
CREATE INDEX "dossiers_open_agency_code_due_at_idx" ON "dossiers" USING btree ("agency_code","due_at","receiving_agency_code") WHERE finished_at is null;--> statement-breakpoint
CREATE INDEX "dossiers_created_at_stats_idx" ON "dossiers" USING btree ("created_at","agency_code","receiving_agency_code","status","channel","paid","paid_online","finished_at","due_at","received_at","rating");--> statement-breakpoint
CREATE INDEX "dossiers_open_due_at_idx" ON "dossiers" USING btree ("due_at","status","agency_code","receiving_agency_code") WHERE finished_at is null;--> statement-breakpoint
-- Every list carries the caller's scope, (receiving_agency_code IN (...) OR agency_code IN (...)),
-- on top of its own filter, often agency_code = the officer's own. Taken as independent, the two
-- estimate ~10x too few rows and the planner sorts a bitmap scan instead of walking an index in
-- due-date order; a joint MCV list over the two columns gives it the real figures.
CREATE STATISTICS IF NOT EXISTS "dossiers_agency_code_receiving_agency_code_stats" (mcv) ON "agency_code", "receiving_agency_code" FROM "dossiers";
