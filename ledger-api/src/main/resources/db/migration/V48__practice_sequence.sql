-- Each practice's events are numbered 1, 2, 3... without a gap, in the transaction that appends them
-- (metadata practiceSequence, docs/events.md). practice_sequence holds the last number given: its row is
-- locked from a practice's first event in a transaction to the commit, so numbers follow commit order and a
-- rolled-back write leaves no gap. practice_event finds a practice's events by number.
create table practice_sequence (
    practice_id   text   primary key,
    last_sequence bigint not null
);

create table practice_event (
    practice_id       text   not null,
    practice_sequence bigint not null,
    event_identifier  text   not null unique,
    primary key (practice_id, practice_sequence)
);

create trigger practice_event_append_only
    before update or delete on practice_event
    for each row execute function reject_event_rewrite();

-- An export is cut at its own request's ledger position (ExportRequestedEvent).
alter table export_job add column requested_position bigint;
