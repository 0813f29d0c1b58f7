ALTER TABLE "submissions" ADD COLUMN "workflow_started_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "submissions_unstarted_idx" ON "submissions" USING btree ("created_at") WHERE "submissions"."workflow_started_at" is null;--> statement-breakpoint
-- Every submission stored before this column existed had its workflow started in the same request.
UPDATE "submissions" SET "workflow_started_at" = "created_at" WHERE "workflow_started_at" IS NULL;
