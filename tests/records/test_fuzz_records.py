"""Any value in any field: `check` and `build` end with a message naming file and line, or succeed.

Hypothesis writes records of every kind with hostile values (impossible dates, huge and
non-finite numbers, control characters, deep nesting, wrong types, unknown keys, broken YAML)
into a copy of the sample project. BANGYANG_FUZZ_RECORDS sets how many records the check runs
on (each example writes a batch of 25) and BANGYANG_FUZZ_BUILDS how many full builds run; the
defaults keep `make test` short.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.domain.model import RECORD_MODELS
from generator.domain.problems import ContentError
from generator.engine.build import BuildError, build, load_catalog
from helpers import copy_project, tree_digest

BATCH = 25  # records an example writes
RECORDS = int(os.environ.get("BANGYANG_FUZZ_RECORDS", "1500"))
BUILDS = int(os.environ.get("BANGYANG_FUZZ_BUILDS", "8"))  # full builds, five records each

# A valid base for each folder, so that most examples get past the first check into linking.
BASES = {
    "communities": {"name": "某某社区", "region": "慈溪市浒山街道"},
    "organizations": {"name": "某某志愿服务队", "region": "鄞州区"},
    "projects": {"name": "某某项目", "region": "北仑区"},
    "volunteers": {"name": "张三", "region": "象山县"},
    "centres": {"name": "某某中心", "region": "闵行区吴泾镇"},
    "schemes": {"name": "某某榜", "level": "市"},
    "statistics": {"region": "宁波市", "date": "2020-01-01", "source": {"publisher": "某网"},
                   "items": [{"metric": "注册志愿者", "value": "10人"}]},
    "editions": {"scheme": "schemes/quanguo-sige100", "year": 2020, "title": "某榜单", "level": "全国",
                 "categories": [{"name": "最美志愿者", "kind": "volunteer", "quota": 2,
                                 "entries": [{"stub": "volunteers/zhejiang/fuzz-a", "name": "甲", "region": "宁波市"}]}]},
}

_TEXT = st.one_of(
    st.text(max_size=40),  # any Unicode, control characters and surrogates' neighbours included
    st.sampled_from(["", " ", "\x00", "\x1b[31m红", "\u202e反向", "<script>alert(1)</script>", "javascript:alert(1)",
                     "2024-13-05", "2024-02-30", "0000-00-00", "9999-12-31", "2999", "-1", "1e400", "NaN", "~", "null",
                     "communities/zhejiang/cixi-yubo", "../../etc/passwd", "鄞州区浒山街道", "名" * 5000]),
)
_SCALAR = st.one_of(
    _TEXT, st.booleans(), st.none(),
    st.integers(min_value=-(10 ** 40), max_value=10 ** 40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
)


def _nested(depth: int):
    if depth == 0:
        return _SCALAR
    inner = _nested(depth - 1)
    return st.one_of(_SCALAR, st.lists(inner, max_size=3), st.dictionaries(_TEXT, inner, max_size=3))


def _deep(n: int):
    """A list nested n deep: [[[…]]]."""
    value: object = "底"
    for _ in range(n):
        value = [value]
    return value


_VALUE = st.one_of(_SCALAR, _nested(3), st.integers(20, 80).map(_deep))
_RAW = st.sampled_from([
    "name: [unclosed\n", "a: &x [*x]\n", "name: !!python/object:os.system ls\n", "\tname: tab\n",
    "name: a\nname: b\n", "- not a mapping\n", "name: 'quote\n", "{{{{\n", "name: |\n  text\n bad\n",
    "lol: &a [x,x,x,x,x,x,x,x,x]\nlol2: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nlol3: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
])


@st.composite
def records(draw) -> tuple[str, str]:
    """(folder, YAML text) of one record, its base broken in one to three ways."""
    folder = draw(st.sampled_from(sorted(BASES)))
    if draw(st.integers(0, 19)) == 0:
        return folder, draw(_RAW)
    data = dict(BASES[folder])
    fields = sorted(RECORD_MODELS[folder].model_fields) + ["unknown_field", "名称"]
    for _ in range(draw(st.integers(1, 3))):
        data[draw(st.sampled_from(fields))] = draw(_VALUE)
    try:
        text = yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False, width=10 ** 6)
    except (ValueError, TypeError, yaml.YAMLError):
        text = "name: [unclosed\n"
    return folder, text


@st.composite
def news(draw) -> str:
    keys = ["Title", "Date", "Source", "Informant", "Original_Title", "Source_URL", "Honorees", "Editions",
            "Regions", "Status", "Summary", "Author", "Editor", "Site", "Unknown"]
    meta = {"Title": "新闻", "Date": "2020-01-01"}
    for _ in range(draw(st.integers(1, 3))):
        meta[draw(st.sampled_from(keys))] = draw(_TEXT).replace("\n", " ").replace("\r", " ")
    return "".join(f"{k}: {v}\n" for k, v in meta.items()) + "\n" + draw(_TEXT) + "\n"


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "base")


def _write(project: Path, batch: list[tuple[str, str]], article: str | None) -> set[str]:
    written = set()
    for i, (folder, text) in enumerate(batch):
        where = "zhejiang" if folder in ("communities", "organizations", "projects", "volunteers", "centres") else None
        path = project / "content/records" / folder / (f"{where}/fuzz-{i}.yaml" if where else f"fuzz-{i}.yaml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.add(str(path.relative_to(project)))
    if article is not None:
        path = project / "content/news/2020-01-01-fuzz.md"
        path.write_text(article, encoding="utf-8")
        written.add(str(path.relative_to(project)))
    return written


def _assert_located(problems, written: set[str]) -> None:
    assert problems, "a failed check must say why"
    for p in problems:
        assert p.file and p.message, p
        if p.file in written:
            assert p.line >= 1 or "编码" in p.message or "过大" in p.message, f"no line: {p}"


@settings(max_examples=max(1, RECORDS // BATCH), deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batch=st.lists(records(), min_size=BATCH, max_size=BATCH), article=st.one_of(st.none(), news()))
def test_check_names_file_and_line_or_succeeds_whatever_the_records_hold(base, tmp_path_factory, batch, article):
    project = tmp_path_factory.mktemp("case")
    shutil.copytree(base / "content", project / "content")
    written = _write(project, batch, article)
    try:
        load_catalog(project)
    except ContentError as exc:
        _assert_located(exc.problems, written)


@settings(max_examples=BUILDS, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batch=st.lists(records(), min_size=5, max_size=5), article=st.one_of(st.none(), news()))
def test_build_names_file_and_line_or_succeeds_and_never_half_writes_output(base, tmp_path_factory, batch, article):
    project = tmp_path_factory.mktemp("build")
    for name in ("content", "templates"):
        shutil.copytree(base / name, project / name)
    shutil.copy2(base / "pelicanconf.py", project / "pelicanconf.py")
    build(project, search=False)
    before = tree_digest(project / "output")
    written = _write(project, batch, article)
    try:
        build(project, search=False)
    except BuildError as exc:
        _assert_located(exc.problems, written)
        assert tree_digest(project / "output") == before
