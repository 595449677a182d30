-- Why a read of client data was made, as the caller declared it (X-Purpose-Of-Use): TREATMENT, OPERATIONS,
-- AUDIT or INSPECTION; null when it declared none (and for reads recorded before it was asked).
alter table access_log add column purpose varchar(16);
