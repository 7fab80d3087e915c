-- subsidy: benefits, their eligibility rules per region, this module's copy of the facts the rules
-- decide on, and the result per elder and benefit with its reasons.

-- The benefits the bureau grants. Names are data (zh and en), like region names.
create table benefit (
    code      text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    position  int not null,
    name_zh   text not null,
    name_en   text not null
);

insert into benefit (code, position, name_zh, name_en) values
    ('OLD_AGE_ALLOWANCE',   1, '高龄津贴',         'old-age allowance'),
    ('SERVICE_SUBSIDY',     2, '养老服务补贴',     'service subsidy'),
    ('CARE_SUBSIDY',        3, '护理补贴',         'care subsidy'),
    ('CONSUMPTION_VOUCHER', 4, '养老服务消费券',   'care-service consumption voucher');

-- A benefit's rule for the elders whose community code starts with region_prefix; the longest
-- prefix wins, '' is the default everywhere. Conditions: all that are set must hold.
create table eligibility_rule (
    region_prefix   text not null check (region_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})?$'),
    benefit_code    text not null references benefit (code),
    offered         boolean not null default true,           -- false: the benefit is not given in this region
    min_age         int check (min_age between 0 and 150),
    any_categories  text[] not null default '{}' check (any_categories <@ array['LIVING_ALONE', 'EMPTY_NEST', 'LEFT_BEHIND',
                        'DISABLED', 'SEVERE_DISABILITY', 'FAMILY_PLANNING_SPECIAL', 'SUBSISTENCE_ALLOWANCE', 'EXTREME_POVERTY',
                        'ECONOMIC_HARDSHIP']),
    min_level       smallint check (min_level between 0 and 4), -- ability level code (GB/T 42195: 0 intact … 4 total loss)
    version         int not null default 0,
    updated_by      text not null,
    updated_at      timestamptz not null default now(),
    primary key (region_prefix, benefit_code)
);

-- Defaults after the national framework (DOMAIN.md §6.1): a city overrides them with its own rules.
insert into eligibility_rule (region_prefix, benefit_code, min_age, any_categories, min_level, updated_by) values
    ('', 'OLD_AGE_ALLOWANCE',   80,   '{}', null, 'migration'),
    ('', 'SERVICE_SUBSIDY',     null, '{ECONOMIC_HARDSHIP,SUBSISTENCE_ALLOWANCE,EXTREME_POVERTY}', null, 'migration'),
    ('', 'CARE_SUBSIDY',        null, '{ECONOMIC_HARDSHIP,SUBSISTENCE_ALLOWANCE,EXTREME_POVERTY}', 2, 'migration'),
    ('', 'CONSUMPTION_VOUCHER', null, '{}', 2, 'migration');

-- Who changed which rule, and to what (the rule's state after the change; removed = the override was dropped).
create table eligibility_rule_change (
    id              bigint generated always as identity primary key,
    region_prefix   text not null,
    benefit_code    text not null,
    removed         boolean not null default false,
    offered         boolean,
    min_age         int,
    any_categories  text[],
    min_level       smallint,
    changed_by      text not null,
    changed_at      timestamptz not null default now()
);
create index eligibility_rule_change_idx on eligibility_rule_change (region_prefix, benefit_code, changed_at);

-- This module's copy of what the rules decide on: elder facts from the registry (kept current by
-- EldersChanged and the daily reconciliation) and the level of the latest completed
-- assessment (from AssessmentCompleted).
create table eligibility_elder (
    elder_id        bigint primary key,
    region_code     text not null check (region_code ~ '^[0-9]{12}$'),
    birth_date      date not null,
    categories      text[] not null default '{}',
    status          text not null,
    ability_level   smallint check (ability_level between 0 and 4),
    assessment_id   bigint,
    assessed_on     date,
    age_changes_on  date not null       -- the next birthday after the last evaluation: the job evaluates again then
);
create index eligibility_elder_region_idx on eligibility_elder (region_code text_pattern_ops);
create index eligibility_elder_age_idx on eligibility_elder (age_changes_on);

-- The result per elder and benefit. reasons is the evaluator's JSON, reasons_hash its fingerprint
-- (a re-evaluation compares fingerprints, so unchanged results cost neither JSON nor writes).
-- No foreign key to benefit: a full evaluation writes 4 rows per elder and the check would double its cost.
create table eligibility (
    elder_id      bigint not null,
    benefit_code  text not null,
    region_code   text not null,
    eligible      boolean not null,
    reasons       text not null,
    reasons_hash  bigint not null,
    rule_prefix   text,                     -- the rule that decided (null: no rule covers the region)
    since         timestamptz not null,     -- when eligible last changed
    updated_at    timestamptz not null,     -- when the result (or its reasons) last changed
    primary key (elder_id, benefit_code)
);
create index eligibility_region_idx on eligibility (region_code text_pattern_ops) include (benefit_code) where eligible;

-- Daily jobs that one node runs per day (the first to claim the day).
create table subsidy_job (
    name      text primary key,
    last_day  date
);
insert into subsidy_job (name) values ('reconcile');
