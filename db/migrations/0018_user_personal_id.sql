ALTER TABLE "users" ADD COLUMN "personal_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_personal_id_key" UNIQUE("personal_id");