-- The service's nodes that process read models, each with the time it last said it was alive: every node
-- spreads the streaming processors' segments over the nodes alive now (SegmentBalancer).
create table processor_node (
    node_id      varchar(255) primary key,
    heartbeat_at timestamptz  not null
);
