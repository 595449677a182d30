-- The Spravato REMS certification id of the healthcare setting where sessions at a location take place.
alter table location_registry add column rems_setting_id varchar(40);
