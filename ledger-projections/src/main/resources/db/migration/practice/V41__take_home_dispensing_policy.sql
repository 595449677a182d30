-- Whether nurses may dispense take-home doses (a state-law question, off by default), read by the dispense
-- command in its transaction; and a DEA number is looked up by the registration of a second practice.
alter table practice_registry add column nurses_may_dispense_take_home boolean not null default false;
create index practice_registry_by_dea_number on practice_registry (dea_number);
