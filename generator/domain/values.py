"""What the layers below the engine ask of its build cache, and a stand-in for when there is none.

Loading, linking and page-making take the cache as an argument and never import the
engine: the engine (generator.engine.state) passes in what it kept.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol


class Values(Protocol):
    """Values worked out before, each keyed by everything it was worked out from."""

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """The value of ``key``, from ``compute()`` when none is kept."""

    def stored(self, key: tuple) -> Any:
        """The value kept under ``key``, or None: nothing is worked out."""


class Unkept:
    """No cache: every value is worked out when asked (a check, a test, a scraper)."""

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        return compute()

    def stored(self, key: tuple) -> Any:
        return None
