-- provider (organisations and facilities): search indexes, value checks, and the default facility
-- size standards with their sources. Regions may add their own rules (longest prefix wins).

create index facility_name_trgm_idx on facility using gin (name gin_trgm_ops);
create index facility_type_idx on facility (type);
create index provider_org_kind_idx on provider_org (kind);

alter table facility_standard
    add constraint facility_standard_prefix_digits check (region_prefix ~ '^([0-9]{2,12})?$'),
    add constraint facility_standard_minimums check (
        (min_area_m2 is null or min_area_m2 > 0) and (min_beds is null or min_beds > 0)
        and (min_area_m2 is not null or min_beds is not null));

insert into facility_standard (region_prefix, type, min_area_m2, min_beds, source) values
    ('', 'STREET_CENTRE', 1500, 50, '来源文件001（濮阳）：街道养老服务中心建筑面积不少于1500平方米、床位不少于50张'),
    ('', 'DAY_CARE', 200, 10, '来源文件001（濮阳）：社区日间照料中心建筑面积不少于200平方米、床位不少于10张'),
    ('', 'COMMUNITY_STATION', 350, null, '贵州省2022年四部门通知（DOMAIN.md §4.2）：社区养老服务站不少于350平方米');
