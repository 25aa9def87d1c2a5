-- Usage of schema analytics for ilp_analytics, which has nothing else yet.
-- NOTE: ilp_analytics can read no table: the analytics schema has none, and it gets no access to
-- the tenant data. Grants and policies come with the first reporting table or view.

grant usage on schema analytics to ilp_analytics;
