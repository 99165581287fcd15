-- When a return reached the milestones the business measures: the parcel's first receipt (return
-- processing time runs from it to the close), the last time it needed a person (exception
-- handling time runs from it to the resumption) and its CRM case opened (service resolution
-- time runs from it to the case closed). Returns from before have none: they are not measured.
ALTER TABLE return_case
	ADD COLUMN received_at timestamptz,
	ADD COLUMN action_required_at timestamptz,
	ADD COLUMN case_opened_at timestamptz;
