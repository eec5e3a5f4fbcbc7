CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text,
	"phone_bidx" text,
	"phone_masked" text,
	"id_type" text,
	"id_no_enc" text,
	"id_no_bidx" text,
	"id_no_masked" text,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"birthday" date,
	"emergency_contact" text,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_residents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"share_bp" integer,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "room_residents" ADD CONSTRAINT "room_residents_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_residents" ADD CONSTRAINT "room_residents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "persons_phone_bidx" ON "persons" USING btree ("company_id","phone_bidx");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_no_uq" ON "persons" USING btree ("company_id","id_no_bidx");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("company_id","name");--> statement-breakpoint
CREATE INDEX "room_residents_room_idx" ON "room_residents" USING btree ("company_id","room_id","valid_from");--> statement-breakpoint
CREATE INDEX "room_residents_person_idx" ON "room_residents" USING btree ("company_id","person_id");