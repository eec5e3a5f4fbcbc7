CREATE TABLE "company_settings" (
	"company_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_settings_company_id_key_pk" PRIMARY KEY("company_id","key")
);
--> statement-breakpoint
CREATE TABLE "charge_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"fee_item_id" uuid NOT NULL,
	"room_id" uuid,
	"parking_space_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charge_assignments_one_target" CHECK (("charge_assignments"."room_id" is null) <> ("charge_assignments"."parking_space_id" is null)),
	CONSTRAINT "charge_assignments_range" CHECK ("charge_assignments"."valid_to" is null or "charge_assignments"."valid_to" >= "charge_assignments"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "charge_standard_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"basis" text,
	"unit_price" bigint,
	"amount" bigint,
	"tiers" jsonb,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charge_standard_versions_range" CHECK ("charge_standard_versions"."valid_to" is null or "charge_standard_versions"."valid_to" >= "charge_standard_versions"."valid_from"),
	CONSTRAINT "charge_standard_versions_positive" CHECK (("charge_standard_versions"."unit_price" is null or "charge_standard_versions"."unit_price" > 0) and ("charge_standard_versions"."amount" is null or "charge_standard_versions"."amount" > 0))
);
--> statement-breakpoint
CREATE TABLE "charge_standards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid,
	"fee_item_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"fee_category" text NOT NULL,
	"tax_rate_bp" integer NOT NULL,
	"invoice_category" text NOT NULL,
	"default_payer" text DEFAULT 'owner' NOT NULL,
	"common_income" boolean DEFAULT false NOT NULL,
	"late_fee_daily_ppm" integer,
	"late_fee_grace_days" integer,
	"late_fee_cap_bp" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_items_tax_rate" CHECK ("fee_items"."tax_rate_bp" between 0 and 10000),
	CONSTRAINT "fee_items_late_fee" CHECK (("fee_items"."late_fee_daily_ppm" is null) = ("fee_items"."late_fee_grace_days" is null))
);
--> statement-breakpoint
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_assignments" ADD CONSTRAINT "charge_assignments_standard_id_charge_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."charge_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_assignments" ADD CONSTRAINT "charge_assignments_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_assignments" ADD CONSTRAINT "charge_assignments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_assignments" ADD CONSTRAINT "charge_assignments_parking_space_id_parking_spaces_id_fk" FOREIGN KEY ("parking_space_id") REFERENCES "public"."parking_spaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_standard_versions" ADD CONSTRAINT "charge_standard_versions_standard_id_charge_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."charge_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_standards" ADD CONSTRAINT "charge_standards_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_standards" ADD CONSTRAINT "charge_standards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_standards" ADD CONSTRAINT "charge_standards_fee_item_id_fee_items_id_fk" FOREIGN KEY ("fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_items" ADD CONSTRAINT "fee_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charge_assignments_room_idx" ON "charge_assignments" USING btree ("company_id","room_id","fee_item_id","valid_from");--> statement-breakpoint
CREATE INDEX "charge_assignments_space_idx" ON "charge_assignments" USING btree ("company_id","parking_space_id","fee_item_id","valid_from");--> statement-breakpoint
CREATE INDEX "charge_assignments_standard_idx" ON "charge_assignments" USING btree ("company_id","standard_id");--> statement-breakpoint
CREATE INDEX "charge_assignments_project_idx" ON "charge_assignments" USING btree ("company_id","project_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_standard_versions_seq_uq" ON "charge_standard_versions" USING btree ("company_id","standard_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_standard_versions_from_uq" ON "charge_standard_versions" USING btree ("company_id","standard_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_standards_company_code_uq" ON "charge_standards" USING btree ("company_id","code") WHERE project_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "charge_standards_project_code_uq" ON "charge_standards" USING btree ("company_id","project_id","code") WHERE project_id is not null;--> statement-breakpoint
CREATE INDEX "charge_standards_fee_item_idx" ON "charge_standards" USING btree ("company_id","fee_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_items_company_code_uq" ON "fee_items" USING btree ("company_id","code");