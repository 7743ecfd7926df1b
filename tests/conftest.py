"""Shared fixtures: a private copy of the sample project, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import build
from helpers import copy_project

# A build run from these tests leaves no kept process behind (generator.keeper), even when
# pytest runs at a terminal; tests/test_keeper.py asks for one where it tests them.
os.environ["BANGYANG_KEEP"] = "0"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The sample site, built once: returns its output directory."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    return build(project).output


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh, writable copy of the sample project for tests that edit content."""
    return copy_project(tmp_path / "project")
