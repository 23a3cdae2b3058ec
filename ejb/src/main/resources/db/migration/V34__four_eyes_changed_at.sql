-- When a 4-eyes request was last made, granted or ended: every node looks each second for what changed on the others,
-- by this indexed column instead of three unindexed times on a table that only grows.
alter table four_eyes_grant add column changed_at timestamp with time zone;
update four_eyes_grant set changed_at = coalesce(ended_at, granted_at, requested_at);
alter table four_eyes_grant alter column changed_at set not null;
create index four_eyes_grant_changed on four_eyes_grant (changed_at);
