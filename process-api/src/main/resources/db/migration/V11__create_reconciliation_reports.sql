-- The daily reconciliation (io.retailhub.process.reconciliation): one row per run, with the
-- figures of every order it looked at and the mismatches among them. See docs/ops-api.md and
-- docs/runbook.md, "Reconciliation".
CREATE TABLE reconciliation_report (
	id                 uuid         PRIMARY KEY,
	-- the UTC day the run is for; the scheduled run of a day is claimed once by whichever instance
	-- inserts it first
	report_date        date         NOT NULL,
	trigger            varchar(16)  NOT NULL,
	-- the ops person who asked for a run now (<role>:<subject>); null for the scheduled run
	requested_by       varchar(149),
	status             varchar(16)  NOT NULL,
	-- orders whose returns or refunds changed in [window_from, window_to) are reconciled
	window_from        timestamptz  NOT NULL,
	window_to          timestamptz  NOT NULL,
	started_at         timestamptz  NOT NULL DEFAULT clock_timestamp(),
	finished_at        timestamptz,
	orders_checked     integer,
	-- true when the window held more orders than one run reconciles
	truncated          boolean      NOT NULL DEFAULT false,
	-- every mismatch listed, of every order
	mismatch_count     integer,
	-- orders per mismatch kind, {"REFUND_WITHOUT_CREDIT_MEMO": 1, ...}: every kind, zeros included
	mismatches_by_kind jsonb,
	-- one OrderReconciliation per order: its figures and mismatches
	orders             jsonb,
	error              text,
	CONSTRAINT reconciliation_report_trigger_check CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
	CONSTRAINT reconciliation_report_status_check CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);

CREATE UNIQUE INDEX reconciliation_report_scheduled_once_idx ON reconciliation_report (report_date)
	WHERE trigger = 'SCHEDULED';

-- latest, and latest of a day
CREATE INDEX reconciliation_report_done_idx ON reconciliation_report (report_date, finished_at DESC)
	WHERE status = 'DONE';
CREATE INDEX reconciliation_report_finished_idx ON reconciliation_report (finished_at DESC) WHERE status = 'DONE';
