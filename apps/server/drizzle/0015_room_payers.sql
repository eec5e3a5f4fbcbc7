CREATE TABLE "room_payers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"fee_category" text NOT NULL,
	"payer" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_payers_range" CHECK ("room_payers"."valid_to" is null or "room_payers"."valid_to" >= "room_payers"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "room_payers" ADD CONSTRAINT "room_payers_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_payers_room_idx" ON "room_payers" USING btree ("company_id","room_id","fee_category","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "room_payers_open_uq" ON "room_payers" USING btree ("company_id","room_id","fee_category") WHERE valid_to is null;