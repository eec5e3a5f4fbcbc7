CREATE TABLE "bill_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due_date" date NOT NULL,
	"fee_item_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"preview" jsonb,
	"cursor_phase" text DEFAULT 'room' NOT NULL,
	"cursor_id" uuid,
	"targets_total" integer DEFAULT 0 NOT NULL,
	"targets_done" integer DEFAULT 0 NOT NULL,
	"bills_created" integer DEFAULT 0 NOT NULL,
	"bills_skipped" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"discount_fen" bigint DEFAULT 0 NOT NULL,
	"message" text,
	"cancel_reason" text,
	"bills_voided" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bill_runs_period" CHECK ("bill_runs"."period_to" >= "bill_runs"."period_from")
);
--> statement-breakpoint
CREATE TABLE "project_billing_settings" (
	"company_id" uuid NOT NULL,
	"project_id" uuid PRIMARY KEY NOT NULL,
	"due_offset_days" integer DEFAULT 14 NOT NULL,
	"settle_order" text DEFAULT 'principal_first' NOT NULL,
	"auto_deduct_prepaid" boolean DEFAULT false NOT NULL,
	"late_fees_enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_billing_settings_due" CHECK ("project_billing_settings"."due_offset_days" between 0 and 366)
);
--> statement-breakpoint
CREATE TABLE "waivers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"principal_fen" bigint NOT NULL,
	"late_fee_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waivers_amounts" CHECK ("waivers"."principal_fen" >= 0 and "waivers"."late_fee_fen" >= 0 and "waivers"."principal_fen" + "waivers"."late_fee_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "account_balances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid,
	"parking_space_id" uuid,
	"account" text NOT NULL,
	"fee_item_id" uuid,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_balances_target_uq" UNIQUE NULLS NOT DISTINCT("company_id","room_id","parking_space_id","account","fee_item_id"),
	CONSTRAINT "account_balances_non_negative" CHECK ("account_balances"."balance_fen" >= 0),
	CONSTRAINT "account_balances_one_target" CHECK (("account_balances"."room_id" is null) <> ("account_balances"."parking_space_id" is null))
);
--> statement-breakpoint
CREATE TABLE "ledger_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"month" date NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_periods_month_uq" UNIQUE("company_id","project_id","month"),
	CONSTRAINT "ledger_periods_first_day" CHECK (extract(day from "ledger_periods"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "fee_items" ADD COLUMN "vacancy_discount_bp" integer;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD COLUMN "payer" text;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "component" text DEFAULT 'principal' NOT NULL;--> statement-breakpoint
ALTER TABLE "bill_runs" ADD CONSTRAINT "bill_runs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_runs" ADD CONSTRAINT "bill_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_billing_settings" ADD CONSTRAINT "project_billing_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_billing_settings" ADD CONSTRAINT "project_billing_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_balances" ADD CONSTRAINT "account_balances_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_balances" ADD CONSTRAINT "account_balances_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_balances" ADD CONSTRAINT "account_balances_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_balances" ADD CONSTRAINT "account_balances_parking_space_id_parking_spaces_id_fk" FOREIGN KEY ("parking_space_id") REFERENCES "public"."parking_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_balances" ADD CONSTRAINT "account_balances_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_periods" ADD CONSTRAINT "ledger_periods_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_periods" ADD CONSTRAINT "ledger_periods_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bill_runs_project_idx" ON "bill_runs" USING btree ("company_id","project_id","period_from");--> statement-breakpoint
CREATE INDEX "waivers_project_idx" ON "waivers" USING btree ("company_id","project_id","status","created_at");--> statement-breakpoint
CREATE INDEX "waivers_bill_idx" ON "waivers" USING btree ("company_id","bill_id");--> statement-breakpoint
ALTER TABLE "fee_items" ADD CONSTRAINT "fee_items_vacancy_discount" CHECK ("fee_items"."vacancy_discount_bp" is null or "fee_items"."vacancy_discount_bp" between 1 and 10000);--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_component" CHECK ("ledger_entries"."component" in ('principal', 'late_fee'));--> statement-breakpoint
-- Opening-balance bills (期初) take part in the no-overlap rule: a run over a month already imported as arrears skips it.
ALTER TABLE "bills" DROP CONSTRAINT "bills_no_overlap";--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_no_overlap" EXCLUDE USING gist (
  "company_id" WITH =, (coalesce("room_id", "parking_space_id")) WITH =, "fee_item_id" WITH =,
  daterange("period_from", "period_to", '[]') WITH &&
) WHERE ("status" = 'live' AND "kind" IN ('periodic', 'opening'));--> statement-breakpoint
-- 关账: no entry may be dated in a closed month of its project, whatever code posts it.
CREATE OR REPLACE FUNCTION ledger_entries_open_period() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ledger_periods p WHERE p.company_id = NEW.company_id AND p.project_id = NEW.project_id
             AND p.month = date_trunc('month', NEW.entry_date)::date) THEN
    RAISE EXCEPTION 'ledger period % of project % is closed', to_char(NEW.entry_date, 'YYYY-MM'), NEW.project_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_period_closed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_period_open" BEFORE INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_open_period();
