"""The general algorithm: find an article's body, title and info bar in any HTML page.

The body is the block with the most sentence-like, link-free text, scored the
way Readability does it (paragraph scores flow to their containers), tuned for
Chinese: sentence punctuation counts, and text written straight into a <td> or
<div> between <br>s is a paragraph too, as on older portals. Written here, not
taken from trafilatura or GNE, because neither returns the info-bar fields
(来源, 编辑) or where the body sits, which the info bar and list parsing need;
bench/extract_bench.py scores all three on the same pages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree, html

from . import bylines
from .article import Article, Image, Link
from .attachments import SUFFIXES as ATTACHMENT_SUFFIXES
from .furniture import FOOTER, is_nav
from .lists import AWARD_WORDS, NUMBER_ALONE, all_honoree_names, is_category_heading, is_lead_in
from .profiles import Profile

_DROP = ("script", "style", "noscript", "iframe", "svg", "template", "object", "embed", "select",
         "textarea", "button", "input", "canvas", "video", "audio", "map", "frameset", "link",
         "rt", "rp")  # a <ruby>'s pronunciation (pinyin over a name), not its text
# The attributes that may hide an element. Not “visibility: hidden”: WeChat's pages hide the
# article itself so until their scripts run. (Selecting the attributes and testing their values
# here takes a third of the time an XPath test on every element's style does.)
_HIDING = etree.XPath("//@style | //@hidden")
_BLOCK = frozenset(
    "html body div p td th tr tbody thead table li ul ol dl dt dd section article main aside header footer "
    "h1 h2 h3 h4 h5 h6 blockquote pre center form figure figcaption nav address hr caption font-block".split())
_PARA = frozenset("p h1 h2 h3 h4 h5 h6 li dt dd pre blockquote figcaption caption th".split())
_PUNCT = re.compile(r"[，。！？；：、,.!?;]")
_BOILER = re.compile(
    r"share|comment|related|recommend|footer|copyright|breadcrumb|crumb|(?<![a-z])nav|menu|sidebar|toolbar|"
    r"print|qrcode|ewm|xgxw|xgwz|xglj|hotnews|rank|advert|(?<![a-z])ad(?![a-z])|banner|login|subscribe|"
    r"pagelink|page-nav|prevnext|next-prev|bdshare|jiathis|fenxiang|dianzan|tool-?bar|author-info|editor",
    re.I)
_TITLE_CLASS = re.compile(r"title|headline|(?<![a-z])bt(?![a-z])|tit(?![a-z])|biaoti", re.I)
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|--|-\s|\s-|—|–)\s*")
_DATE_META = ("article:published_time", "og:release_date", "og:published_time", "publishdate", "pubdate",
              "publish-date", "publish_date", "publishtime", "firstpublishedtime", "dc.date.issued", "dc.date",
              "datepublished", "date", "releasedate", "created")
_JUNK_LINE = re.compile(
    r"^(?:第\s*\d+\s*页|分享到|分享|打印|打印本页|打印此页|关闭|关闭窗口|收藏|返回顶部|返回|上一篇|下一篇|上一页|下一页|"
    r"字号|字体|【?\s*大\s*中\s*小\s*】?|扫一扫|扫描二维码|微信扫一扫|我要纠错|点击数|浏览次数|"
    r"图集|\+1|【?纠错】?|相关阅读|相关新闻|相关链接|相关文章|推荐阅读|热点推荐|更多|>>更多)[:：\s|】\]]*.{0,12}$")
MAX_IMAGES = 50
# “…-新华网”: a site name glued to the headline in <title>
_SITE_SUFFIX = re.compile(r"\s*[-_|｜—–]\s*[^-_|｜—–\s]{1,10}(?:网|报|台|频道|新闻|在线|门户|政府)\s*$")
_ENP = re.compile(r"<!--\s*enpproperty(.*?)/?enpproperty\s*-->", re.S | re.I)


@dataclass
class _Stats:
    text: float = 0.0
    link: float = 0.0
    punct: int = 0
    score: float = 0.0
    subtree_text: float = 0.0
    subtree_link: float = 0.0


@dataclass
class _Page:
    root: html.HtmlElement
    order: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    pieces: list = field(default_factory=list)  # (position, block, text, in a link) in document order


def _parse(text: str) -> html.HtmlElement | None:
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    etree.strip_elements(root, *_DROP, with_tail=False)
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)  # keeps the text after them
    for el in _hidden(root):  # what no reader sees, such as a second copy of the article for phones
        el.drop_tree()
    if "swiper-slide-duplicate" in text or "slick-cloned" in text:
        for el in _CLONES(root):  # the copies a carousel makes of its first and last slides, to loop
            el.drop_tree()
    _label_panels(root)
    for a in _TITLED_LINKS(root):
        _untruncate(a)
    return root


_TITLED_LINKS = etree.XPath("//a[@title]")
_ELLIPSIS = re.compile(r"\s*(?:…+|\.{3,})\s*$")


def _untruncate(a) -> None:
    """A link whose words a column page cut short (“嘉定区菊园新区社区志…”) reads as the whole
    of them that its ``title`` holds: the name a reader sees by pointing at it."""
    shown = a.text_content()
    cut = _ELLIPSIS.search(shown)
    title = " ".join((a.get("title") or "").split())
    if cut is None or len(a) or not title or len(title) > 300:
        return
    kept, whole = "".join(shown[:cut.start()].split()), "".join(title.split())
    if kept and len(whole) > len(kept) and whole.startswith(kept):
        a.text = title


_IN_PAGE = etree.XPath('//a[starts-with(@href, "#")]')
# Marked by the carousel libraries portals use: Swiper's “swiper-slide-duplicate”, Slick's “slick-cloned”.
_CLONES = etree.XPath('//*[contains(concat(" ", normalize-space(@class), " "), " swiper-slide-duplicate ")'
                      ' or contains(concat(" ", normalize-space(@class), " "), " slick-cloned ")]')


def _label_panels(root) -> None:
    """Give each tab's panel its tab's label as its first line: a page that sets its categories
    in tabs names them only in the links that open the panels (“<a href="#tab2">最美志愿者</a>”).
    A link to a place above it (“返回顶部”) or to a section that opens with its label (a table of
    contents) adds nothing."""
    links = [(a, a.get("href")[1:], " ".join(a.text_content().split())) for a in _IN_PAGE(root)]
    links = [(a, target, label) for a, target, label in links
             if target and 2 <= len(label) <= 20 and re.search(r"[\u4e00-\u9fff]{2}", label)]
    if not links:
        return
    order = {el: i for i, el in enumerate(root.iter())}
    for a, target, label in links:
        panel = root.get_element_by_id(target, None)
        if (panel is None or order.get(panel, -1) < order[a] or panel.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
                or "".join(panel.text_content().split()).startswith("".join(label.split()))):
            continue
        line = html.Element("p")
        line.text, line.tail = label, panel.text
        panel.text = None
        panel.insert(0, line)


def _hidden(root) -> list:
    """The elements a page hides with a ``hidden`` attribute or an inline ``display: none``,
    each once, such as a second copy of the article for phones. Never <html> or <body>, nor one
    holding more than half the page's text (the page itself, hidden until its scripts show it),
    nor a tab's panel: one of a row of elements of its kind of which another is shown, each
    opened by its tab (“最美志愿者 | 最佳志愿服务组织”)."""
    found = {id(a.getparent()): a.getparent() for a in _HIDING(root)
             if a.attrname == "hidden" or "display:none" in "".join(a.split()).lower()}
    if not found:
        return []
    half = _own_len(root.text_content()) / 2
    return [el for el in found.values()
            if el.tag not in ("html", "body") and el.getparent() is not None and _own_len(el.text_content()) <= half
            and not _tab_panel(el, found)]


def _tab_panel(el, hidden: dict) -> bool:
    kind = el.get("class")
    return bool(kind) and any(s is not el and s.tag == el.tag and s.get("class") == kind and id(s) not in hidden
                              for s in el.getparent())


def _own_len(s: str | None) -> int:
    return len("".join(s.split())) if s else 0


def _measure(root) -> _Page:
    """Text, link text and punctuation per block, summed over subtrees."""
    page = _Page(root)
    owner: dict = {}
    in_link: dict = {}
    stats = page.stats
    # Links to the honorees of a list (each to its story) are the list's text, not navigation;
    # so are those of a paragraph that names an award's category and its honorees, or the category alone.
    named = {a for items in root.iter("ul", "ol") if _linked_names(items) for a in items.iter("a")}
    named.update(a for p in root.iter(*_PARA) if _opens_with_award(p) and _heads_a_list(p.text_content().strip())
                 for a in p.iter("a"))
    named.update(_linked_paragraphs(root))
    for i, el in enumerate(root.iter()):
        if not isinstance(el.tag, str):
            continue
        page.order[el] = i
        parent = el.getparent()
        owner[el] = el if el.tag in _BLOCK or parent is None else owner.get(parent, el)
        # A link to an attached file (“附件：名单.docx”) is part of the notice, not navigation.
        in_link[el] = (el.tag == "a" and not _is_attachment_href(el.get("href")) and el not in named) or (
            parent is not None and in_link.get(parent, False))
        for text, holder, linked in ((el.text, owner[el], in_link[el]),
                                     (el.tail, owner.get(parent, el) if parent is not None else el,
                                      parent is not None and in_link.get(parent, False))):
            n = _own_len(text)
            if not n:
                continue
            page.pieces.append((i, holder, text, linked))
            st = stats.setdefault(holder, _Stats())
            st.text += n
            if linked:
                st.link += n
            else:
                st.punct += len(_PUNCT.findall(text))
    # subtree sums and paragraph scores
    for block, st in list(stats.items()):
        node = block
        while node is not None:
            s = stats.setdefault(node, _Stats())
            s.subtree_text += st.text
            s.subtree_link += st.link
            node = node.getparent()
        plain = st.text - st.link
        if plain < 8:
            continue
        score = 1 + st.punct + min(plain / 50, 3)
        container = block.getparent() if block.tag in _PARA else block
        for weight in (1.0, 0.5, 0.25):
            if container is None:
                break
            stats.setdefault(container, _Stats()).score += score * weight
            container = container.getparent()
    return page


def _link_density(st: _Stats) -> float:
    return st.subtree_link / st.subtree_text if st.subtree_text else 1.0


def _body_nodes(page: _Page) -> list:
    """The top-scoring container, with its siblings that read like more of the same article."""
    scores = {}
    for el, st in page.stats.items():
        if st.score <= 0 or el.tag in ("html",) or el.tag in _PARA:
            continue
        scores[el] = _scored(page, el) * (0.1 if _boilerplate(el) else 1)
    # The info bar (“2024-05-06 来源：……”) outscores a short notice's table of names, which
    # have no punctuation: it is never the body. (A short article closed by its editor's name
    # reads like one too, but it has a sentence.)
    best = max(scores, key=scores.get, default=None)
    while best is not None and page.stats[best].subtree_text <= 80 and _info_bar(best.text_content()):
        del scores[best]
        best = max(scores, key=scores.get, default=None)
    if best is None:
        return []
    best_score = scores[best]
    while best.tag in ("tr", "thead", "tbody", "tfoot") and best.getparent() is not None:
        best = best.getparent()  # a row is never an article: its table is (a short notice that is one small table)
    # A list in a tab's panel (or a box of its own) beside others like it, each holding a category:
    # the panels, which score alike, are the body, not the one that scores a little higher.
    wrapper, peer = best.getparent(), 0.0
    if _wraps(wrapper, best):
        level = _scored(page, wrapper) / 2
        if level > 0 and any(_scored(page, s) >= level for s in wrapper.getparent() if s is not wrapper):
            best, peer = wrapper, level
    parent = best.getparent()
    if parent is None:
        return [best]
    nodes = []
    threshold = max(best_score * 0.2, 6)
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is best:
            nodes.append(sib)
            continue
        st = page.stats.get(sib)
        if st is None or _boilerplate(sib):
            continue
        density = _link_density(st)
        plain = st.subtree_text - st.subtree_link
        if _scored(page, sib) >= threshold or (
                sib.tag == "p" and density < 0.25 and (plain > 60 or plain > 10 and st.punct)) or (
                # a list set out as a table per category: names score low, having no punctuation
                best.tag == "table" and sib.tag == "table" and density < 0.25 and plain > 10) or (
                peer and _scored(page, sib) >= peer):
            nodes.append(sib)
    return nodes


def _bold_lead(block, child) -> bool:
    """Whether ``child`` is a short bold run opening ``block``, set apart from the text after it
    by a space: a name before its unit, where the space inside a name (“吴 衡”) would not tell."""
    return (child.tag in ("b", "strong") and not (block.text or "").strip() and block[0] is child
            and child.tail[:1].isspace() and bool(child.tail.strip()) and len(child.text_content().strip()) <= 12)


def _info_bar(text: str) -> bool:
    text = " ".join(text.split())
    return not re.search(r"[。！？!?]", text) and bylines.is_byline_line(text)


def _scored(page: _Page, el) -> float:
    """The score of ``el`` less its links' share, 0 for one that holds no text."""
    st = page.stats.get(el)
    return st.score * (1 - _link_density(st)) if st is not None else 0.0


