-- The records each generated PDMP file holds (also listed in its ExportGenerated event): which dispensing,
-- NEW, REVISE or VOID, what quantity. The next file reports a dispensing again only when its state differs
-- from the one the latest submitted or accepted file reported.
create table pdmp_file_record (
    export_id           varchar(64)    not null references export_job (export_id) on delete cascade,
    practice_id         varchar(64)    not null,
    dispensing_event_id varchar(255)   not null,
    status              varchar(8)     not null,
    quantity            numeric(12, 3),
    primary key (export_id, dispensing_event_id)
);
create index pdmp_file_record_by_dispensing on pdmp_file_record (practice_id, dispensing_event_id);

-- Each submission status change of a PDMP file, at its ledger position, written in the transaction that
-- records it (PdmpSubmissionStatusChanged); the file's status as of a position is its latest change at or
-- before it. Changes recorded before this table existed are copied from the ledger.
create table pdmp_submission_status (
    export_id       varchar(64) not null,
    practice_id     varchar(64) not null,
    status          varchar(16) not null,
    ledger_position bigint      not null,
    primary key (export_id, ledger_position)
);

insert into pdmp_submission_status (export_id, practice_id, status, ledger_position)
select convert_from(payload, 'UTF8')::jsonb ->> 'exportId',
       convert_from(payload, 'UTF8')::jsonb ->> 'practiceId',
       convert_from(payload, 'UTF8')::jsonb ->> 'status',
       global_index
from domain_event_entry
where payload_type = 'org.doseledger.core.export.api.PdmpSubmissionStatusChangedEvent';
