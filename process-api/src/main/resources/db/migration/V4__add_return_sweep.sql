-- The return sweep (io.retailhub.process.returns.ReturnSweep): defense in depth for work that
-- should have moved and did not. See docs/workflow-platform.md, "Races closed, and the sweep".

-- When the sweep last asked the warehouse what it received for a return that waits for its
-- parcel. Not mapped by the entity: the sweep alone writes it, without touching the version.
ALTER TABLE return_case ADD COLUMN receipt_checked_at timestamptz;

-- What the sweep walks: returns waiting for a parcel, the longest unchecked first.
CREATE INDEX return_case_awaiting_parcel_idx ON return_case (receipt_checked_at NULLS FIRST, requested_at)
	WHERE status IN ('AUTHORIZED', 'PARTIALLY_RECEIVED');

-- When ops were alerted about a kept receipt whose RMA no return carries (once per receipt).
ALTER TABLE early_receipt ADD COLUMN alerted_at timestamptz;
