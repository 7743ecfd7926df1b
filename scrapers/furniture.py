"""Lines that are page furniture, not article: navigation, breadcrumbs, footers, file names."""
from __future__ import annotations

import re

NAV = re.compile(r"(?:\s[|｜]\s|[|｜].*[|｜]|>\s*$|^\s*[·•]|首页\s*>|当前位置|您的位置|您当前的位置|>>更多|"
                 r"^\S+\.(?:jpe?g|png|gif|webp|bmp)$)", re.I)
FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp)$", re.I)
# Where the article ends and the page's footer begins.
FOOTER = re.compile(
    r"^[【\[]?(?:相关报道|相关文章|相关新闻|相关阅读|相关链接|延伸阅读|热点推荐|更多精彩|猜你喜欢|推荐阅读|分享到|\[?\s*打印|【\s*打印|扫码|扫描二维码|"
    r"上一篇|下一篇|版权所有|版权声明|copyright|©|关于我们|举报电话|举报邮箱|我要举报)", re.I)
# A repost's “原标题:” line ends the article on a saved page (in HTML it may sit anywhere).
REPOST_NOTE = re.compile(r"^原标题\s*[:：]")


NEXT_TEXT = re.compile(r"^\s*(?:下一页|下页|后一页|next|›|»)\s*[>›»]?\s*$", re.I)


def next_link(root, base: str) -> str | None:
    """The URL of the first “下一页” link on a page, if any."""
    from urllib.parse import urljoin

    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith("javascript:") and NEXT_TEXT.match("".join(a.itertext())):
            return urljoin(base, href)
    return None


def is_nav(line: str) -> bool:
    """True for a navigation bar, breadcrumb or image file name."""
    return bool(NAV.search(line))
