"""The theme in a real browser: filters by click, reading preferences, accessibility, screenshots."""

from __future__ import annotations

import pytest

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SHANGHAI = "editions/shanghai-shequ-zhiyuan-shifan-2019/"


def test_edition_filters_work_by_clicking(page):
    page.goto(page.base + SHANGHAI)
    assert page.locator(".entries > li").count() == 40
    page.locator(".filters-box > summary").click()  # the filters are one control until opened
    page.locator(".filters a", has_text="闵行区").click()
    page.wait_for_url("**/region/shanghai-minhang/")
    assert page.locator(".entries > li").count() == 3
    page.locator(".filters a", has_text="服务创优示范中心").click()
    page.wait_for_url("**/category/**")
    assert page.locator(".entries > li").count() == 10
    assert page.locator("section.category h2").inner_text().startswith("服务创优示范中心")


def test_edition_filters_work_with_the_keyboard(page):
    page.goto(page.base + SHANGHAI)
    opened = False
    for _ in range(60):
        page.keyboard.press("Tab")
        if not opened and page.evaluate("document.activeElement.tagName") == "SUMMARY":
            page.keyboard.press("Enter")  # opens the filters
            opened = True
        if page.evaluate("document.activeElement.textContent.trim().startsWith('闵行区')"):
            break
    else:
        raise AssertionError("the 闵行区 filter cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/region/shanghai-minhang/")
    assert page.locator(".entries > li").count() == 3


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(page):
    page.goto(page.base)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def _root_font_px(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_font_size_switch_and_high_contrast_work_and_are_remembered(page):
    page.goto(page.base)
    normal = _root_font_px(page)
    page.get_by_role("button", name="特大").click()
    assert _root_font_px(page) > normal * 1.3
    assert page.get_by_role("button", name="特大").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="高对比度").click()
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    page.goto(page.base + "communities/zhejiang/cixi-yubo/")  # another page: both choices stay
    assert _root_font_px(page) > normal * 1.3
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    page.reload()
    assert page.get_by_role("button", name="高对比度").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="标准").click()
    page.get_by_role("button", name="高对比度").click()
    assert _root_font_px(page) == normal
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


A11Y_PAGES = {
    "home": "",
    "edition": SHANGHAI,
    "honoree": "communities/zhejiang/cixi-yubo/",
    "region": "regions/zhejiang/ningbo/",
    "search": "search/?q=虞波",
    "news": "news/2020-03-15-minhang-shifan/",
    "stats": "stats/",
    "site map": "sitemap/",
    "open data": "data/",
    "brand": "projects/zhejiang/xiuzhou-diandangjia/",
}


@pytest.mark.parametrize("name", A11Y_PAGES)
@pytest.mark.parametrize("contrast", ["normal", "high"])
@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_serious_or_critical_violations(page, name, contrast, width):
    page.set_viewport_size({"width": width, "height": 900})
    if contrast == "high":
        page.context.add_init_script("localStorage.setItem('bangyang-contrast', 'high')")
    page.goto(page.base + A11Y_PAGES[name])
    if name == "search":
        page.wait_for_selector(".result")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_for_review(browser, base_url, artifacts, width):
    """Writes test-artifacts/*.png; a person looks at them. The test checks nothing overflows sideways."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    for name, url in (("home", ""), ("edition", SHANGHAI), ("search", "search/?q=社区&province=上海市")):
        pg.goto(base_url + url)
        if name == "search":
            pg.wait_for_selector(".result")
        pg.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=True)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} at {width}px scrolls sideways by {overflow}px"
    context.close()


def test_chart_text_is_readable_and_whole_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(base_url + "stats/")
    for chart in page.locator("svg.chart").all():
        box = chart.bounding_box()
        for text in chart.locator("text").all():
            t = text.bounding_box()
            # the font size as drawn: its size in the drawing times the drawing's scale on screen
            drawn = text.evaluate("e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a")
            assert drawn >= 12, (text.text_content(), drawn)
            assert t["x"] >= box["x"] - 0.5 and t["x"] + t["width"] <= box["x"] + box["width"] + 0.5, text.text_content()
    context.close()


@pytest.mark.parametrize("width, height", [(375, 667), (1280, 900)])
def test_an_editions_first_entry_shows_without_scrolling(browser, base_url, artifacts, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.goto(base_url + "editions/shanghai-shequ-zhiyuan-shifan-2019/")
    page.screenshot(path=str(artifacts / f"edition-{width}.png"))
    first = page.locator(".entries li").first.bounding_box()
    assert first["y"] + first["height"] <= height, first
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= (150 if width < 600 else 130), header
    if width < 600:  # label above value, not squeezed beside it
        dt, dd = (page.locator(".facts div").first.locator(x).bounding_box() for x in ("dt", "dd"))
        assert dd["y"] >= dt["y"] + dt["height"] - 1 and dd["width"] > 250
    context.close()


@pytest.mark.parametrize("contrast", ["normal", "high"])
def test_the_qr_code_a_reader_scans_opens_the_page_itself(page, contrast):
    """Read back from a screenshot, as a phone's camera would: every kind of page, both themes."""
    import io

    import zxingcpp
    from PIL import Image

    if contrast == "high":
        page.context.add_init_script("localStorage.setItem('bangyang-contrast', 'high')")
    for url in ("", SHANGHAI, "communities/zhejiang/cixi-yubo/", "regions/zhejiang/ningbo/", "years/2019/",
                "news/2020-03-15-minhang-shifan/", "news/", "search/"):
        page.goto(page.base + url)
        shot = page.locator("figure.share-qr svg").screenshot()
        found = zxingcpp.read_barcode(Image.open(io.BytesIO(shot)))
        assert found is not None and found.valid, url
        assert found.text == page.locator('link[rel="canonical"]').get_attribute("href"), url


def test_without_scripts_no_empty_qr_frame_shows(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "communities/zhejiang/cixi-yubo/")
    assert page.locator("figure.share-qr").count() == 1
    assert not page.locator("figure.share-qr").is_visible()
    context.close()
