-- The practices' history imports (kept with the practice registry, in the transaction of the import
-- events): what an imported entry is checked against.
create table history_import (
    practice_id     varchar(64)   not null,
    import_id       varchar(64)   not null,
    source_document varchar(500)  not null,
    covers_from     date          not null,
    covers_to       date          not null,
    attested_by     varchar(64)   not null,
    opened_at       timestamptz   not null,
    closed_at       timestamptz,
    primary key (practice_id, import_id)
);
