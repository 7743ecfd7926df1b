"""Files from the npm packages that package.json pins: Pagefind's binary, and the QR-code
script pages load. Looked for in the project's node_modules, then in bangyang's own."""

from __future__ import annotations

from pathlib import Path

# qrcode-generator's plain script (it defines the global ``qrcode``), copied among the theme
# files as theme/qrcode.js; templates/static/js/share.js draws the page's code with it.
QR_SCRIPT = "qrcode-generator/dist/qrcode.js"


def node_roots(project: Path) -> list[Path]:
    """The node_modules folders to look in, in order: the project's, then bangyang's checkout's."""
    return [project / "node_modules", Path(__file__).resolve().parents[2] / "node_modules"]


def qr_script(project: Path) -> Path | None:
    """The QR-code script, or None when npm has not installed it (pages then show no code)."""
    for root in node_roots(project):
        if (root / QR_SCRIPT).is_file():
            return root / QR_SCRIPT
    return None
