-- A correction of a client's entry (EntryCorrected names the corrected event) sits on the client's
-- timeline beside the entry it corrects, not as an entry of its own.
alter table client_timeline add column corrects_event_id varchar(255);
create index client_timeline_by_event on client_timeline (event_id);
create index client_timeline_corrections on client_timeline (corrects_event_id) where corrects_event_id is not null;
