"""The engine: build state, change planning, the build itself, and the preview's session."""
