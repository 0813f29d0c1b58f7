-- Foreign keys: dossiers → agencies and procedures; events, payments, attachments (documents) and
-- issued documents → dossiers; users → agencies. A database that already has data may hold rows
-- that refer to nothing (written before these constraints): each key is added NOT VALID (new and
-- changed rows are checked from now on), then validated only if no existing row breaks it. A key
-- with orphans stays NOT VALID, the rows are kept (the audit trail is never rewritten), and the
-- start logs it (db/foreign-keys.ts); docs/operations.md, "Foreign keys", says how to find and fix
-- them, and how to build these keys ahead of the upgrade on a large table.
-- Idempotent: a key already added (for example by hand, as that section describes) is left as is.
DO $$
DECLARE
  fk record;
  orphans bigint;
BEGIN
  FOR fk IN SELECT * FROM (VALUES
    ('users', 'users_agency_code_agencies_code_fk', 'agency_code', 'agencies', 'code'),
    ('dossiers', 'dossiers_procedure_code_procedures_code_fk', 'procedure_code', 'procedures', 'code'),
    ('dossiers', 'dossiers_receiving_agency_code_agencies_code_fk', 'receiving_agency_code', 'agencies', 'code'),
    ('dossiers', 'dossiers_agency_code_agencies_code_fk', 'agency_code', 'agencies', 'code'),
    ('dossiers', 'dossiers_result_agency_code_agencies_code_fk', 'result_agency_code', 'agencies', 'code'),
    ('dossier_events', 'dossier_events_dossier_code_dossiers_code_fk', 'dossier_code', 'dossiers', 'code'),
    ('payments', 'payments_dossier_code_dossiers_code_fk', 'dossier_code', 'dossiers', 'code'),
    ('documents', 'documents_dossier_code_dossiers_code_fk', 'dossier_code', 'dossiers', 'code'),
    ('issued_documents', 'issued_documents_dossier_code_dossiers_code_fk', 'dossier_code', 'dossiers', 'code')
  ) AS t(tbl, name, col, ref, refcol)
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = fk.name AND conrelid = format('public.%I', fk.tbl)::regclass) THEN
      EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I FOREIGN KEY (%I) REFERENCES public.%I(%I) NOT VALID',
        fk.tbl, fk.name, fk.col, fk.ref, fk.refcol);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = fk.name AND conrelid = format('public.%I', fk.tbl)::regclass AND NOT convalidated) THEN
      EXECUTE format('SELECT count(*) FROM public.%I c WHERE c.%I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.%I p WHERE p.%I = c.%I)',
        fk.tbl, fk.col, fk.ref, fk.refcol, fk.col) INTO orphans;
      IF orphans = 0 THEN
        EXECUTE format('ALTER TABLE public.%I VALIDATE CONSTRAINT %I', fk.tbl, fk.name);
      ELSE
        RAISE WARNING '% row(s) of % refer to no row of % (%): the key checks new rows only until they are fixed (docs/operations.md, "Foreign keys")',
          orphans, fk.tbl, fk.ref, fk.name;
      END IF;
    END IF;
  END LOOP;
END $$;
