-- Usage of schema content. Each table's privileges and policies are in the file named after it.
-- ilp_analytics gets no usage: no reporting reads content yet.

grant usage on schema content to ilp_app;
grant usage on schema content to ilp_operator;
