-- In-store returns of online orders: the store (a WMS store location) that took the parcel, and per
-- line what its staff recorded at the counter: the item's condition and the disposition the
-- inspection then uses. Null for every other return, and for returns from before.
ALTER TABLE return_case
	ADD COLUMN store_id varchar(20);

ALTER TABLE return_line
	ADD COLUMN item_condition varchar(16),
	ADD COLUMN staff_disposition varchar(16);