def _wraps(parent, child) -> bool:
    """Whether ``parent`` holds ``child`` and nothing else (no other element, no text of its own)."""
    if parent is None or parent.tag in ("body", "html") or (parent.text or "").strip():
        return False
    return [c for c in parent if isinstance(c.tag, str)] == [child] and not (child.tail or "").strip()


def _boilerplate(el) -> bool:
    ident = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(ident.strip()) and bool(_BOILER.search(ident))


# Runs of white space collapse to one space, as a browser shows them, but a full-width space
# stays: lists print “吴 衡　上海市……”, where it parts a name holding a space from its unit.
_SPACES = re.compile(r"[^\S\u3000]+")
_SUP_DIGITS = re.compile(r"\d{1,2}")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _walk_lines(nodes, page: _Page, base_url: str | None, images: list[Image] | None, prune: bool) -> list[str]:
    """Paragraphs of text under nodes, split at blocks and <br>, skipping link lists and boilerplate."""
    lines: list[str] = []
    buf: list[str] = []

    def flush():
        text = _SPACES.sub(" ", "".join(buf)).strip()
        buf.clear()
        if text:
            lines.append(text)

    def visit(el, depth: int):
        tag = el.tag
        if not isinstance(tag, str):
            return
        if prune and depth > 0:
            st = page.stats.get(el)
            if st is not None and st.subtree_text:
                if _boilerplate(el) and st.subtree_text - st.subtree_link < 200:
                    return
                if _link_density(st) > 0.6 and st.subtree_text > 4 and tag not in ("a",):
                    return
        if tag == "img":
            if images is not None:
                _add_image(el, base_url, images)
            alt = (el.get("alt") or "").strip()
            parent = el.getparent()
            if alt and _heads_a_list(alt) and parent is not None and not parent.text_content().strip():
                flush()  # a banner whose words head a category (“<img alt="最美志愿者">”): as its reader gives them
                lines.append(alt)
        block = tag in _BLOCK
        if tag == "br" or block or tag == "pre":
            flush()
        if tag == "pre":  # typed text: its line breaks part its lines
            lines.extend(ln.strip() for ln in el.text_content().split("\n") if ln.strip())
            return
        if tag == "sup" and _SUP_DIGITS.fullmatch(el.text_content().strip()) and not len(el):
            # A footnote number (“李峰威<sup>1</sup>”) or a power (“m<sup>2</sup>”): as the
            # superscript digits a reader sees, not as digits run into the word before.
            buf.append(el.text_content().strip().translate(_SUPERSCRIPT))
            return
        style = el.get("style")
        if (tag == "small" or style and "float" in style and _FLOATED.search(style)) \
                and re.search(r"[\u4e00-\u9fff]\s*$", "".join(buf[-2:])):
            # “吴 衡 <small>上海市……</small>”, “李峰威<span style="float:right">北京市……</span>”:
            # the unit after the name, set apart, as the page shows it
            buf.append("\u3000")
        if el.text:
            buf.append(el.text)
        items = block and _item_row(el)
        numbered = _number_element(el) if block else None
        if depth < 200:
            for child in el:
                visit(child, depth + 1)
                if child.tail and _bold_lead(el, child):
                    buf.append("\u3000" + child.tail.lstrip())  # “<b>吴 衡</b> 上海市……”: the name, then its unit
                elif child.tail:
                    buf.append(child.tail)
                elif numbered and child is numbered[0]:
                    buf.append(" ")  # “<span>1</span><span>名称</span>”: a number set apart by its element
                elif numbered and child is numbered[1]:
                    buf.append("\u3000")  # “…<span>名称</span><span>单位</span>”: the unit, as a cell of its own
                if items:
                    flush()
        if block:
            flush()

    for node in nodes:
        visit(node, 0)
        flush()
    return lines


