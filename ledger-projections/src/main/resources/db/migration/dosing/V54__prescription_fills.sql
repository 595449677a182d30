-- Each take-home fill of a prescription number (a lookup of the dose registry, kept in the dispensing's
-- transaction): a prescription is filled for one client, at most once plus the refills it authorizes. A fill
-- struck by a correction is removed. Dispensings recorded before are filled in from the stock movements,
-- in ledger order.
create table prescription_fill (
    practice_id         varchar(64)  not null,
    prescription_number varchar(25)  not null,
    event_id            varchar(255) not null,
    client_id           varchar(64)  not null,
    fill_order          bigint       generated always as identity,
    primary key (practice_id, prescription_number, event_id)
);

insert into prescription_fill (practice_id, prescription_number, event_id, client_id)
select m.practice_id, m.details -> 'prescription' ->> 'number', m.event_id, m.client_id
from stock_movement m
where m.movement = 'DISPENSED' and m.details -> 'prescription' ->> 'number' is not null
  and not exists (select 1 from stock_movement c
                  where c.practice_id = m.practice_id and c.movement = 'CORRECTED'
                    and c.details ->> 'correctedEventId' = m.event_id
                    and c.details -> 'correctedQuantity' ->> 'amount' is null)
order by m.ledger_position;
