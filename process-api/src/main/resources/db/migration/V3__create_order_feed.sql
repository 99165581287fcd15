-- The order feed (io.retailhub.process.orders): process-api polls the orders ERP changed since its
-- cursor and publishes order.confirmed once per order. See docs/events.md ("Who publishes
-- order.confirmed").

-- Where the feed has read up to, one row per feed. The poller locks the row (FOR UPDATE SKIP
-- LOCKED) for each page it reads, so one instance polls at a time; the row moves only in the
-- transaction that recorded the page's orders, so a failed poll reads the same orders again.
CREATE TABLE order_feed_cursor (
	feed           varchar(50) PRIMARY KEY,
	-- nothing changed before this is read: the first start's time unless configured otherwise
	start_at       timestamptz NOT NULL,
	-- the latest ERP LastChangeDateTime recorded; each poll reads again from a little before it
	changed_up_to  timestamptz NOT NULL,
	last_polled_at timestamptz
);

-- Orders confirmed (order.confirmed appended to the outbox in the same transaction). The key makes
-- the overlap between polls, a second instance and a re-read after a crash publish nothing twice.
CREATE TABLE confirmed_order (
	order_id        varchar(64)  PRIMARY KEY,
	event_id        uuid         NOT NULL,
	last_changed_at timestamptz  NOT NULL,
	confirmed_at    timestamptz  NOT NULL DEFAULT now()
);
