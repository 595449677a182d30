-- Read model: every event about a client, keyed by ledger position (idempotent under replay).
create table client_timeline (
    ledger_position bigint       primary key,
    event_id        varchar(255) not null,
    practice_id     varchar(64)  not null,
    client_id       varchar(64)  not null,
    event_type      varchar(128) not null,
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    credential_id   varchar(64),
    practitioner_id varchar(64),
    request_id      varchar(128),
    details         jsonb        not null
);
create index client_timeline_by_client on client_timeline (practice_id, client_id, occurred_at, ledger_position);
