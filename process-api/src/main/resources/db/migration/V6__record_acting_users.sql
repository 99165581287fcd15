-- Who acted: the person a channel named in X-Acting-User (<role>:<subject>, e.g. agent:agent.ava)
-- when it requested, canceled or resumed a return, and on the timeline entries they caused. Null for
-- what happened before this column existed, for callers that name nobody, and for the workflow's
-- own steps.
ALTER TABLE return_case
	ADD COLUMN requested_by varchar(149),
	ADD COLUMN canceled_by varchar(149),
	ADD COLUMN resumed_by varchar(149);

ALTER TABLE workflow_timeline
	ADD COLUMN actor varchar(149);
