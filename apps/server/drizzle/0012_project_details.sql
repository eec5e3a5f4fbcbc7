ALTER TABLE "projects" ADD COLUMN "type" text DEFAULT 'residential' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "longitude" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "latitude" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "land_area" bigint;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "floor_area" bigint;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "developer" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "contract_start" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "contract_end" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "manager_membership_id" uuid;