-- Baseline: one primary-key select from a plain table.
\set n random(1, 100000)
select id, payload from bench.raw_rows where id = :n;
