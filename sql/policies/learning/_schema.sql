-- Usage of schema learning. Each table's privileges and policies are in the file named after it.
-- ilp_analytics gets no usage: no reporting reads learning records yet.

grant usage on schema learning to ilp_app;
grant usage on schema learning to ilp_operator;
