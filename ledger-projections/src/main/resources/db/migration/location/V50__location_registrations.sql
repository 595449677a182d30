-- A storage location at an address other than its practice's registered one, and the DEA registration
-- its stock is held under there (21 CFR 1301.12); both null for a location at the registered address.
alter table location_registry
    add column address    jsonb,
    add column dea_number varchar(9);
