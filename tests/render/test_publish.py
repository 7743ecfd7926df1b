"""output/ and its spare copy: a build swaps them whole, and the spare is the site before it."""

from __future__ import annotations

import os

import pytest

from helpers import tree_digest
from generator.engine.build import build
from generator.render import publish

YUBO = "content/records/communities/zhejiang/cixi-yubo.yaml"
YUBO_PAGE = "communities/zhejiang/cixi-yubo/index.html"


def _edit_yubo(project, new: str) -> None:
    path = project / YUBO
    path.write_text(path.read_text(encoding="utf-8").replace("leader: 严介军", f"leader: {new}"), encoding="utf-8")


def test_the_site_before_the_last_build_stays_beside_output_and_shares_the_unchanged_files(project):
    build(project, search=False)
    first = tree_digest(project / "output")
    _edit_yubo(project, "严介军(改)")
    build(project, search=False)
    spare = project / ".output.previous/site"
    assert tree_digest(spare) == first  # one rename puts it back
    assert "严介军(改)" in (project / "output" / YUBO_PAGE).read_text(encoding="utf-8")
    home, old_home = (project / "output/index.html").stat(), (spare / "index.html").stat()
    assert home.st_ino == old_home.st_ino  # one file on disk, its time kept for rsync


@pytest.mark.parametrize("lose", ["the note", "the spare"])
def test_the_next_build_is_whole_when_the_spare_or_its_note_was_lost(project, tmp_path, lose):
    import shutil

    build(project, search=False)
    _edit_yubo(project, "严介军(一)")
    build(project, search=False)
    if lose == "the note":
        (project / ".output.previous/differs").unlink()
        (project / ".output.previous/site/stray.html").write_text("不该发布", encoding="utf-8")
    else:
        shutil.rmtree(project / ".output.previous")
    _edit_yubo(project, "严介军(二)")
    build(project, search=False)
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)


def test_where_folders_cannot_be_swapped_the_changed_files_are_moved_in_one_by_one(project, tmp_path, monkeypatch):
    def refuse(a, b):
        raise OSError(22, "Invalid argument")

    build(project, search=False)
    folder = os.stat(project / "output").st_ino
    monkeypatch.setattr(publish, "_exchange", refuse)
    _edit_yubo(project, "严介军(改)")
    result = build(project, search=False)
    assert not result.switched
    assert os.stat(project / "output").st_ino == folder
    _edit_yubo(project, "严介军(再改)")
    build(project, search=False)
    clean = build(project, output=tmp_path / "clean", search=False, cache=False)
    assert tree_digest(project / "output") == tree_digest(clean.output)


def test_a_read_only_output_is_named_and_left_as_it_was(project):
    import subprocess

    from generator.engine.build import BuildError

    build(project, search=False)
    build(project, search=False)
    before = tree_digest(project / "output")
    # Made immutable, which holds even for root (as these machines run), unlike chmod.
    if subprocess.run(["chattr", "-R", "+i", str(project / "output")], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not allowed here")
    try:
        _edit_yubo(project, "严介军(改)")
        with pytest.raises(BuildError) as failed:
            build(project, search=False)
    finally:
        subprocess.run(["chattr", "-R", "-i", str(project / "output")], check=True)
    message = str(failed.value)
    assert "无法写入" in message and "output/ 未改动" in message, message
    assert failed.value.output_kept
    assert tree_digest(project / "output") == before


def test_a_full_disk_while_moving_pages_in_is_named_and_output_is_left_as_it_was(project, monkeypatch):
    import errno

    from generator.engine.build import BuildError
    from generator.render import files

    build(project, search=False)
    before = tree_digest(project / "output")

    replace = os.replace

    def full(src, dst, *args, **kwargs):
        if ".output.staging." in str(src):  # the pages; the build cache has its own writes
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        return replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(files.os, "replace", full)
    _edit_yubo(project, "严介军(改)")
    with pytest.raises(BuildError) as failed:
        build(project, search=False)
    monkeypatch.undo()
    assert "No space left on device" in str(failed.value) and YUBO_PAGE in str(failed.value)
    assert tree_digest(project / "output") == before
