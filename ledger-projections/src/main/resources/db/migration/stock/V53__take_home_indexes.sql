-- The dosing report finds each session's take-home doses by client and time, and the PDMP file and the
-- dosing report find a dispensing's correction by the event it corrects: both once per row, so indexed.
create index stock_movement_take_home on stock_movement (practice_id, client_id, occurred_at)
    where movement = 'DISPENSED';
create index stock_movement_corrections on stock_movement ((details ->> 'correctedEventId'))
    where movement = 'CORRECTED';
