ALTER TABLE "procedures" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.procedure_search_vector(name_vi, search_text)) STORED;--> statement-breakpoint
CREATE INDEX "procedures_search_vector_gin_idx" ON "procedures" USING gin ("search_vector");--> statement-breakpoint
-- The finder now matches the stored column: the expression index of 0002 is no longer used.
DROP INDEX IF EXISTS "procedures_search_vector_idx";