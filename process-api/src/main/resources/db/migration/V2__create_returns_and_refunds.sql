-- Returns and refunds: the aggregates of the return -> refund workflow. Their steps, outbox and
-- inbox rows live in the platform's tables (V1); these tables hold the business state.

-- RH-00000001, RH-00000002, ...: the ERP external reference of the RMA (at most 35 characters)
-- and the root of the CRM case's external ID.
CREATE SEQUENCE return_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE return_case (
    id                    uuid          PRIMARY KEY,
    return_number         varchar(35)   NOT NULL UNIQUE,
    -- the client's Idempotency-Key and a digest of the request it came with
    request_key           varchar(255)  NOT NULL UNIQUE,
    request_digest        varchar(64)   NOT NULL,
    order_id              varchar(64)   NOT NULL,
    customer_id           varchar(64),
    channel               varchar(16)   NOT NULL,
    status                varchar(32)   NOT NULL,
    -- REQUIRES_ACTION keeps where it came from, so a person can send it back
    action_from_status    varchar(32),
    action_reason         varchar(1000),
    -- whether return-requested was published: only once the order and its SKUs are known
    announced             boolean       NOT NULL DEFAULT false,
    evaluated             boolean       NOT NULL DEFAULT false,
    eligible              boolean       NOT NULL DEFAULT false,
    rma_number            varchar(64)   UNIQUE,
    case_id               varchar(64),
    currency              varchar(3),
    return_shipping_fee   numeric(19, 4),
    refund_amount         numeric(19, 4),
    expires_at            timestamptz,
    requested_at          timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    closed_at             timestamptz,
    version               bigint        NOT NULL
);

CREATE INDEX return_case_order_idx ON return_case (order_id);
CREATE INDEX return_case_customer_idx ON return_case (customer_id);
CREATE INDEX return_case_status_idx ON return_case (status);

CREATE TABLE return_line (
    id                    uuid          PRIMARY KEY,
    return_id             uuid          NOT NULL REFERENCES return_case (id),
    position              integer       NOT NULL,
    line_number           varchar(6)    NOT NULL,
    sku                   varchar(64),
    quantity              integer       NOT NULL CHECK (quantity > 0),
    reason                varchar(32)   NOT NULL,
    -- the policy evaluation, for the requested quantity
    eligible              boolean,
    decline_reason        varchar(32),
    decline_message       varchar(500),
    refundable_amount     numeric(19, 4),
    restocking_fee        numeric(19, 4),
    promotion_share       numeric(19, 4),
    -- the warehouse's receipt and the inspection
    quantity_expected     integer,
    quantity_received     integer       NOT NULL DEFAULT 0,
    quantity_damaged      integer       NOT NULL DEFAULT 0,
    quantity_rejected     integer       NOT NULL DEFAULT 0,
    disposition           varchar(16),
    accepted_quantity     integer,
    refund_amount         numeric(19, 4),
    UNIQUE (return_id, line_number)
);

-- Return-level decline reasons a customer can read (order not found, not delivered, ...).
CREATE TABLE return_decline (
    return_id             uuid          NOT NULL REFERENCES return_case (id),
    position              integer       NOT NULL,
    line_number           varchar(6),
    code                  varchar(32)   NOT NULL,
    message               varchar(500)  NOT NULL,
    PRIMARY KEY (return_id, position)
);

-- A warehouse receipt for an RMA the hub does not know yet, or whose return is not authorized
-- yet: kept, and applied when the return becomes AUTHORIZED. One row per RMA: the latest receipt
-- (receipts are cumulative, stale ones are dropped by the inbox's sequence check).
CREATE TABLE early_receipt (
    rma_number            varchar(64)   PRIMARY KEY,
    event_id              varchar(64)   NOT NULL,
    sequence              bigint        NOT NULL,
    payload               text          NOT NULL,
    arrived_at            timestamptz   NOT NULL
);

CREATE TABLE refund (
    id                    uuid          PRIMARY KEY,
    return_id             uuid          NOT NULL UNIQUE REFERENCES return_case (id),
    order_id              varchar(64)   NOT NULL,
    return_number         varchar(35)   NOT NULL,
    rma_number            varchar(64),
    amount                numeric(19, 4) NOT NULL CHECK (amount > 0),
    currency              varchar(3)       NOT NULL,
    -- stored first, in the transaction that creates the refund: every submission reuses it
    idempotency_key       varchar(255)  NOT NULL UNIQUE,
    status                varchar(32)   NOT NULL,
    provider_refund_id    varchar(64),
    credit_memo_id        varchar(64),
    failure_reason        varchar(1000),
    submissions           integer       NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    completed_at          timestamptz,
    version               bigint        NOT NULL
);

CREATE INDEX refund_order_idx ON refund (order_id);
CREATE INDEX refund_status_idx ON refund (status);

-- What the refund credits, per order line: the credit memo's lines.
CREATE TABLE refund_line (
    refund_id             uuid          NOT NULL REFERENCES refund (id),
    position              integer       NOT NULL,
    line_number           varchar(6)    NOT NULL,
    quantity              integer       NOT NULL CHECK (quantity > 0),
    amount                numeric(19, 4) NOT NULL,
    PRIMARY KEY (refund_id, position)
);
