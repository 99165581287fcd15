-- Attempts are recorded when they start, and finished with their outcome on completion. An attempt
-- whose instance died, or froze past its lease, stays unfinished: it is visible in the workflow API
-- (RUNNING while its claim holds, ABANDONED after), and a takeover can be checked against it.
-- worker and claim_version say whose claim the attempt ran under; lease_until follows the claim's
-- lease renewals, so an unfinished attempt shows until when its instance held the step.
ALTER TABLE workflow_attempt
	ALTER COLUMN finished_at DROP NOT NULL,
	ALTER COLUMN outcome DROP NOT NULL,
	ADD COLUMN worker varchar(255),
	ADD COLUMN claim_version bigint,
	ADD COLUMN lease_until timestamptz;
