-- The cross-system timeline: one row per fact about an order, fed from the hub's Kafka topics
-- (and from the system API's order lookup for placed / shipped / delivered). Read model only:
-- everything here can be rebuilt by consuming the topics again from the start.

CREATE TABLE timeline_entry (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the fact's identity: the event's ce_id, or a key derived from the order lookup
    -- (e.g. 'shipment:SHP-700001:delivered'); a duplicate delivery hits this constraint
    event_id     VARCHAR(200) NOT NULL,
    order_id     VARCHAR(64)  NOT NULL,
    -- null until the order's customer is known (see order_customer)
    customer_id  VARCHAR(64),
    return_id    UUID,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    title        VARCHAR(300) NOT NULL,
    detail       JSONB        NOT NULL DEFAULT '{}'::jsonb,
    actor        VARCHAR(200),
    source       VARCHAR(100) NOT NULL,
    -- ce_sequence of the event within its subject (0 for facts from the order lookup): orders
    -- entries of one instant
    sequence     BIGINT       NOT NULL DEFAULT 0,
    -- whether the customer sees it in the portal
    shopper_visible BOOLEAN   NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- the inserting transaction: live streams read rows in commit-safe order, (tx_id, id), and
    -- only once no older transaction is still open (see docs/timeline.md, "Live updates")
    tx_id        XID8         NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT timeline_entry_event_uk UNIQUE (event_id)
);

-- an order is placed once, whether the order lookup or order.confirmed told it first
CREATE UNIQUE INDEX timeline_entry_placed_uk ON timeline_entry (order_id) WHERE kind = 'ORDER_PLACED';

CREATE INDEX timeline_entry_order_idx ON timeline_entry (order_id, occurred_at, sequence, id);
CREATE INDEX timeline_entry_customer_idx ON timeline_entry (customer_id, occurred_at, sequence, id);
CREATE INDEX timeline_entry_position_idx ON timeline_entry (tx_id, id);
CREATE INDEX timeline_entry_unresolved_idx ON timeline_entry (order_id) WHERE customer_id IS NULL;

-- The customer of each order, learned once: from an event that carries it or from the system
-- API's order lookup. Lets events without a customerId join the per-customer timeline.
CREATE TABLE order_customer (
    order_id     VARCHAR(64)  PRIMARY KEY,
    customer_id  VARCHAR(64)  NOT NULL,
    learned_from VARCHAR(100) NOT NULL,
    learned_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Orders whose details (customer, placed, shipments) are still to be read from the system API,
-- outside the consumer's transaction, retried with back-off while it is unreachable.
CREATE TABLE order_lookup (
    order_id        VARCHAR(64) PRIMARY KEY,
    status          VARCHAR(16) NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      VARCHAR(500),
    done_at         TIMESTAMPTZ,
    CONSTRAINT order_lookup_status_ck CHECK (status IN ('PENDING', 'DONE'))
);

CREATE INDEX order_lookup_due_idx ON order_lookup (next_attempt_at) WHERE status = 'PENDING';
