-- Spravato monitoring is timed from the session's doses: discharge looks them up by session.
create index dose_registry_by_session on dose_registry (practice_id, session_id, occurred_at);
