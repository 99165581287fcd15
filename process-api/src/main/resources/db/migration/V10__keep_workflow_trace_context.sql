-- The W3C traceparent of the trace a workflow's steps run in: the trace of the request or event that
-- scheduled the workflow's first step. Every later step of the workflow joins it, so one trace ID
-- follows a return from the shopper's request to its closing, through every service and Kafka hop.
ALTER TABLE workflow_step ADD COLUMN traceparent varchar(55);
