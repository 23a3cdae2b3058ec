-- Work one node of a cluster does for all of them (the nightly jobs, the cluster-wide alarm checks) and each node's
-- name: the node holding a name's lease until a time is the one; another may take it once that time has passed.
create table cluster_lease (
    name       varchar(200) not null primary key,
    holder     varchar(500) not null,
    held_until timestamp with time zone not null
);
