-- provider: organisations, facilities (with the size standards per type and region), caregivers
-- with skills and certificates, and the service catalogue.

create table provider_org (
    id            bigint generated always as identity primary key,
    name          text not null,
    uscc          char(18) not null unique,          -- 统一社会信用代码 (GB 32100)
    kind          text not null,                     -- HOME_CARE, INSTITUTION, CANTEEN, MEDICAL, HOUSEKEEPING, SOCIAL_WORK, ...
    region_code   text not null,                 -- where it is registered (county or below)
    address       text,
    contact_name  text,
    contact_phone text,
    status        text not null default 'ACTIVE',    -- ACTIVE, SUSPENDED, CLOSED
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int not null default 0
);
create index provider_org_region_idx on provider_org (region_code text_pattern_ops);
create index provider_org_name_trgm_idx on provider_org using gin (name gin_trgm_ops);

create table facility (
    id             bigint generated always as identity primary key,
    provider_id    bigint references provider_org (id),
    name           text not null,
    type           text not null,                    -- STREET_CENTRE, COMMUNITY_STATION, DAY_CARE, CANTEEN, RURAL_HOME, INSTITUTION
    region_code    text not null,                -- the community/village (or street) it stands in
    address        text,
    lat            double precision not null,
    lng            double precision not null,
    floor_area_m2  numeric(10, 1),
    beds           int,
    opening_hours  text,                             -- e.g. "08:00-18:00" or "周一至周五 08:00-17:30"
    phone          text,
    status         text not null default 'OPEN',     -- OPEN, CLOSED
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        int not null default 0
);
create index facility_region_idx on facility (region_code text_pattern_ops);
create index facility_provider_idx on facility (provider_id);

-- Minimum size per facility type, by region prefix (the longest matching prefix wins;
-- '' is the default rule set). Source document 001 (Puyang): street centre >= 1500 m2 and 50 beds,
-- day-care centre >= 200 m2 and 10 beds.
create table facility_standard (
    id            bigint generated always as identity primary key,
    region_prefix text not null default '',
    type          text not null,
    min_area_m2   numeric(10, 1),
    min_beds      int,
    source        text,
    unique (region_prefix, type)
);

create table caregiver (
    id                  bigint generated always as identity primary key,
    provider_id         bigint not null references provider_org (id),
    name                text not null,
    phone               text,
    id_number_masked    text,                         -- shown only masked; caregivers are staff, not subjects
    sex                 char(1),
    certificate_no      text,
    certificate_level   text,                         -- 养老护理员职业技能等级: 5 初级 … 1 高级技师 (stored as LEVEL_5 … LEVEL_1)
    certificate_expiry  date,
    home_lat            double precision not null,
    home_lng            double precision not null,
    region_code         text not null,            -- home base community
    work_days           text not null default '1,2,3,4,5',  -- ISO days of week
    work_start          time not null default '08:00',
    work_end            time not null default '18:00',
    max_daily_orders    int not null default 8,
    status              text not null default 'ACTIVE', -- ACTIVE, ON_LEAVE, LEFT
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             int not null default 0
);
create index caregiver_provider_idx on caregiver (provider_id);
create index caregiver_region_idx on caregiver (region_code text_pattern_ops);

create table caregiver_skill (
    caregiver_id bigint not null references caregiver (id) on delete cascade,
    skill        text not null,                       -- e.g. MEAL, CLEANING, BATHING, MOBILITY, MEDICAL, EMERGENCY, RECREATION, VISIT, NURSING, REHAB
    primary key (caregiver_id, skill)
);

create table service_item (
    id               bigint generated always as identity primary key,
    code             text not null unique,            -- e.g. ZC-001
    name             text not null,
    name_en          text,
    category         text not null,                   -- MEAL 助餐, CLEANING 助洁, BATHING 助浴, MOBILITY 助行, MEDICAL 助医, EMERGENCY 助急, RECREATION 助乐, VISIT 巡访关爱, NURSING 基础照护, REHAB 康复护理, ERRAND 委托代办, ADAPTATION 适老化改造
    standard_minutes int not null check (standard_minutes > 0),
    price_fen        bigint not null check (price_fen >= 0),
    required_skill   text,
    unit             text not null default 'VISIT',   -- VISIT, HOUR, MEAL
    description      text,
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          int not null default 0
);
