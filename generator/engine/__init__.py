"""The engine: build state, change planning, the build itself, and what a preview keeps between its rebuilds."""
