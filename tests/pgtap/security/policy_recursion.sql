-- Every actor can select from every project table without a policy error such as 42P17
-- (infinite recursion): a missing privilege (42501) is the only accepted failure.
begin;
select plan(11);

select tests.create_fixture();

select
    is_empty(
        format('select * from tests.select_failures(%L)', a.actor),
        format('%s selects from every project table without a policy error', a.actor)
    )
from (
    values
    (1, 'owner'),
    (2, 'admin'),
    (3, 'class_teacher'),
    (4, 'other_teacher'),
    (5, 'student'),
    (6, 'other_student'),
    (7, 'other_tenant_admin'),
    (8, 'other_tenant_student'),
    (9, 'no_context'),
    (10, 'operator'),
    (11, 'analytics')
) as a (position, actor)
order by a.position;

select * from finish();
rollback;
