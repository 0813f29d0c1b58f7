CREATE TABLE "procedure_profiles" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"level" text NOT NULL,
	"department_code" text,
	"online_level" text NOT NULL,
	"portal_integrated" boolean NOT NULL,
	"changes" jsonb,
	"note" text,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_profiles_code_version_pk" PRIMARY KEY("code","version")
);
