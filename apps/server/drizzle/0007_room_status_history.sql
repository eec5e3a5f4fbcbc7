CREATE TABLE "room_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"status" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_status_history_range" CHECK ("room_status_history"."valid_to" is null or "room_status_history"."valid_to" >= "room_status_history"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "room_status_history" ADD CONSTRAINT "room_status_history_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_status_history_room_idx" ON "room_status_history" USING btree ("company_id","room_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "room_status_history_open_uq" ON "room_status_history" USING btree ("company_id","room_id") WHERE valid_to is null;