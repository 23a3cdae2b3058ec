-- Licences go first come, first served: when each user, or group of users, was given one.
alter table app_user add column licensed_since timestamp with time zone;
update app_user set licensed_since = current_timestamp where licensed = true;
alter table user_group add column licensed boolean not null default false;
alter table user_group add column licensed_since timestamp with time zone;
