-- The return's parcel as the shopper (or an agent for them) recorded it when handing it to a
-- carrier: the return is then on its way back, can no longer be canceled, and does not expire.
ALTER TABLE return_case
	ADD COLUMN parcel_carrier varchar(40),
	ADD COLUMN parcel_tracking_code varchar(64),
	ADD COLUMN parcel_shipped_at timestamptz,
	ADD COLUMN parcel_recorded_by varchar(149);
