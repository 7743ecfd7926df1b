"""bangyang's generator: the domain model, the load → link → pages → write steps and the Pelican plugin."""


def register() -> None:
    """Pelican plugin entry point (PLUGINS = ["generator"])."""
    from .plugin import register as _register

    _register()
