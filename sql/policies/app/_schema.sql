-- Usage of schema app: the request context and policy helpers that ilp_app calls.
-- Each function grants its own execute privilege in its file under sql/functions/app.
-- ilp_operator and ilp_analytics get no usage: their policies call no helper.

grant usage on schema app to ilp_app;
