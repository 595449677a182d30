-- A correction recorded late was kept in stock_movement with late_entry false: the dispensing record then
-- said "not late" of an event that carries a late entry, and its bundle failed verification. The handler
-- now keeps the flag; rows written before are set from the event they hold, as a replay would set them.
update stock_movement
set late_entry = true
where movement = 'CORRECTED'
  and not late_entry
  and jsonb_typeof(details -> 'lateEntry') = 'object';
