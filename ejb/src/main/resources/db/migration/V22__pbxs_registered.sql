-- Uploads for a PBX nobody registered are refused (unless registration on first upload is on): every PBX that
-- already has recordings or users is registered, so an existing installation keeps receiving.
insert into tenant (name) select distinct r.pbx from recording r where r.pbx not in (select t.name from tenant t);
insert into tenant (name) select distinct u.pbx from app_user u where u.pbx is not null and u.pbx not in (select t.name from tenant t);