_FLOATED = re.compile(r"float\s*:\s*(?:left|right)", re.I)


def _opens_with_award(el) -> bool:
    """Quickly, before its whole text is read: an element holding a link whose first words name
    an award (its own text, or its first child's: “最美志愿者：”, “<a>最美志愿者</a>”)."""
    if not len(el):
        return False
    first = el[0]
    opening = (el.text or "") + (first.text or "" if isinstance(first.tag, str) else "")
    return bool(AWARD_WORDS.search(opening)) and el.find(".//a") is not None


def _heads_a_list(text: str) -> bool:
    """A paragraph that is an award's category, or opens with one (“最佳志愿服务组织：<a>…</a>、<a>…</a>”)."""
    opening = re.match(r"^([^：:]{2,30}[：:])", text)
    heading = opening.group(1) if opening else text
    return bool(AWARD_WORDS.search(heading)) and is_category_heading(heading)


def _number_element(el):
    """The number and the name of an item made of a sequence number, a name and perhaps a unit,
    each an element of its own and nothing else (“<div><span>1</span><span>名称</span>
    <span>单位</span></div>”), else None."""
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) not in (2, 3) or (el.text or "").strip() or any((c.tail or "").strip() for c in kids[:-1]):
        return None
    return kids[:2] if NUMBER_ALONE.match(kids[0].text_content()) and kids[1].tag not in _BLOCK else None


