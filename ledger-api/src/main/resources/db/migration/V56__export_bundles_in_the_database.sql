-- Export bundles are kept in the database every replica shares, in chunks of at most 1 MiB, so that any
-- replica serves any download and no copy stays on one node's disk. Bundles written before stay in their
-- files (export_job.bundle_file) until they expire.
create table export_bundle_chunk (
    export_id varchar(64) not null references export_job (export_id) on delete cascade,
    chunk     integer     not null,
    bytes     bytea       not null,
    primary key (export_id, chunk)
);

alter table export_job add column bundle_in_database boolean not null default false;
