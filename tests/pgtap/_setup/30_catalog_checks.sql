-- Catalog queries shared by the security tests. Each returns the offending objects, so a test
-- asserts it is empty and a failure names the table, view or actor to fix.

-- Usage: select * from tests.project_tables(); every table of the project schemas.
create or replace function tests.project_tables()
returns setof regclass
language sql
stable
set search_path = pg_catalog, pg_temp
as $$
    select c.oid::regclass
    from pg_catalog.pg_class as c
    inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
    where
        c.relkind in ('r', 'p')
        and not c.relispartition
        and n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
    order by 1::text
$$;

comment on function tests.project_tables() is
'Returns every table (plain or partitioned, partitions excluded) of the project schemas.';

-- Usage: select * from tests.tables_without_forced_rls(); should return no row.
create or replace function tests.tables_without_forced_rls()
returns setof text
language sql
stable
set search_path = pg_catalog, pg_temp
as $$
    select t.table_oid::text
    from tests.project_tables() as t (table_oid)
    inner join pg_catalog.pg_class as c on t.table_oid = c.oid
    where not (c.relrowsecurity and c.relforcerowsecurity)
    order by 1
$$;

comment on function tests.tables_without_forced_rls() is
'Returns the project tables whose row-level security is not both enabled and forced.';

-- Usage: select * from tests.views_without_security_invoker(); should return no row.
-- A view runs its query with its owner's privileges unless security_invoker is set. Its owner,
-- ilp_owner, reads every row, so such a view would show every tenant's rows to ilp_app.
create or replace function tests.views_without_security_invoker()
returns setof text
language sql
stable
set search_path = pg_catalog, pg_temp
as $$
    select c.oid::regclass::text
    from pg_catalog.pg_class as c
    inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
    where
        c.relkind = 'v'
        and n.nspname in (
            'app', 'tenancy', 'content', 'learning', 'analytics', 'audit', 'privacy', 'ops'
        )
        and not coalesce(
            'security_invoker=true' = any(c.reloptions)
            or 'security_invoker=on' = any(c.reloptions),
            false
        )
    order by 1
$$;

comment on function tests.views_without_security_invoker() is
'Returns the views of the project schemas that do not run with the privileges of their caller.';

-- Usage: select * from tests.select_failures('student'); should return no row. It lists each
-- project table whose plain select fails for the actor with an error other than 42501 (no
-- privilege), such as 42P17, infinite recursion in a policy.
create or replace function tests.select_failures(p_actor text)
returns setof text
language plpgsql
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
    v_table regclass;
    v_sqlstate text;
    v_message text;
begin
    for v_table in select t.table_oid from tests.project_tables() as t (table_oid) loop
        begin
            if p_actor = 'owner' then
                perform tests.act_as_owner();
            else
                perform tests.act_as(p_actor);
            end if;

            execute format('select count(*) from %s', v_table);
            raise exception using errcode = 'T0001';
        exception
            when others then
                get stacked diagnostics
                    v_sqlstate = returned_sqlstate,
                    v_message = message_text;
        end;

        if v_sqlstate not in ('T0001', '42501') then
            return next format('%s: %s %s', v_table, v_sqlstate, v_message);
        end if;
    end loop;
end
$$;

comment on function tests.select_failures(text) is
'Returns one line per project table that the actor cannot select from for a reason other than '
'a missing privilege; each select runs in a subtransaction that is rolled back.';
