"""`python -m generator.cli`: the same as the `bangyang` command."""

from generator.cli import run

run()
