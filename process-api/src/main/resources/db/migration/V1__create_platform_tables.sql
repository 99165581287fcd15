-- The workflow platform of process-api: transactional outbox, consumer inbox, durable steps,
-- dead letters. Every table here is written by io.retailhub.process.platform only; the domain
-- (returns, refunds) reaches it through the platform's Java API. See docs/workflow-platform.md.

-- Outbox: events recorded in the same transaction as the state change they announce, published
-- to Kafka afterwards by the relay. The id is the CloudEvents id (ce_id) and never changes, so a
-- re-publication after a crash is a duplicate consumers recognise.
CREATE TABLE outbox_event (
	id           uuid         PRIMARY KEY,
	topic        varchar(249) NOT NULL,
	message_key  varchar(255) NOT NULL,
	event_type   varchar(255) NOT NULL,
	subject      varchar(255) NOT NULL,
	sequence     bigint       NOT NULL,
	payload      jsonb        NOT NULL,
	headers      jsonb        NOT NULL,
	-- clock time of the insert, taken after the subject's sequence was assigned: for one subject it
	-- orders rows the way their sequences do
	created_at   timestamptz  NOT NULL DEFAULT clock_timestamp(),
	published_at timestamptz
);

-- The relay only ever reads unpublished rows, oldest first.
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (created_at, sequence) WHERE published_at IS NULL;

-- Published rows are deleted after the retention period, oldest first.
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- The last ce_sequence assigned per aggregate (CloudEvents subject). The upsert's row lock
-- serialises appends for one aggregate until commit, so sequences are gap-free and commit in order.
CREATE TABLE aggregate_sequence (
	aggregate_id  varchar(255) PRIMARY KEY,
	last_sequence bigint       NOT NULL
);

-- Inbox: one row per (consumer, event) processed, written in the same transaction as the state
-- change the event caused; a redelivered or replayed event finds its row and is skipped.
CREATE TABLE inbox (
	consumer    varchar(100) NOT NULL,
	event_id    varchar(255) NOT NULL,
	received_at timestamptz  NOT NULL DEFAULT now(),
	PRIMARY KEY (consumer, event_id)
);

-- The highest ce_sequence each consumer applied per aggregate: anything at or below it is stale.
CREATE TABLE consumed_sequence (
	consumer      varchar(100) NOT NULL,
	aggregate_id  varchar(255) NOT NULL,
	last_sequence bigint       NOT NULL,
	PRIMARY KEY (consumer, aggregate_id)
);

-- Durable steps: one row per (workflow, step). A worker leases a due row (lease_owner,
-- lease_until), runs the step outside any transaction, then completes it in a transaction that
-- checks the lease is still its own (lease_owner and version).
CREATE TABLE workflow_step (
	id             uuid         PRIMARY KEY,
	workflow_id    uuid         NOT NULL,
	workflow_type  varchar(100) NOT NULL,
	step           varchar(100) NOT NULL,
	status         varchar(16)  NOT NULL,
	attempts       integer      NOT NULL DEFAULT 0,
	due_at         timestamptz  NOT NULL,
	lease_owner    varchar(255),
	lease_until    timestamptz,
	last_error     text,
	parked_reason  text,
	-- the X-Correlation-Id of the work that scheduled the step, restored while it runs
	correlation_id varchar(100),
	created_at     timestamptz  NOT NULL DEFAULT now(),
	updated_at     timestamptz  NOT NULL DEFAULT now(),
	completed_at   timestamptz,
	-- bumped by every claim and state change: a completion carrying an older version lost its lease
	version        bigint       NOT NULL DEFAULT 0,
	CONSTRAINT workflow_step_status_check CHECK (status IN ('PENDING', 'DONE', 'PARKED', 'FAILED', 'CANCELED')),
	CONSTRAINT workflow_step_workflow_step_key UNIQUE (workflow_id, step)
);

-- What workers poll: due, unfinished steps.
CREATE INDEX workflow_step_due_idx ON workflow_step (due_at) WHERE status IN ('PENDING', 'PARKED');

-- What the step gauges count: steps that are not finished successfully.
CREATE INDEX workflow_step_open_idx ON workflow_step (status) WHERE status IN ('PENDING', 'PARKED', 'FAILED');

-- Every attempt of every step, for the workflow API and post-mortems.
CREATE TABLE workflow_attempt (
	id          bigserial    PRIMARY KEY,
	step_id     uuid         NOT NULL REFERENCES workflow_step (id),
	attempt     integer      NOT NULL,
	started_at  timestamptz  NOT NULL,
	finished_at timestamptz  NOT NULL,
	outcome     varchar(16)  NOT NULL,
	error       text
);

CREATE INDEX workflow_attempt_step_idx ON workflow_attempt (step_id, attempt);

-- What happened to a workflow, in order, in words an agent or ops can read.
CREATE TABLE workflow_timeline (
	id          bigserial    PRIMARY KEY,
	workflow_id uuid         NOT NULL,
	at          timestamptz  NOT NULL DEFAULT clock_timestamp(),
	kind        varchar(100) NOT NULL,
	detail      text
);

CREATE INDEX workflow_timeline_workflow_idx ON workflow_timeline (workflow_id, id);

-- Dead letters: records a process-api consumer gave up on, copied from its dead-letter topic with
-- the original bytes, headers and error, so ops can inspect and replay them.
CREATE TABLE dead_letter (
	id                 uuid         PRIMARY KEY,
	original_topic     varchar(249) NOT NULL,
	original_partition integer      NOT NULL,
	original_offset    bigint       NOT NULL,
	message_key        text,
	payload            bytea,
	headers            jsonb        NOT NULL,
	error              text,
	dead_lettered_at   timestamptz  NOT NULL,
	replayed_at        timestamptz,
	replay_count       integer      NOT NULL DEFAULT 0,
	-- a dead-letter record delivered twice is stored once
	CONSTRAINT dead_letter_original_key UNIQUE (original_topic, original_partition, original_offset)
);

CREATE INDEX dead_letter_newest_idx ON dead_letter (dead_lettered_at DESC, id);
