-- Alarms are changed by the watch on every node and by administrators: a version makes a change made meanwhile
-- fail (and be tried again) rather than be written over.
alter table alarm add column version bigint default 0 not null;
