-- Usage of schema tenancy. Each table's privileges and policies are in the file named after it.

grant usage on schema tenancy to ilp_app;
grant usage on schema tenancy to ilp_operator;
