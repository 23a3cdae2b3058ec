-- An administrator's standing assignment: recordings from this capture user (an extension no user is registered
-- for) belong to that user, now and from now on.
create table capture_user_owner (
    pbx          varchar(100) not null,
    capture_user varchar(255) not null,
    username     varchar(255) not null,
    primary key (pbx, capture_user)
);
