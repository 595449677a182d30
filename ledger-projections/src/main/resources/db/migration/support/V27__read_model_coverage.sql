-- Which events each streaming read model has applied, kept beside the read model in the same transaction
-- as its rows and its token: per block of 1,024 ledger positions, a bit per position applied and how many
-- applications there were (more than the bits set means an event was applied twice). The reconciliation
-- compares it with the event log (docs/projections.md, Reconciliation); a replay starts it afresh.
create table read_model_coverage (
    processor varchar(255) not null,
    block     bigint       not null,
    applied   bit(1024)    not null,
    events    bigint       not null,
    primary key (processor, block)
);
