-- HIPAA audit controls: every read and export of client data is a ClientDataAccessed event, and a
-- compliance officer's review of a period of those accesses an AccessLogReviewed event. The access-log
-- processor keeps both here (rebuildable from zero, keyed by ledger position); the compliance-exceptions
-- queue computes unreviewed periods from them and the practice's accessLogReviewDays policy when read.
create table access_log (
    ledger_position bigint       primary key,
    event_id        varchar(255) not null,
    access_id       varchar(64)  not null,
    practice_id     varchar(64),
    client_id       varchar(64),
    credential_id   varchar(128) not null,
    role            varchar(32)  not null,
    kind            varchar(16)  not null,
    endpoint        varchar(400) not null,
    parameters      jsonb        not null,
    request_id      varchar(128),
    accessed_at     timestamptz  not null
);
create index access_log_by_practice on access_log (practice_id, ledger_position);
create index access_log_by_practice_time on access_log (practice_id, accessed_at);
create index access_log_by_client on access_log (practice_id, client_id, ledger_position);

create table access_log_review (
    ledger_position bigint       primary key,
    event_id        varchar(255) not null,
    review_id       varchar(64)  not null,
    practice_id     varchar(64)  not null,
    reviewed_from   timestamptz  not null,
    reviewed_to     timestamptz  not null,
    reviewed_by     text         not null,
    credential_id   varchar(128),
    note            text,
    recorded_at     timestamptz  not null
);
create index access_log_review_by_practice on access_log_review (practice_id, reviewed_from);

-- The policy lives with the others in the command-side practice registry; practices that never set it
-- get the default.
alter table practice_registry add column access_log_review_days integer not null default 30;
