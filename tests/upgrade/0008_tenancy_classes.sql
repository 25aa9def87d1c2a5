-- Demo rows of the tenancy core, loaded by tests/test_upgrade.py right after 0008_tenancy_classes:
-- two schools, their members, classes, teachers and enrollments, including ended rows.
insert into tenancy.tenants (id, slug, name, status, settings) values
(
    '00000000-0000-7000-8000-00000000a001', 'north-school', 'North School', 'active',
    '{"default_locale": "en", "timezone": "Europe/London"}'
),
('00000000-0000-7000-8000-00000000b001', 'south-school', 'South School', 'suspended', '{}');

insert into tenancy.users (id, status) values
('00000000-0000-7000-8000-000000000101', 'active'),
('00000000-0000-7000-8000-000000000102', 'active'),
('00000000-0000-7000-8000-000000000103', 'active'),
('00000000-0000-7000-8000-000000000104', 'active'),
('00000000-0000-7000-8000-000000000105', 'active');

insert into tenancy.user_profiles (user_id, full_name, email, locale) values
('00000000-0000-7000-8000-000000000101', 'Ada Admin', 'ada@north.example.org', 'en'),
('00000000-0000-7000-8000-000000000102', 'Tomás Teacher', 'tomas@north.example.org', 'es'),
('00000000-0000-7000-8000-000000000103', 'Sana Student', 'sana@north.example.org', 'en-GB'),
('00000000-0000-7000-8000-000000000104', 'Léo Élève', 'leo@north.example.org', 'fr'),
('00000000-0000-7000-8000-000000000105', 'Bo Other', 'bo@south.example.org', null);

insert into tenancy.memberships (tenant_id, user_id, role, status, joined_at, left_at) values
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-000000000101',
    'admin', 'active', '2026-01-05 08:00:00+00', null
),
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-000000000102',
    'teacher', 'active', '2026-01-05 08:00:00+00', null
),
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-000000000103',
    'student', 'active', '2026-01-06 08:00:00+00', null
),
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-000000000104',
    'student', 'left', '2026-01-06 08:00:00+00', '2026-06-30 16:00:00+00'
),
(
    '00000000-0000-7000-8000-00000000b001', '00000000-0000-7000-8000-000000000105',
    'teacher', 'active', '2026-02-01 08:00:00+00', null
);

insert into tenancy.classes (tenant_id, id, name, code) values
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-0000000c0001',
    'Physics 9A', 'PHY-9A'
),
(
    '00000000-0000-7000-8000-00000000b001', '00000000-0000-7000-8000-0000000c0002',
    'History 7', null
);

insert into tenancy.class_teachers (tenant_id, class_id, user_id, assigned_at, ended_at) values
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-0000000c0001',
    '00000000-0000-7000-8000-000000000102', '2026-01-05 09:00:00+00', null
);

insert into tenancy.enrollments (tenant_id, class_id, user_id, enrolled_at, ended_at) values
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-0000000c0001',
    '00000000-0000-7000-8000-000000000103', '2026-01-06 09:00:00+00', null
),
(
    '00000000-0000-7000-8000-00000000a001', '00000000-0000-7000-8000-0000000c0001',
    '00000000-0000-7000-8000-000000000104', '2026-01-06 09:00:00+00', '2026-06-30 15:00:00+00'
);
