"""What the layers below the engine ask of its build cache, and a stand-in for when there is none.

Loading, linking and page-making take the cache as an argument and never import the
engine: the engine (generator.engine.state) passes in what it kept.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Protocol


class Values(Protocol):
    """Values worked out before, keyed by everything they were worked out from."""

    def get(self, key: tuple, compute: Callable[[], Any], persist: bool = True) -> Any:
        """The value of ``key``, from ``compute()`` when there is none kept."""

    def kept(self, key: tuple) -> Any:
        """The value a build kept for ``key`` (not persisted), or None."""

    def stored(self, key: tuple) -> Any:
        """The value kept on disk for ``key``, or None."""

    def forget(self, keys: Iterable[tuple]) -> None:
        """Drop the kept values of ``keys``: what they were worked out from changed."""


class Unkept:
    """No cache: every value is worked out when asked (a check, a test, a scraper)."""

    def get(self, key: tuple, compute: Callable[[], Any], persist: bool = True) -> Any:
        return compute()

    def kept(self, key: tuple) -> Any:
        return None

    def stored(self, key: tuple) -> Any:
        return None

    def forget(self, keys: Iterable[tuple]) -> None:
        pass
