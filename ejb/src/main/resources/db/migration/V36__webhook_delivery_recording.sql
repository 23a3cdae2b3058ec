-- Which recording a delivery tells of: erasing a recording erases what the outbox kept of it (its parties, numbers
-- and file name in the payloads), and the delivery log forgets settled rows after 30 days.
alter table webhook_delivery add column recording_id bigint;
create index webhook_delivery_recording on webhook_delivery (recording_id);
create index webhook_delivery_settled on webhook_delivery (state, created_at);
