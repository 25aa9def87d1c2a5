"""Allow `python -m runner`, the same as the ilp-db console script."""

from runner.cli import entry_point

entry_point()
