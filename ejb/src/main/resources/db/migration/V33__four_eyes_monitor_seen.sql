-- When the monitor's signed-in session last had a page open, on any node: a grant whose monitor has no open page
-- anywhere any more ends, even when the node that served the monitor is gone and cannot notice it itself.
alter table four_eyes_grant add column monitor_seen_at timestamp with time zone;
update four_eyes_grant set monitor_seen_at = granted_at where state = 'GRANTED';
