-- Regulator exports (docs/exports.md): one row per requested export, so that its status, progress and
-- bundle survive a restart. Mutable bookkeeping, not history: the ledger's record of a generated export
-- is its ExportGenerated event. Bundles themselves are files under <data-dir>/exports.
create table export_job (
    export_id        varchar(64)  primary key,
    practice_id      varchar(64)  not null,
    export_type      varchar(64)  not null,
    parameters       jsonb        not null,
    requested_by     varchar(128) not null,
    requested_role   varchar(32)  not null,
    requested_at     timestamptz  not null,
    status           varchar(16)  not null,
    records_total    bigint,
    records_done     bigint       not null default 0,
    heartbeat_at     timestamptz  not null,
    finished_at      timestamptz,
    failure          text,
    ledger_position  bigint,
    checkpoint_number bigint,
    bundle_file      text,
    bundle_sha256    char(64),
    bundle_bytes     bigint
);
create index export_job_by_practice on export_job (practice_id, requested_at desc);

-- exports read a practice's movements by time (corrections find their entry by stock_movement_by_event, V12)
create index stock_movement_by_practice_time on stock_movement (practice_id, occurred_at, ledger_position);
