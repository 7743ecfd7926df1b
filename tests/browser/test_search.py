"""Search as a visitor uses it: typing Chinese, pinyin or traditional characters, filtering, sharing."""

from __future__ import annotations

import re

SETTLED = ("() => { const s = document.getElementById('search-status').textContent;"
           " return s !== '' && !s.startsWith('正在'); }")


def _results(page) -> list[dict]:
    page.wait_for_function(SETTLED, timeout=20_000)
    return page.eval_on_selector_all(".result h2 a", "els => els.map(a => ({title: a.textContent, url: a.href}))")


def search(page, query: str, **filters) -> list[dict]:
    """Open the search page with a query in the URL, as a shared link would."""
    params = "&".join([f"q={query}"] + [f"{k}={v}" for k, v in filters.items()])
    page.goto(page.base + "search/?" + params)
    return _results(page)


def test_yubo_in_chinese_finds_the_community_first(page):
    assert search(page, "虞波")[0]["title"] == "慈溪市浒山街道虞波社区"


def test_project_name_finds_its_project_page_first(page):
    first = search(page, "暖暖的新家")[0]
    assert first["url"].endswith("/projects/zhejiang/xiangshan-nuannuandexinjia/")


def test_place_name_finds_the_community(page):
    assert "慈溪市浒山街道虞波社区" in [r["title"] for r in search(page, "慈溪")]


def test_pinyin_full_spaced_and_initials_find_the_community(page):
    for query in ("yubo", "yu%20bo", "ybsq"):
        assert search(page, query)[0]["title"] == "慈溪市浒山街道虞波社区", query


def test_traditional_characters_are_searched_as_simplified(page):
    results = search(page, "志願服務")
    assert len(results) >= 10
    assert page.inner_text("#search-status").startswith("找到")


def test_year_filter_narrows_to_the_right_list(page):
    titles = [r["title"] for r in search(page, "莘庄", year="2019")]
    assert "闵行区莘庄镇社区志愿服务中心" in titles
    assert search(page, "莘庄", year="2024") == []
    assert "没有找到" in page.inner_text("#search-status")


def test_choosing_a_year_changes_the_results_and_the_url(page):
    page.goto(page.base + "search/")
    page.fill("#q", "志愿服务")
    all_titles = [r["title"] for r in _results(page)]
    page.select_option("select[name=year]", "2024")
    page.wait_for_function("() => location.search.includes('year=2024')")
    filtered = [r["title"] for r in _results(page)]
    assert filtered and filtered != all_titles
    assert "2024年度全国志愿服务“四个100”先进典型" in filtered
    assert "闵行区莘庄镇社区志愿服务中心" not in filtered


def test_a_shared_url_reproduces_the_search(page, browser):
    page.goto(page.base + "search/")
    page.fill("#q", "社区")
    page.select_option("select[name=province]", "上海市")
    page.wait_for_function("() => location.search.includes('province=')")
    expected = _results(page)
    shared = page.url
    other = browser.new_context().new_page()
    other.goto(shared)
    other.wait_for_function(SETTLED, timeout=20_000)
    assert other.input_value("#q") == "社区"
    assert other.input_value("select[name=province]") == "上海市"
    assert other.eval_on_selector_all(".result h2 a", "els => els.map(a => ({title: a.textContent, url: a.href}))") == expected
    other.context.close()


def test_result_cards_show_name_award_year_region_and_highlight(page):
    search(page, "莘庄")
    card = page.locator(".result").first
    assert card.locator("h2 mark").inner_text() == "莘庄"
    meta = card.locator(".meta").inner_text()
    assert "服务创优示范中心" in meta and "2019" in meta and "闵行区" in meta


def test_keyboard_alone_reaches_search_and_filters(page):
    page.goto(page.base + "search/")
    for _ in range(40):  # Tab from the top of the page until the search box has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    else:
        raise AssertionError("the search box cannot be reached with Tab")
    page.keyboard.type("志愿服务")
    page.keyboard.press("Enter")
    before = len(_results(page))
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the year filter
    assert page.evaluate("document.activeElement.name") == "year"
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => location.search.includes('year=')")
    assert len(_results(page)) != before


def test_without_javascript_search_explains_and_links_to_browsing(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "search/")
    text = pg.inner_text("main")
    assert "需要启用 JavaScript" in text
    for name in ("年度", "榜单", "地区"):
        assert pg.get_by_role("link", name=name).first.is_visible()
    context.close()


def test_without_intl_segmenter_it_says_so_instead_of_a_blank(browser, base_url):
    context = browser.new_context()
    context.add_init_script("delete Intl.Segmenter;")
    pg = context.new_page()
    pg.goto(base_url + "search/?q=虞波")
    assert pg.locator("#search-unsupported").is_visible()
    assert re.search("WebAssembly|Intl.Segmenter", pg.inner_text("#search-unsupported"))
    context.close()


def test_more_results_load_on_request(page):
    results = search(page, "社区", province="上海市")
    assert len(results) == 10 and "显示前 10 个" in page.inner_text("#search-status")
    page.get_by_role("button", name="显示更多结果").click()
    page.wait_for_function("() => document.querySelectorAll('.result').length > 10")
    total = int(page.inner_text("#search-status").split("找到 ")[1].split(" ")[0])
    assert page.locator(".result").count() == min(total, 20)


def test_search_works_when_the_site_lives_under_a_portal_sub_path(browser, site, tmp_path):
    """Portals put the site in a folder; result links must keep that folder."""
    import functools
    import http.server
    import threading

    (tmp_path / "portal").mkdir()
    (tmp_path / "portal" / "bangyang").symlink_to(site, target_is_directory=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        pg = context.new_page()
        pg.goto(f"http://127.0.0.1:{server.server_address[1]}/portal/bangyang/search/?q=虞波")
        first = _results(pg)[0]
        assert first["url"].endswith("/portal/bangyang/communities/zhejiang/cixi-yubo/")
        pg.goto(first["url"])
        assert pg.locator("h1").inner_text() == "慈溪市浒山街道虞波社区"
        context.close()
    finally:
        server.shutdown()
