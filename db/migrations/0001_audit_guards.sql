-- Extensions for search with or without Vietnamese diacritics (PGlite loads them as plugins).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dossiers_search_text_trgm_idx" ON "dossiers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- The audit trail is insert-only: the application can append, never rewrite history.
CREATE OR REPLACE FUNCTION dossier_events_insert_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'dossier_events is insert-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE OR DELETE ON "dossier_events"
  FOR EACH ROW EXECUTE FUNCTION dossier_events_insert_only();--> statement-breakpoint
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON "dossier_events"
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_events_insert_only();
