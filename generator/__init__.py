"""bangyang's generator: records → catalog → pages → render → write (docs/architecture.md)."""
