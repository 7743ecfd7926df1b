"""Shared fixtures: a private copy of the sample project, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.engine.build import build
from helpers import copy_project


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The sample site, built once: returns its output directory."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    return build(project).output


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh, writable copy of the sample project for tests that edit content."""
    return copy_project(tmp_path / "project")