def _linked_paragraphs(root) -> list:
    """The links of paragraphs that are each one link, or of lists whose items are, in a run
    under a paragraph heading a list's category (“<p><b>最美志愿者</b></p><p><a>李峰威</a></p>…”):
    each honoree's name, linked to its story."""
    found = []
    for p in root.iter("p"):
        nxt = p.getnext()
        if not _one_link(nxt) or p.find(".//a") is not None or not _heads_a_list(p.text_content().strip()):
            continue
        while _one_link(nxt):
            found += [nxt[0]] if nxt.tag == "p" else [li[0] for li in nxt]
            nxt = nxt.getnext()
    return found


def _one_link(el) -> bool:
    """A paragraph that is one link and nothing else, or a list whose every item is."""
    if el is not None and el.tag in ("ul", "ol"):
        return len(el) > 0 and all(item.tag == "li" and _only_link(item) for item in el)
    return el is not None and el.tag == "p" and _only_link(el)


def _only_link(el) -> bool:
    return len(el) == 1 and el[0].tag == "a" and not (el.text or "").strip() and not (el[0].tail or "").strip()


def _linked_names(el) -> bool:
    """A list whose every item is one link named after an honoree (a list linking each
    honoree to its story), not a menu or a list of related articles."""
    if el.tag not in ("ul", "ol"):
        return False
    texts = []
    for item in el:
        if not isinstance(item.tag, str):
            continue
        links = item.findall(".//a")
        text = item.text_content().strip()
        if item.tag != "li" or len(links) != 1 or links[0].text_content().strip() != text:
            return False
        texts.append(text)
    before = el.getprevious()
    return all_honoree_names(texts, before.text_content().strip() if before is not None else "")


