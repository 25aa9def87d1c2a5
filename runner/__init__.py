"""ilp-db: the migration runner and local cluster manager of the ilp-db schema repository."""

__version__ = "0.1.0"
