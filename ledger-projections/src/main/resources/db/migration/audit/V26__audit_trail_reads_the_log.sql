-- The audit trail shows an event's payload and metadata as the event log holds them, checked against the
-- event's hash, so the read model no longer keeps copies of them: a copy edited in this table could pass
-- as the record (docs/read-models.md).
alter table audit_trail drop column payload, drop column meta_data;