def _item_row(el) -> bool:
    """A block made only of two or more short items side by side, each the same element with
    the same class and nothing between them (names in spans spaced by CSS alone): each item is
    a line of its own. Styled runs of a sentence carry punctuation, or no common class."""
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) < 2 or (el.text or "").strip() or any((c.tail or "").strip() for c in kids):
        return False
    if len({(c.tag, c.get("class") or "") for c in kids}) != 1 or not kids[0].get("class") or kids[0].tag in _BLOCK:
        return False
    texts = [c.text_content().strip() for c in kids]
    return all(0 < len(t) <= 40 and not re.search(r"[，。；！？,;!?]", t) for t in texts)


def _add_image(el, base_url: str | None, images: list[Image]) -> None:
    src = el.get("data-original") or el.get("data-src") or el.get("src") or ""
    src = src.strip()
    if not src or src.startswith("data:") or len(images) >= MAX_IMAGES:
        return
    for dim in ("width", "height"):
        v = el.get(dim, "")
        if v.isdigit() and int(v) < 40:
            return
    src = urljoin(base_url, src) if base_url else src
    if not any(i.src == src for i in images):
        images.append(Image(src=src[:2000], alt=(el.get("alt") or "").strip()[:300]))


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def _title(root, page: _Page, body_start: int) -> tuple[str, object]:
    """Headline and its element: the heading that the <title> begins with, else og:title, else <title>."""
    title_tag = (root.findtext(".//title") or "").strip()
    og = root.xpath("string(//meta[@property='og:title']/@content)").strip()
    ref = _squash(title_tag) or _squash(og)
    best, best_el = "", None
    for el in root.iter("h1", "h2", "h3", "div", "span", "td", "p", "strong", "font"):
        if el.tag not in ("h1", "h2", "h3") and not _TITLE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        sq = _squash(text)
        short_ok = el.tag == "h1" and ref.startswith(sq)  # a short headline that opens <title>
        if not (4 <= len(sq) or short_ok and len(sq) >= 2) or len(sq) > 120:
            continue
        if ref and sq in ref and len(sq) > len(_squash(best)):
            best, best_el = text, el
    if best and (len(_squash(best)) >= 6 or ref.startswith(_squash(best))):
        if _squash(best) == _squash(title_tag):
            best = _SITE_SUFFIX.sub("", best).strip() or best
        return best, best_el
    if og and len(og) >= 4:
        return og, None
    # no heading matches <title>: the first h1 before the body
    for el in root.iter("h1"):
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if 4 <= len(text) <= 120 and page.order.get(el, 0) <= body_start:
            return text, el
    parts = [p for p in _TITLE_SPLIT.split(title_tag) if p.strip()]
    title = parts[0] if parts else title_tag  # portals put the headline first: 标题_频道_网站
    return _SITE_SUFFIX.sub("", title).strip() or title, None


