-- A PBX may set a crypt key of its own: its entries in the key ring are its (pbx), at most one of them active. What
-- it stores from then on is encrypted with it; while it has none active, the deployment's (pbx null) applies, as for
-- every entry so far.
alter table crypt_key add column pbx varchar(100);
create index crypt_key_pbx on crypt_key (pbx);
