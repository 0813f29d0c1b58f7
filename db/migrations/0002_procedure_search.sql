-- Procedure finder (issue 6): full-text search over the catalogue, with or without diacritics.
-- unaccent() is only STABLE (it reads a dictionary), so an IMMUTABLE wrapper with the dictionary
-- named explicitly lets indexes use it. Names are schema-qualified: PostgreSQL 17 runs index
-- expressions with a search_path of pg_catalog only. lower() first: unaccent folds 'đ' but not 'Đ' everywhere.
CREATE OR REPLACE FUNCTION motcua_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower(t)) $$;--> statement-breakpoint
-- The document a query is matched against: the official name weighs more (A) than the field and
-- the plain words citizens use (B, already folded in search_text by the seed).
CREATE OR REPLACE FUNCTION procedure_search_vector(name_vi text, search_text text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('simple'::regconfig, public.motcua_fold(coalesce(name_vi, ''))), 'A')
            || setweight(to_tsvector('simple'::regconfig, public.motcua_fold(coalesce(search_text, ''))), 'B') $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "procedures_search_vector_idx" ON "procedures" USING gin (public.procedure_search_vector("name_vi", "search_text"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "procedures_search_text_trgm_idx" ON "procedures" USING gin ("search_text" gin_trgm_ops);