def _element_showing(root, page: _Page, title: str, body_start: int):
    """The innermost element before the body whose text is the headline."""
    want = _squash(title)
    found = None
    for el, st in page.stats.items():
        pos = page.order.get(el, 0)
        if pos >= body_start or not st.text or st.subtree_text > len(want) * 1.5 + 4:
            continue
        if want in _squash(el.text_content()) and (found is None or pos > page.order.get(found, 0)):
            found = el
    return found


def _founder_properties(text: str) -> bylines.Byline:
    """Date and author from the <!--enpproperty …--> comment of Founder newspaper systems."""
    m = _ENP.search(text)
    if not m:
        return bylines.Byline()
    props = m.group(1)
    date = re.search(r"<date>([^<]*)</date>", props)
    author = re.search(r"<author>([^<]*)</author>", props)
    return bylines.Byline(date=bylines.find_date(date.group(1)) if date else None,
                          author=(author.group(1).strip() or None) if author else None)


def _metas(root) -> dict[str, str]:
    """The head's meta tags, by lower-cased name (the first of each)."""
    metas: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").lower()
        if key and m.get("content"):
            metas.setdefault(key, m.get("content").strip())
    return metas


def _meta_byline(metas: dict[str, str]) -> bylines.Byline:
    """来源 and 作者 from the meta tags Chinese government sites write (ContentSource, Author),
    for pages that print them nowhere else. An author that names an outlet is no author."""
    source = metas.get("contentsource") or None
    author = metas.get("author") or None
    if author and not bylines.looks_like_people(author):
        author = None
    return bylines.Byline(source=source if source and len(source) <= 40 else None, author=author)


def _meta_date(root, metas: dict[str, str]) -> str | None:
    for key in _DATE_META:
        if key in metas:
            found = bylines.find_date(metas[key]) or bylines.find_compact_date(metas[key])
            if found:
                return found
    for t in root.iter("time"):
        found = bylines.find_date(t.get("datetime") or t.text_content() or "")
        if found:
            return found
    return None


def _between(page: _Page, start: int, stop: int) -> list[str]:
    """Text lines of the page between two document positions, one a block."""
    lines: list[str] = []
    holder, buf, was_link = None, [], False
    for i, owner, text, linked in page.pieces:
        if i <= start:
            continue
        if i >= stop:
            break
        if owner is not holder and buf:
            lines.append(" ".join(buf))
            buf = []
        elif buf and linked != was_link:
            buf.append(" ")  # a wide gap: an info-bar value stops where a link begins or ends
        holder, was_link = owner, linked
        buf.append(" ".join(text.split()))
    if buf:
        lines.append(" ".join(buf))
    return [line for line in lines if line.strip()]


