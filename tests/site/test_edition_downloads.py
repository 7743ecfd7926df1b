"""The files a notice attached, offered for download on the edition page as they were published."""

from __future__ import annotations

import pytest

from generator.engine.build import BuildError, build
from helpers import page, text_of

EDITION = "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml"
LISTED = """attachments:
  - title: 附件：2019年度上海市社区志愿服务示范中心名单
    file: shanghai-2019/mingdan.docx
    url: https://example.org/fujian/mingdan.docx
"""


def _attach(project, listed: str = LISTED) -> None:
    path = project / EDITION
    path.write_text(path.read_text(encoding="utf-8").replace("\ncategories:", "\n" + listed + "categories:", 1),
                    encoding="utf-8")


def test_the_edition_page_offers_the_original_file_and_the_site_carries_it_byte_for_byte(project):
    original = b"PK\x03\x04 the list as the notice attached it" * 100
    (project / "content/attachments/shanghai-2019").mkdir(parents=True)
    (project / "content/attachments/shanghai-2019/mingdan.docx").write_bytes(original)
    _attach(project)
    site = build(project, search=False).output
    link = page(site, "editions/shanghai-shequ-zhiyuan-shifan-2019/").select_one('a[href$="mingdan.docx"]')
    assert link is not None and text_of(link) == "附件：2019年度上海市社区志愿服务示范中心名单"
    assert "DOCX, 4 KB" in text_of(link.parent)
    assert (site / "attachments/shanghai-2019/mingdan.docx").read_bytes() == original

    corrected = original * 2  # a corrected file, twice as large
    (project / "content/attachments/shanghai-2019/mingdan.docx").write_bytes(corrected)
    build(project, search=False)
    assert (site / "attachments/shanghai-2019/mingdan.docx").read_bytes() == corrected
    link = page(site, "editions/shanghai-shequ-zhiyuan-shifan-2019/").select_one('a[href$="mingdan.docx"]')
    assert "DOCX, 8 KB" in text_of(link.parent)


@pytest.mark.parametrize("listed, where, says", [
    (LISTED, "attachments.0.file", "找不到附件 content/attachments/shanghai-2019/mingdan.docx"),
    (LISTED.replace("shanghai-2019/mingdan.docx", "../../pelicanconf.docx"), "attachments.0.file", "不符合要求: content/attachments/ 下的路径"),
    (LISTED.replace("https://example.org/fujian/mingdan.docx", "javascript:alert(1)"), "attachments.0.url", "以 http:// 或 https:// 开头"),
])
def test_a_missing_file_a_path_out_of_the_folder_or_a_script_address_is_named_with_its_line(project, listed, where, says):
    _attach(project, listed)
    with pytest.raises(BuildError) as failed:
        build(project, search=False)
    problems = [p for p in failed.value.problems if p.field == where]
    assert problems and says in problems[0].message and problems[0].line > 1, failed.value.problems
