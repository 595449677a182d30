-- Since V57 the practitioner filter reads audit_trail_practitioner; no query reads the GIN index on the
-- practitioners array any more, and every insert into the audit trail still paid for it (a GIN entry per
-- practitioner named). docs/benchmarks.md, Projection replay: the audit trail was the longest table to write.
drop index audit_trail_by_practitioner;
