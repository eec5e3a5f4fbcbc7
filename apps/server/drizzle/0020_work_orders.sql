CREATE TABLE "building_staff" (
	"company_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"category_id" uuid,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"page" text NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_shifts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_shifts_order" CHECK ("staff_shifts"."ends_at" > "staff_shifts"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "staff_skills" (
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skill" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"default_priority" text DEFAULT 'normal' NOT NULL,
	"sla" jsonb NOT NULL,
	"clock" text DEFAULT 'calendar' NOT NULL,
	"skill" text,
	"chargeable" boolean DEFAULT false NOT NULL,
	"fee_item_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_counters" (
	"company_id" uuid NOT NULL,
	"day" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"lat" text,
	"lng" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_project_settings" (
	"company_id" uuid NOT NULL,
	"project_id" uuid PRIMARY KEY NOT NULL,
	"dispatch_mode" text DEFAULT 'suggest' NOT NULL,
	"reopen_days" integer DEFAULT 7 NOT NULL,
	"auto_close_days" integer DEFAULT 7 NOT NULL,
	"revisit_sample_percent" integer DEFAULT 20 NOT NULL,
	"workday_start" text DEFAULT '09:00' NOT NULL,
	"workday_end" text DEFAULT '18:00' NOT NULL,
	"warn_before_minutes" integer DEFAULT 30 NOT NULL,
	"hq_escalate_after_minutes" integer DEFAULT 1440 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_calendar_days" (
	"company_id" uuid NOT NULL,
	"day" text NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"no" text NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"category_id" uuid,
	"priority" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"description" text NOT NULL,
	"area" text NOT NULL,
	"room_id" uuid,
	"building_id" uuid,
	"facility_id" uuid,
	"location_text" text,
	"equipment_code" text,
	"requester_user_id" uuid,
	"requester_name" text,
	"contact_name" text,
	"contact_phone" text,
	"preferred_from" timestamp with time zone,
	"preferred_to" timestamp with time zone,
	"assignee_user_id" uuid,
	"assignee_name" text,
	"in_pool" boolean DEFAULT false NOT NULL,
	"sla_clock" text DEFAULT 'calendar' NOT NULL,
	"response_due_at" timestamp with time zone,
	"complete_due_at" timestamp with time zone,
	"response_warned_at" timestamp with time zone,
	"response_escalated_at" timestamp with time zone,
	"complete_warned_at" timestamp with time zone,
	"complete_escalated_at" timestamp with time zone,
	"hq_escalated_at" timestamp with time zone,
	"overdue" boolean DEFAULT false NOT NULL,
	"accepted_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"pause_reason" text,
	"completed_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"materials" text,
	"labour_minutes" integer,
	"rating" integer,
	"rating_comment" text,
	"quote_fen" bigint,
	"quote_note" text,
	"quote_status" text,
	"charge_bill_id" uuid,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"revisit_status" text DEFAULT 'none' NOT NULL,
	"revisit_result" text,
	"revisit_note" text,
	"revisited_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_rating" CHECK ("work_orders"."rating" is null or "work_orders"."rating" between 1 and 5),
	CONSTRAINT "work_orders_quote" CHECK ("work_orders"."quote_fen" is null or "work_orders"."quote_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"company_id" uuid NOT NULL,
	"principal" text NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_category_id_wo_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."wo_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wo_categories" ADD CONSTRAINT "wo_categories_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wo_events" ADD CONSTRAINT "wo_events_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wo_project_settings" ADD CONSTRAINT "wo_project_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_category_id_wo_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."wo_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "building_staff_uq" ON "building_staff" USING btree ("company_id","building_id","user_id");--> statement-breakpoint
CREATE INDEX "building_staff_user_idx" ON "building_staff" USING btree ("company_id","user_id");--> statement-breakpoint
CREATE INDEX "kb_articles_category_idx" ON "kb_articles" USING btree ("company_id","category_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_uq" ON "saved_views" USING btree ("company_id","user_id","page","name");--> statement-breakpoint
CREATE INDEX "staff_shifts_project_idx" ON "staff_shifts" USING btree ("company_id","project_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_skills_uq" ON "staff_skills" USING btree ("company_id","user_id","skill");--> statement-breakpoint
CREATE INDEX "staff_skills_skill_idx" ON "staff_skills" USING btree ("company_id","skill");--> statement-breakpoint
CREATE UNIQUE INDEX "wo_categories_code_uq" ON "wo_categories" USING btree ("company_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "wo_counters_uq" ON "wo_counters" USING btree ("company_id","day");--> statement-breakpoint
CREATE INDEX "wo_events_order_idx" ON "wo_events" USING btree ("company_id","work_order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_calendar_days_uq" ON "work_calendar_days" USING btree ("company_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_no_uq" ON "work_orders" USING btree ("company_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_charge_bill_uq" ON "work_orders" USING btree ("charge_bill_id");--> statement-breakpoint
CREATE INDEX "work_orders_project_created_idx" ON "work_orders" USING btree ("company_id","project_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "work_orders_project_status_idx" ON "work_orders" USING btree ("company_id","project_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "work_orders_assignee_idx" ON "work_orders" USING btree ("company_id","assignee_user_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_requester_idx" ON "work_orders" USING btree ("company_id","requester_user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "work_orders_room_idx" ON "work_orders" USING btree ("company_id","room_id");--> statement-breakpoint
CREATE INDEX "work_orders_open_created_idx" ON "work_orders" USING btree ("company_id","project_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status in ('submitted','assigned','accepted','in_progress','paused');--> statement-breakpoint
CREATE INDEX "work_orders_open_due_idx" ON "work_orders" USING btree ("company_id","project_id","complete_due_at") WHERE status in ('submitted','assigned','accepted','in_progress','paused');--> statement-breakpoint
CREATE INDEX "work_orders_overdue_idx" ON "work_orders" USING btree ("company_id","project_id","complete_due_at") WHERE overdue;--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_uq" ON "idempotency_keys" USING btree ("company_id","principal","key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");