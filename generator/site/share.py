"""The QR code of a page's address, drawn at build time (zxing-cpp, offline), for a reader at a
desktop or holding a printed page to open it on a phone, as 文明网 pages offer."""

from __future__ import annotations

from itertools import groupby, product
from types import MappingProxyType

import zxingcpp

_BORDER = 2   # light modules around the code; readers want some, and the footer gives more
_SCALE = 3    # CSS pixels a module
_CHUNK = 8    # modules a lookup in _PIECES


def _piece(modules: tuple[int, ...]) -> str:
    """Path commands that draw ``modules`` (0 dark, 255 light) along a row, from left to right."""
    return "".join(f"h{len(list(run))}" if value == 0 else f"m{len(list(run))} 0" for value, run in groupby(modules))


# Every row of eight modules, drawn once. zxing-cpp writes SVG itself, but as a closed
# rectangle a run behind an XML prolog, twice the bytes inline; and a row's runs worked out one
# by one cost more than making the code. Each run of a piece moves the pen to the piece's end,
# so pieces join as they come.
_PIECES = MappingProxyType({bytes(m): _piece(m) for m in product((0, 255), repeat=_CHUNK)})


def share_qr(url: str) -> str:
    """Inline SVG of ``url``'s QR code, dark on a white ground whatever the page's colours."""
    # One fixed mask: any mask reads, and weighing all eight, as the encoder does by default,
    # takes four times as long (bench/README.md).
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, options="ecLevel=M, dataMask=0")
    image = code.to_image(scale=1, add_quiet_zones=False)  # a byte a module: 0 dark, 255 light
    size = image.shape[0]
    modules = bytes(image)
    pad = b"\xff" * (-size % _CHUNK)
    rows = []
    for y in range(size):
        row = modules[y * size:(y + 1) * size] + pad
        pieces = "".join([_PIECES[row[x:x + _CHUNK]] for x in range(0, len(row), _CHUNK)])
        rows.append(f"M{_BORDER} {y + _BORDER}.5{pieces}")
    side = size + 2 * _BORDER
    return (f'<svg role="img" class="qr" width="{side * _SCALE}" height="{side * _SCALE}" '
            f'viewBox="0 0 {side} {side}" xmlns="http://www.w3.org/2000/svg"><title>本页网址的二维码</title>'
            f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>'
            f'<path stroke="#000" d="{"".join(rows)}"/></svg>')