def extract_html(text: str, url: str | None = None, profile: Profile | None = None) -> Article:
    """Extract an article from decoded HTML; the profile's selectors win where they match."""
    enp = _founder_properties(text)
    root = _parse(text)
    if root is None:
        return Article(url=url, reason="页面不是可解析的 HTML")
    page = _measure(root)
    body_nodes = profile.select(root, "body") if profile else []
    from_profile = bool(body_nodes)
    if not body_nodes:
        body_nodes = _body_nodes(page)
    if not body_nodes:
        title_tag = (root.findtext(".//title") or "").strip()
        return Article(title=title_tag, url=url, reason="页面上没有找到正文")
    body_start = min(page.order.get(n, 0) for n in body_nodes)
    last = body_nodes[-1]
    body_end = max(page.order.get(e, 0) for e in last.iter() if isinstance(e.tag, str))

    title, title_el = "", None
    if profile:
        hits = profile.select(root, "title")
        if hits:
            title_el = hits[0]
            title = re.sub(r"\s+", " ", title_el.text_content()).strip()
    if not title:
        title, title_el = _title(root, page, body_start)
    if title_el is None and title:
        title_el = _element_showing(root, page, title, body_start)

    images: list[Image] = []
    lines = _walk_lines(body_nodes, page, url, images, prune=True)
    tables = [[*_caption(t, i), *_table_rows(t)]
              for i, t in enumerate((t for n in body_nodes for t in n.iter("table")), 1)]

    # the info bar: between the headline and the body, or the last lines before the body
    title_pos = page.order.get(title_el, -1) if title_el is not None else -1
    if title_el is not None and title_pos < body_start:
        title_end = max(page.order.get(e, 0) for e in title_el.iter() if isinstance(e.tag, str))
        info = _between(page, title_end, body_start)[:12]
    else:
        info = _between(page, body_start - 60, body_start)[-8:]
    if profile:
        info = [re.sub(r"\s+", " ", n.text_content()).strip() for n in profile.select(root, "info")] + info
    head = bylines.parse_byline("  ".join(info))

    lines, inner_info = _split_head(lines, title)
    if not inner_info:  # a body block that begins with the info bar
        inner_info = list(takewhile(bylines.is_byline_line, lines[:3]))
    if inner_info:
        info = info + inner_info
        head = bylines.merge(head, bylines.parse_byline("  ".join(inner_info)))
    lead = lines[:5]
    lines = _trim(lines, title, info)
    foot_lines = _between(page, body_end, body_end + 400)[:8]
    body_lines, trailer = _split_trailer(lines)
    foot = bylines.parse_byline("  ".join(trailer + foot_lines[:4]))

    date = None
    if profile:
        hits = profile.select(root, "time")
        if hits:
            date = bylines.find_date(hits[0].text_content())
    metas = _metas(root)
    date = (date or head.date or enp.date or _meta_date(root, metas) or bylines.date_from_url(url)
            or bylines.find_date("  ".join(body_lines[:2] + trailer + body_lines[-2:]))
            or foot.date or bylines.find_date(" ".join(p[2] for p in page.pieces[:3000])))
    # 来源 printed at the foot names the original outlet; the info bar's is often the carrying site
    source, site = head.source, None
    if foot.source and foot.source != head.source:
        source, site = foot.source, head.source
    meta = _meta_byline(metas)
    source = source or meta.source
    return Article(
        title=title, publish_time=date, source=source,
        author=(head.author or foot.author or enp.author or bylines.reporter(info[-3:] + lead, body_lines[-2:])
                or bylines.bracketed_name("  ".join(info)) or meta.author),
        editor=foot.editor or head.editor, body="\n".join(body_lines), images=images, url=url, site=site,
        profile=profile.name if from_profile else None, tables=[t for t in tables if t],
        links=_attachment_links(root, url),
        reason=None if body_lines else "页面上没有找到正文")


MAX_LINKS = 10


def _is_attachment_href(href: str | None) -> bool:
    return bool(href) and f".{urlsplit(href.strip()).path.rsplit('.', 1)[-1].lower()}" in ATTACHMENT_SUFFIXES


def _attachment_links(root, base_url: str | None) -> list[Link]:
    """Links to the files a notice attaches (.docx, .xlsx, .pdf, …), absolute http(s) only."""
    out: list[Link] = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not _is_attachment_href(href):
            continue
        url = urljoin(base_url, href) if base_url else href
        if urlsplit(url).scheme not in ("http", "https") or any(link.url == url for link in out):
            continue
        title = " ".join(a.text_content().split()) or unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        out.append(Link(title[:200], url))
        if len(out) >= MAX_LINKS:
            break
    return out


def _table_rows(table) -> list[list[str]]:
    """The text of each row's cells; a cell that spans rows (rowspan, as a category column
    merged down its entries) is repeated in each row it spans, so the columns stay aligned."""
    rows, spanning = [], {}  # column → (text, rows it still spans)
    for tr in table.iter("tr"):
        cells, column = [], 0
        for cell in tr.iter("td", "th"):
            while column in spanning:
                cells.append(_carry(spanning, column))
                column += 1
            text = _cell_text(cell)
            span = cell.get("rowspan", "1")
            if span.isdigit() and 1 < int(span) <= 1000:
                spanning[column] = (text, int(span) - 1)
            cells.append(text)
            column += 1
        while column in spanning:
            cells.append(_carry(spanning, column))
            column += 1
        rows.append(cells)
    return rows


def _cell_text(cell) -> str:
    """A cell's text with its spaces collapsed; a line break (<br>) kept as “\n”: it may part a
    name from its unit (lists.split_entry decides)."""
    raw = "".join(_texts(cell))
    return "\n".join(p for p in (_SPACES.sub(" ", x).strip() for x in raw.split("\n")) if p)


