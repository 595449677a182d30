-- The biennial-inventory deadline was kept as one row per practice that events of different lots updated
-- from different processor segments; two segments updating it in different orders could deadlock. Each
-- fact is now a row of its own, keyed by its ledger position (insert-only, as every other read-model row
-- keyed by position), and the dates are computed when the queue is read.
create table compliance_inventory_fact (
    ledger_position bigint      primary key,
    practice_id     varchar(64) not null,
    fact            varchar(16) not null,
    on_date         date        not null
);
create index compliance_inventory_fact_by_practice on compliance_inventory_fact (practice_id, fact, on_date);

insert into compliance_inventory_fact (ledger_position, practice_id, fact, on_date)
select global_index,
       p -> 'lot' ->> 'practiceId',
       case when payload_type = 'org.doseledger.core.stock.api.StockCountedEvent' then p ->> 'kind' else 'STOCK' end,
       ((p ->> 'occurredAt')::timestamptz at time zone 'UTC')::date
from (select global_index, payload_type, convert_from(payload, 'UTF8')::jsonb as p
      from domain_event_entry
      where payload_type in ('org.doseledger.core.stock.api.StockReceivedEvent',
                             'org.doseledger.core.stock.api.StockTransferredInEvent',
                             'org.doseledger.core.stock.api.StockCountedEvent')) e
where payload_type <> 'org.doseledger.core.stock.api.StockCountedEvent' or p ->> 'kind' in ('INITIAL', 'BIENNIAL');

drop table compliance_inventory_dates;
