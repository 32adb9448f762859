CREATE TABLE "toolkit_cell_corrections" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"framework_id" text NOT NULL,
	"action_code" text NOT NULL,
	"status" text NOT NULL,
	"quotation" text,
	"locator" text,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toolkit_cell_corrections__status" CHECK ("toolkit_cell_corrections"."status" in ('quoted', 'reviewed-absent')),
	CONSTRAINT "toolkit_cell_corrections__quotation" CHECK (("toolkit_cell_corrections"."status" = 'quoted') = ("toolkit_cell_corrections"."quotation" is not null))
);
--> statement-breakpoint
CREATE TABLE "toolkit_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_by" text NOT NULL,
	"supporter_id" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toolkit_proposals__kind" CHECK ("toolkit_proposals"."kind" in ('framework', 'cell')),
	CONSTRAINT "toolkit_proposals__status" CHECK ("toolkit_proposals"."status" in ('pending', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "toolkit_saved_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"lookup" text NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolkit_stakeholder_roles" (
	"id" text PRIMARY KEY NOT NULL,
	"action_code" text NOT NULL,
	"stakeholder" text NOT NULL,
	"marked" boolean NOT NULL,
	"condition" text,
	"excludes_mainstream_users" boolean DEFAULT false NOT NULL,
	"merged_with" jsonb,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toolkit_stakeholder_roles__stakeholder" CHECK ("toolkit_stakeholder_roles"."stakeholder" in ('public-sector', 'international-organizations', 'supply-side', 'demand-side'))
);
--> statement-breakpoint
ALTER TABLE "toolkit_datasets" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "toolkit_datasets" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "toolkit_cell_corrections" ADD CONSTRAINT "toolkit_cell_corrections__dataset" FOREIGN KEY ("dataset_id") REFERENCES "public"."toolkit_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_cell_corrections" ADD CONSTRAINT "toolkit_cell_corrections__framework" FOREIGN KEY ("framework_id") REFERENCES "public"."toolkit_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_cell_corrections" ADD CONSTRAINT "toolkit_cell_corrections__action" FOREIGN KEY ("action_code") REFERENCES "public"."toolkit_actions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_proposals" ADD CONSTRAINT "toolkit_proposals__dataset" FOREIGN KEY ("dataset_id") REFERENCES "public"."toolkit_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_stakeholder_roles" ADD CONSTRAINT "toolkit_stakeholder_roles__action" FOREIGN KEY ("action_code") REFERENCES "public"."toolkit_actions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_cell_corrections__dataset_cell" ON "toolkit_cell_corrections" USING btree ("dataset_id","framework_id","action_code");--> statement-breakpoint
CREATE INDEX "toolkit_proposals__status" ON "toolkit_proposals" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_saved_assessments__lookup" ON "toolkit_saved_assessments" USING btree ("lookup");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_stakeholder_roles__action_stakeholder" ON "toolkit_stakeholder_roles" USING btree ("action_code","stakeholder");