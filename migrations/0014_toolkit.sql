CREATE TABLE "toolkit_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"number" integer NOT NULL,
	"principle" text NOT NULL,
	"title" text NOT NULL,
	"title_source" text NOT NULL,
	"workbook_title" text NOT NULL,
	"workbook_title_source" text NOT NULL,
	"principle_source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toolkit_actions__code" UNIQUE("code"),
	CONSTRAINT "toolkit_actions__principle" CHECK ("toolkit_actions"."principle" in ('transparency', 'awareness', 'responsibility', 'cooperation', 'innovation', 'proportionality'))
);
--> statement-breakpoint
CREATE TABLE "toolkit_cells" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"action_code" text NOT NULL,
	"status" text NOT NULL,
	"quotation" text,
	"locator" text,
	"source_cell" text NOT NULL,
	"merged_range" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toolkit_cells__status" CHECK ("toolkit_cells"."status" in ('quoted', 'reviewed-absent')),
	CONSTRAINT "toolkit_cells__quotation" CHECK (("toolkit_cells"."status" = 'quoted') = ("toolkit_cells"."quotation" is not null))
);
--> statement-breakpoint
CREATE TABLE "toolkit_datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"immutable" boolean NOT NULL,
	"version" date NOT NULL,
	"source" text NOT NULL,
	"source_sha256" text NOT NULL,
	"anomalies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolkit_frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"document_type" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"resources" jsonb NOT NULL,
	"position" integer NOT NULL,
	"source" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toolkit_frameworks__category" CHECK ("toolkit_frameworks"."category" in ('public-policy', 'standardization-labelling', 'corporate-non-governmental', 'public-private', 'intergovernmental'))
);
--> statement-breakpoint
ALTER TABLE "toolkit_cells" ADD CONSTRAINT "toolkit_cells__framework" FOREIGN KEY ("framework_id") REFERENCES "public"."toolkit_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_cells" ADD CONSTRAINT "toolkit_cells__action" FOREIGN KEY ("action_code") REFERENCES "public"."toolkit_actions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_frameworks" ADD CONSTRAINT "toolkit_frameworks__dataset" FOREIGN KEY ("dataset_id") REFERENCES "public"."toolkit_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_actions__number" ON "toolkit_actions" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_cells__framework_action" ON "toolkit_cells" USING btree ("framework_id","action_code");--> statement-breakpoint
CREATE INDEX "toolkit_cells__action" ON "toolkit_cells" USING btree ("action_code");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_datasets__key" ON "toolkit_datasets" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_frameworks__dataset_key" ON "toolkit_frameworks" USING btree ("dataset_id","key");--> statement-breakpoint
CREATE INDEX "toolkit_frameworks__dataset_position" ON "toolkit_frameworks" USING btree ("dataset_id","position");