def _texts(el):
    """The text of ``el`` in document order, with “\n” for each <br> and around each block
    (a cell may hold a <p> for each name)."""
    yield el.text or ""
    for child in el:
        if child.tag == "br":
            yield "\n"
        elif child.tag in _BLOCK:
            yield "\n"
            yield from _texts(child)
            yield "\n"
        elif isinstance(child.tag, str):
            yield from _texts(child)
        yield child.tail or ""


def _carry(spanning: dict, column: int) -> str:
    text, left = spanning[column]
    if left <= 1:
        del spanning[column]
    else:
        spanning[column] = (text, left - 1)
    return text


def _caption(table, number: int) -> list[list[str]]:
    """The table's caption, as a one-cell row: its <caption>; a numbered one beside it with its
    number, the ``number``-th table's (“表2　最美志愿者”, above it or, as Word sets it, under it);
    or the short heading just above it, unless that is another table's numbered caption."""
    cap = table.find("caption")
    text = cap.text_content() if cap is not None else ""
    numbered = [] if text.strip() else [
        (el, _TABLE_CAPTION.match(el.text_content())) for el in (table.getprevious(), table.getnext())
        if el is not None and el.tag in ("p", "h3", "h4", "h5", "strong")]
    if not text.strip():
        text = next((el.text_content() for el, m in numbered if m and _numeral(m.group(1)) == number), "")
    if not text.strip():
        prev = table.getprevious()
        text = prev.text_content() if prev is not None and prev.tag in ("h2", "h3", "h4", "h5", "p", "div", "strong") \
            and not any(el is prev and m for el, m in numbered) else ""
    text = re.sub(r"\s+", " ", text).strip()
    return [[text]] if text and len(text) <= 40 else []


_TABLE_CAPTION = re.compile(r"^\s*附?表\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[：:．.、\s\u3000]\s*\S")


def _numeral(text: str) -> int:
    """“12” or “十二” as a number; 0 for what is no number (“一一”)."""
    if text.isdigit():
        return int(text)
    digits = "一二三四五六七八九"
    tens, ten, ones = text.rpartition("十")
    if not ten:  # a digit alone
        return digits.index(text) + 1 if len(text) == 1 and text in digits else 0
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in digits) or (ones and ones not in digits):
        return 0
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def _split_head(lines: list[str], title: str) -> tuple[list[str], list[str]]:
    """When the body block holds the headline, what precedes it is page furniture and the
    short lines after it are the info bar."""
    t = _squash(title)
    for i, line in enumerate(lines[:80]):
        if t and _squash(line) == t:
            j = i + 1
            # Info-bar lines: short ones, and longer ones made of labels and dates (a one-line
            # bar with time, 来源, 作者 and 浏览次数 runs past 30 characters).
            while j < len(lines) and j <= i + 4 and (bylines.is_byline_line(lines[j]) or len(lines[j]) < 80 and not (
                    len(lines[j]) > 30 and _PUNCT.search(lines[j]))):
                if not bylines.is_byline_line(lines[j]) and is_lead_in(lines[j]):
                    break  # “名单如下：”: the body has begun
                j += 1
            info = lines[i + 1:j]
            before = [x for x in lines[:i] if not (is_nav(x) or len(x) < 15)]
            if any(bylines.find_date(x) or bylines.is_byline_line(x) for x in info):
                return before + lines[j:], info
            return before + lines[i + 1:], []
    return lines, []


def _trim(lines: list[str], title: str, info: list[str]) -> list[str]:
    """Drop the headline, info bar and page furniture that the body block carried along."""
    t, info_set = _squash(title), {_squash(i) for i in info}
    out = []
    for i, line in enumerate(lines):
        sq = _squash(line)
        if not out and i < 4 and (sq == t or sq in info_set or bylines.is_byline_line(line)):
            continue  # headline or info bar repeated above the first paragraph
        if FOOTER.match(line.strip()) and i >= len(lines) // 3:
            break  # what follows is a list of other articles, or the page footer
        if _JUNK_LINE.match(line.strip()):
            continue
        out.append(line)
        if "编辑" in line and bylines.is_byline_line(line) and sum(map(len, out)) > sum(map(len, lines)) / 2:
            break  # the editor's line closes the article; what follows is the page
    return out


def _split_trailer(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split off the byline lines at the end of the body (“(责任编辑: …)”)."""
    end = len(lines)
    while end > 0 and end > len(lines) - 4 and bylines.is_byline_line(lines[end - 1]):
        end -= 1
    return lines[:end], lines[end:]
