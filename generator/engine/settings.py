"""The few settings the build needs, read from pelicanconf.py (or publishconf.py) without starting Pelican."""

from __future__ import annotations

import hashlib
import os
import runpy
import sys
from dataclasses import dataclass
from pathlib import Path

import orjson

from generator.domain.ids import content_hash
from generator.integrations.node import qr_script


class SettingsError(Exception):
    """The settings file is missing or broken; the message says how to fix it."""


@dataclass
class Settings:
    file: Path
    digest: str                      # of every setting: a change remakes every page
    template_dirs: list[str]
    jinja: dict                      # Jinja options (JINJA_ENVIRONMENT)
    theme_paths: list[str]           # the templates, and the theme folders and files Pelican copies into output/
    script_files: list[str]          # scripts from npm, copied among the theme files (the QR code's)


def digest(*parts: object) -> str:
    """A hash of plain data, the same in every process."""
    return content_hash(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str))


def files_digest(paths: list[str]) -> str:
    """Hash of these files and of every file under these folders (the templates and the theme files Pelican copies)."""
    h = hashlib.blake2b(digest_size=16)
    for folder in paths:
        root = Path(folder)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            h.update(str(path.relative_to(root.parent if path == root else root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def read_settings(project: Path, settings_file: Path) -> Settings:
    if not settings_file.is_file():
        raise SettingsError(f"找不到设置文件 {settings_file}；从示例项目复制 pelicanconf.py")
    # A settings file may import another (publishconf.py imports pelicanconf.py): read those
    # afresh too, or a long-running preview would keep the first version.
    for sibling in settings_file.parent.glob("*.py"):
        sys.modules.pop(sibling.stem, None)
    try:
        values = runpy.run_path(str(settings_file))
    except Exception as exc:  # noqa: BLE001 - any error in the operator's Python file
        raise SettingsError(f"设置文件 {settings_file} 有错误：{type(exc).__name__}: {exc}") from None
    dirs = [str(Path(d)) for d in values.get("THEME_TEMPLATES_OVERRIDES", [])] or [str(project / "templates")]
    jinja = dict(values.get("JINJA_ENVIRONMENT", {}))
    # The values, not the file: publishconf.py takes most of its settings from pelicanconf.py.
    settings_digest = digest({k: v for k, v in values.items() if k.isupper()})
    # Pelican takes a relative THEME from beside the settings, or else as one of its own
    # themes (which change only with Pelican, part of the cache's version).
    theme = [str(Path(d)) for d in values.get("THEME_STATIC_PATHS", []) if Path(d).is_absolute()]
    own_theme = settings_file.parent / str(values.get("THEME") or "")
    if values.get("THEME") and own_theme.is_dir():
        theme.append(str(own_theme))  # its relative THEME_STATIC_PATHS are inside it
    # A folder inside another (templates/static) is read with it: not twice a build.
    folders = sorted(set(dirs) | set(theme))
    outer = [f for f in folders if not any(f.startswith(o + os.sep) for o in folders if o != f)]
    script = qr_script(project)
    scripts = [str(script)] if script else []
    return Settings(settings_file, settings_digest, dirs, jinja, outer + scripts, scripts)
