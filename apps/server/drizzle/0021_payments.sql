CREATE TABLE "cashier_shifts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"totals" jsonb NOT NULL,
	"cash_counted_fen" bigint,
	"handed_to" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"kind" text DEFAULT 'blue' NOT NULL,
	"red_of" uuid,
	"status" text DEFAULT 'requested' NOT NULL,
	"buyer_type" text DEFAULT 'personal' NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_tax_id" text,
	"buyer_email" text,
	"amount_fen" bigint NOT NULL,
	"tax_fen" bigint DEFAULT 0 NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"invoice_no" text,
	"check_code" text,
	"file_id" uuid,
	"provider_ref" text,
	"fail_reason" text,
	"requested_by" uuid,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"component" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"entry_id" uuid NOT NULL,
	CONSTRAINT "payment_allocations_amount" CHECK ("payment_allocations"."amount_fen" > 0 and "payment_allocations"."refunded_fen" >= 0 and "payment_allocations"."refunded_fen" <= "payment_allocations"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid,
	"provider" text NOT NULL,
	"kind" text DEFAULT 'payment' NOT NULL,
	"out_trade_no" text,
	"provider_txn_id" text,
	"amount_fen" bigint,
	"verdict" text NOT NULL,
	"detail" text,
	"order_id" uuid,
	"payment_id" uuid,
	"headers" jsonb,
	"body" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"out_trade_no" text NOT NULL,
	"provider" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"bill_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"prepaid_fen" bigint DEFAULT 0 NOT NULL,
	"prepaid_fee_item_id" uuid,
	"description" text NOT NULL,
	"pay_url" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"provider_txn_id" text,
	"payment_id" uuid,
	"paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"query_count" integer DEFAULT 0 NOT NULL,
	"last_queried_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_orders_amount" CHECK ("payment_orders"."amount_fen" > 0 and "payment_orders"."prepaid_fen" >= 0 and "payment_orders"."prepaid_fen" <= "payment_orders"."amount_fen")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"provider" text,
	"provider_txn_id" text,
	"order_id" uuid,
	"amount_fen" bigint NOT NULL,
	"bills_fen" bigint NOT NULL,
	"prepaid_fen" bigint DEFAULT 0 NOT NULL,
	"prepaid_fee_item_id" uuid,
	"tendered_fen" bigint,
	"change_fen" bigint,
	"reference" text,
	"payer_name" text,
	"note" text,
	"business_date" date NOT NULL,
	"status" text DEFAULT 'posted' NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"void_reason" text,
	"voided_by" uuid,
	"voided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_fen" > 0 and "payments"."bills_fen" >= 0 and "payments"."prepaid_fen" >= 0 and "payments"."amount_fen" = "payments"."bills_fen" + "payments"."prepaid_fen"),
	CONSTRAINT "payments_refunded" CHECK ("payments"."refunded_fen" >= 0 and "payments"."refunded_fen" <= "payments"."amount_fen"),
	CONSTRAINT "payments_online" CHECK (("payments"."channel" = 'online') = ("payments"."provider" is not null and "payments"."provider_txn_id" is not null)),
	CONSTRAINT "payments_void_reason" CHECK ("payments"."status" = 'posted' or "payments"."void_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "receipt_counters" (
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "receipt_counters_company_id_project_id_year_pk" PRIMARY KEY("company_id","project_id","year")
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"print_count" integer DEFAULT 0 NOT NULL,
	"void_reason" text,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"source" text NOT NULL,
	"payment_id" uuid,
	"fee_item_id" uuid,
	"amount_fen" bigint NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"reason" text NOT NULL,
	"out_refund_no" text NOT NULL,
	"provider_refund_id" text,
	"fail_reason" text,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "refunds_amount" CHECK ("refunds"."amount_fen" > 0),
	CONSTRAINT "refunds_payment" CHECK (("refunds"."source" = 'payment') = ("refunds"."payment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "reminder_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"days_overdue" integer NOT NULL,
	"min_amount_fen" bigint DEFAULT 0 NOT NULL,
	"repeat_days" integer NOT NULL,
	"channels" text[] DEFAULT '{inapp}'::text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reminder_rules_numbers" CHECK ("reminder_rules"."days_overdue" >= 0 and "reminder_rules"."repeat_days" >= 1 and "reminder_rules"."min_amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"rule_id" uuid,
	"batch_id" uuid,
	"total_fen" bigint NOT NULL,
	"bill_count" integer NOT NULL,
	"bills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"channels" text[] NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_pay_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"description" text NOT NULL,
	"notify_url" text NOT NULL,
	"return_url" text,
	"status" text DEFAULT 'NOTPAY' NOT NULL,
	"transaction_id" text,
	"faults" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"notify_attempts" integer DEFAULT 0 NOT NULL,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_pay_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"out_refund_no" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"refund_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'SUCCESS' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"statement_date" date NOT NULL,
	"file_name" text NOT NULL,
	"row_count" integer NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"extra" integer DEFAULT 0 NOT NULL,
	"mismatched" integer DEFAULT 0 NOT NULL,
	"matched_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reconciled_by" uuid,
	"reconciled_at" timestamp with time zone,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"provider_txn_id" text,
	"out_trade_no" text,
	"our_amount_fen" bigint,
	"their_amount_fen" bigint,
	"payment_id" uuid,
	"resolved" boolean DEFAULT false NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "payment_id" uuid;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "refund_id" uuid;--> statement-breakpoint
ALTER TABLE "cashier_shifts" ADD CONSTRAINT "cashier_shifts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cashier_shifts" ADD CONSTRAINT "cashier_shifts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_prepaid_fee_item_id_fee_items_id_fk" FOREIGN KEY ("prepaid_fee_item_id") REFERENCES "public"."fee_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_rules" ADD CONSTRAINT "reminder_rules_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_rules" ADD CONSTRAINT "reminder_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_imports" ADD CONSTRAINT "statement_imports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_items" ADD CONSTRAINT "statement_items_import_id_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."statement_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cashier_shifts_cashier_idx" ON "cashier_shifts" USING btree ("company_id","cashier_id","to_at");--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("company_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_payments_active_uq" ON "invoice_payments" USING btree ("payment_id") WHERE active;--> statement-breakpoint
CREATE INDEX "invoices_project_idx" ON "invoices" USING btree ("company_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "invoices_room_idx" ON "invoices" USING btree ("company_id","room_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_red_of_uq" ON "invoices" USING btree ("red_of");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("company_id","payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_bill_idx" ON "payment_allocations" USING btree ("company_id","bill_id");--> statement-breakpoint
CREATE INDEX "payment_notifications_txn_idx" ON "payment_notifications" USING btree ("provider","provider_txn_id");--> statement-breakpoint
CREATE INDEX "payment_notifications_received_idx" ON "payment_notifications" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_out_trade_no_uq" ON "payment_orders" USING btree ("out_trade_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_payment_uq" ON "payment_orders" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_orders_room_idx" ON "payment_orders" USING btree ("company_id","room_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_orders_pending_idx" ON "payment_orders" USING btree ("expires_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_txn_uq" ON "payments" USING btree ("provider","provider_txn_id");--> statement-breakpoint
CREATE INDEX "payments_room_idx" ON "payments" USING btree ("company_id","room_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_project_day_idx" ON "payments" USING btree ("company_id","project_id","business_date");--> statement-breakpoint
CREATE INDEX "payments_cashier_idx" ON "payments" USING btree ("company_id","created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_seq_uq" ON "receipts" USING btree ("company_id","project_id","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_payment_uq" ON "receipts" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_out_refund_no_uq" ON "refunds" USING btree ("out_refund_no");--> statement-breakpoint
CREATE INDEX "refunds_project_idx" ON "refunds" USING btree ("company_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("company_id","payment_id");--> statement-breakpoint
CREATE INDEX "reminder_rules_project_idx" ON "reminder_rules" USING btree ("company_id","project_id");--> statement-breakpoint
CREATE INDEX "reminders_room_idx" ON "reminders" USING btree ("company_id","room_id","sent_at");--> statement-breakpoint
CREATE INDEX "reminders_project_idx" ON "reminders" USING btree ("company_id","project_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_pay_orders_out_trade_no_uq" ON "sandbox_pay_orders" USING btree ("out_trade_no");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_pay_refunds_out_refund_no_uq" ON "sandbox_pay_refunds" USING btree ("out_refund_no");--> statement-breakpoint
CREATE INDEX "statement_imports_day_idx" ON "statement_imports" USING btree ("company_id","provider","statement_date");--> statement-breakpoint
CREATE INDEX "statement_items_import_idx" ON "statement_items" USING btree ("company_id","import_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_payment_idx" ON "ledger_entries" USING btree ("company_id","payment_id") WHERE payment_id is not null;