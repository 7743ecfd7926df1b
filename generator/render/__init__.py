"""Rendering: Jinja templates, staging files, and the atomic commit into output/."""
