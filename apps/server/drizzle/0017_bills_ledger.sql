-- btree_gist lets a gist exclusion constraint compare uuids with =; PGlite loads it in openPglite, PostgreSQL has it in contrib.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "bill_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"description" text NOT NULL,
	"quantity" text,
	"unit_price" bigint,
	"amount_fen" bigint NOT NULL,
	"explanation" jsonb
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid,
	"parking_space_id" uuid,
	"fee_item_id" uuid NOT NULL,
	"run_id" uuid,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due_date" date NOT NULL,
	"principal_fen" bigint NOT NULL,
	"status" text DEFAULT 'live' NOT NULL,
	"void_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bills_one_target" CHECK (("bills"."room_id" is null) <> ("bills"."parking_space_id" is null)),
	CONSTRAINT "bills_period" CHECK ("bills"."period_to" >= "bills"."period_from"),
	CONSTRAINT "bills_void_reason" CHECK ("bills"."status" = 'live' or "bills"."void_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid,
	"parking_space_id" uuid,
	"fee_item_id" uuid,
	"bill_id" uuid,
	"kind" text NOT NULL,
	"account" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reverses" uuid,
	"entry_date" date NOT NULL,
	"migrated" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_one_target" CHECK (("ledger_entries"."room_id" is null) <> ("ledger_entries"."parking_space_id" is null)),
	CONSTRAINT "ledger_entries_reversal" CHECK (("ledger_entries"."kind" = 'reversal') = ("ledger_entries"."reverses" is not null))
);
--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_parking_space_id_parking_spaces_id_fk" FOREIGN KEY ("parking_space_id") REFERENCES "public"."parking_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_parking_space_id_parking_spaces_id_fk" FOREIGN KEY ("parking_space_id") REFERENCES "public"."parking_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bill_lines_seq_uq" ON "bill_lines" USING btree ("company_id","bill_id","seq");--> statement-breakpoint
CREATE INDEX "bills_room_idx" ON "bills" USING btree ("company_id","room_id","period_from");--> statement-breakpoint
CREATE INDEX "bills_space_idx" ON "bills" USING btree ("company_id","parking_space_id","period_from");--> statement-breakpoint
CREATE INDEX "bills_project_idx" ON "bills" USING btree ("company_id","project_id","period_from");--> statement-breakpoint
CREATE INDEX "bills_run_idx" ON "bills" USING btree ("company_id","run_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_room_idx" ON "ledger_entries" USING btree ("company_id","room_id","entry_date");--> statement-breakpoint
CREATE INDEX "ledger_entries_space_idx" ON "ledger_entries" USING btree ("company_id","parking_space_id","entry_date");--> statement-breakpoint
CREATE INDEX "ledger_entries_bill_idx" ON "ledger_entries" USING btree ("company_id","bill_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_project_idx" ON "ledger_entries" USING btree ("company_id","project_id","entry_date");--> statement-breakpoint
-- No two live periodic bills of one room or parking space and fee item overlap, whatever code inserts them;
-- a bill run relies on it with INSERT … ON CONFLICT DO NOTHING.
ALTER TABLE "bills" ADD CONSTRAINT "bills_no_overlap" EXCLUDE USING gist (
  "company_id" WITH =, (coalesce("room_id", "parking_space_id")) WITH =, "fee_item_id" WITH =,
  daterange("period_from", "period_to", '[]') WITH &&
) WHERE ("status" = 'live' AND "kind" = 'periodic');--> statement-breakpoint
-- Posted ledger entries are immutable, even to buggy code: corrections are new entries (reversals).
CREATE OR REPLACE FUNCTION ledger_entries_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % refused (post a reversal instead)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_update_delete" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_immutable();
