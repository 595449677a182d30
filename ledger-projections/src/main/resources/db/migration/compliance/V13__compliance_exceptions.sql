-- Read model of the compliance-exceptions processor: exceptions raised by events (an overdue draw, a late
-- entry, an unwitnessed draw, an open discrepancy, a Form 106 or REMS form due), the reviews officers
-- recorded, and the inventory dates the biennial-inventory deadline is computed from. Exceptions that
-- depend only on today's date (expiring credentials and consents, the biennial inventory) are computed
-- when read. Rebuildable from zero.
create table compliance_exception (
    practice_id     varchar(64)  not null,
    exception_id    varchar(400) not null,
    kind            varchar(40)  not null,
    raised_at       timestamptz  not null,
    due_on          date,
    client_id       varchar(64),
    location_id     varchar(64),
    practitioner_id varchar(64),
    summary         text         not null,
    cleared_at      timestamptz,
    cleared_by      varchar(128),
    ledger_position bigint       not null,
    primary key (practice_id, exception_id)
);
create index compliance_exception_open on compliance_exception (practice_id, raised_at) where cleared_at is null;

create table compliance_exception_review (
    practice_id          varchar(64)  not null,
    exception_id         varchar(400) not null,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    acknowledgement_note text,
    resolved_at          timestamptz,
    resolved_by          text,
    resolution_note      text,
    primary key (practice_id, exception_id)
);

create table compliance_inventory_dates (
    practice_id         varchar(64) primary key,
    first_stock_on      date,
    last_inventory_on   date,
    last_inventory_kind varchar(16)
);
