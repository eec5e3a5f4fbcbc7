CREATE TABLE "room_moves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "room_moves" ADD CONSTRAINT "room_moves_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_moves" ADD CONSTRAINT "room_moves_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_moves_room_idx" ON "room_moves" USING btree ("company_id","room_id","date");--> statement-breakpoint
CREATE INDEX "room_moves_person_idx" ON "room_moves" USING btree ("company_id","person_id");