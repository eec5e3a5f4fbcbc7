DROP INDEX "membership_projects_project_idx";--> statement-breakpoint
DROP INDEX "membership_roles_role_idx";--> statement-breakpoint
CREATE INDEX "memberships_company_kind_created_idx" ON "memberships" USING btree ("company_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "membership_projects_project_idx" ON "membership_projects" USING btree ("company_id","project_id");--> statement-breakpoint
CREATE INDEX "membership_roles_role_idx" ON "membership_roles" USING btree ("company_id","role_id");