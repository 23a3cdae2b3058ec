-- An action-log export's ZIP is deleted by hand or once it is older than the export keeping time; the row stays, saying
-- when and by whom (or by expiry).
alter table action_log_export add column deleted_at timestamp with time zone;
alter table action_log_export add column deleted_by varchar(255);
