"""The QR code of a page's address, drawn at build time (segno, offline), for a reader at a
desktop or holding a printed page to open it on a phone, as 文明网 pages offer."""

from __future__ import annotations

import segno


def share_qr(url: str) -> str:
    """Inline SVG of ``url``'s QR code, dark on a white ground whatever the page's colours."""
    # One fixed mask: any mask reads, and weighing all eight, as segno does by default,
    # costs several times as much (bench/README.md).
    svg = segno.make_qr(url, error="m", mask=0).svg_inline(scale=3, border=2, dark="#000", light="#fff",
                                                    title="本页网址的二维码", svgclass="qr")
    return svg.replace("<svg ", '<svg role="img" ', 1)
