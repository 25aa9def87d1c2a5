-- Create one schema per domain, owned by ilp_owner, and the extensions the tables use.
-- depends: 0001_roles
-- The schemas stay closed: usage for the application roles is granted in sql/policies.

create schema if not exists app authorization ilp_owner;
create schema if not exists tenancy authorization ilp_owner;
create schema if not exists content authorization ilp_owner;
create schema if not exists learning authorization ilp_owner;
create schema if not exists analytics authorization ilp_owner;
create schema if not exists audit authorization ilp_owner;
create schema if not exists privacy authorization ilp_owner;
create schema if not exists ops authorization ilp_owner;

comment on schema app is
'Helpers shared by every domain: id generation, value checks, request context, security.';
comment on schema tenancy is
'Schools (tenants), user identities and profiles, memberships, classes, teachers, enrollments.';
comment on schema content is
'Teaching material of a tenant: lessons, videos and questions.';
comment on schema learning is
'What students do with the content: attempts, answers and progress.';
comment on schema analytics is
'Aggregates and reporting views, read by ilp_analytics.';
comment on schema audit is
'Append-only records of who changed what, for support and compliance.';
comment on schema privacy is
'Personal-data requests (export, erasure) and their processing, under the GDPR.';
comment on schema ops is
'Operational data of the platform: maintenance jobs and their state.';

-- These three are trusted extensions, so ilp_owner creates them with create on the database alone.
-- They live in public, where the migration search_path finds their types and operators.
create extension if not exists citext schema public;
create extension if not exists pg_trgm schema public;
create extension if not exists btree_gist schema public;
