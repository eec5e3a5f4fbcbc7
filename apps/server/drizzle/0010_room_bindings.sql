CREATE TABLE "room_bindings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"reviewer_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "room_bindings" ADD CONSTRAINT "room_bindings_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_bindings_project_status_idx" ON "room_bindings" USING btree ("company_id","project_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "room_bindings_pending_uq" ON "room_bindings" USING btree ("company_id","user_id","room_id") WHERE status = 'pending';