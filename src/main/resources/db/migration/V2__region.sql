-- region: the division tree with 12-digit statistical division codes (统计用区划代码).

create table region (
    code        text primary key check (code ~ '^[0-9]{12}$'),
    name        text not null,
    level       smallint not null check (level between 1 and 5),  -- 1 province, 2 city, 3 county, 4 street/town, 5 community/village
    parent_code text references region (code),
    urban_rural char(3),                                          -- 城乡分类代码 for communities/villages: 111 … 220
    lat         double precision,
    lng         double precision,
    valid_from  date not null default date '2020-01-01',
    valid_to    date
);
create index region_parent_idx on region (parent_code);
create index region_level_idx on region (level, code);
