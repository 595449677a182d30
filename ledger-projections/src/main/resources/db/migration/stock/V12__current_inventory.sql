-- Current inventory and accountability. Which count a lot's last count was (its discrepancy has the count's id), and an
-- index that finds a lot's open draws without reading its closed ones.
alter table stock_lot add column last_count_id varchar(64);

update stock_lot l
set last_count_id = (select m.details ->> 'countId'
                     from stock_movement m
                     where m.practice_id = l.practice_id and m.location_id = l.location_id and m.ndc = l.ndc
                       and m.lot_number = l.lot_number and m.movement = 'COUNTED'
                     order by m.ledger_position desc
                     limit 1);

create index stock_draw_open_by_lot on stock_draw (practice_id, location_id, ndc, lot_number) where status = 'OPEN';

-- Accountability: a correction takes effect at the time of the entry it corrects, found by event id.
create index stock_movement_by_event on stock_movement (event_id);
