-- What the PDMP file and the DEA forms name: the practice's phone and contact person (PHA10, PHA11,
-- Form 41/106), a practitioner's legal name in parts and NPI (PRE05, PRE06, PRE01). Null for practices
-- and practitioners registered before these were recorded.
alter table practice_registry
    add column phone        varchar(10),
    add column contact_name varchar(200);

alter table practitioner_registry
    add column given_name  varchar(100),
    add column middle_name varchar(100),
    add column family_name varchar(100),
    add column npi         varchar(10);
