-- The audit trail filtered by practitioner: the GIN index on practitioners cannot give rows in position
-- order, so a page scanned the practice's trail and filtered (81 ms at the handler's median at 1,000,000
-- events, docs/benchmarks.md). One row per practitioner named by an entry, in position order per
-- practitioner, makes that page an index range scan like every other filter's.
create table audit_trail_practitioner (
    practice_id     varchar(64) not null,
    practitioner_id text        not null,
    ledger_position bigint      not null,
    primary key (practice_id, practitioner_id, ledger_position)
);

insert into audit_trail_practitioner (practice_id, practitioner_id, ledger_position)
select distinct a.practice_id, p.practitioner_id, a.ledger_position
from audit_trail a cross join lateral unnest(a.practitioners) as p(practitioner_id)
where a.practice_id is not null;
