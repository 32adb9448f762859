CREATE TABLE "action_budgets" (
	"action" text NOT NULL,
	"client" text NOT NULL,
	"spent" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_budgets_action_client_pk" PRIMARY KEY("action","client")
);
