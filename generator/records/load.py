"""Load step: content/ files → validated records, with every problem located.

Nothing here stops at the first error: an editor sees them all at once.
"""

from __future__ import annotations

import difflib
import multiprocessing
import os
import pickle
import stat
import re
from typing import Any, Protocol
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.domain.ids import is_record_id, is_slug
from generator.records import yamlfile
from generator.domain.values import Unkept, Values
from generator.domain.ids import content_hash
from generator.domain.model import (
    MAX_ATTACHMENT_BYTES, RECORD_MODELS, UNPRINTABLE, NewsMeta, SiteInfo, unprintable_message,
)
from generator.domain.problems import ContentError, Problem
from generator.records.record import Record, StoredModel
from generator.domain.regions import RegionTable, build_table




class ParsedCache(Protocol):
    """The engine's cache of validated records by file (generator.engine.state.ParsedFiles)."""

    old: dict  # file → (size, mtime_ns, content hash, record) as the last build left them

    def by_stat(self, rel: str, st: os.stat_result) -> tuple[str, Any] | None: ...
    def by_hash(self, rel: str, sha: str) -> tuple[bool, Any]: ...
    def store(self, rel: str, st: os.stat_result, sha: str, data: Any) -> None: ...
    def record(self, rel: str, sha: str) -> Any: ...
    def keep_record(self, rel: str, sha: str, record: Any) -> None: ...
    def unchanged_record(self, rel: str, st: os.stat_result) -> tuple[str, Any] | None: ...
    def keep_unread(self) -> None: ...
    def model_blob(self, rel: str, sha: str) -> bytes | None: ...


class _Uncached:
    """No cache: every file is read and validated (a check, a test, a scraper)."""

    def __init__(self) -> None:
        self.old: dict = {}

    def by_stat(self, rel, st):
        return None

    def by_hash(self, rel, sha):
        return False, None

    def store(self, rel, st, sha, data):
        pass

    def record(self, rel, sha):
        return None

    def keep_record(self, rel, sha, record):
        pass

    def unchanged_record(self, rel, st):
        return None

    def keep_unread(self):
        pass

    def model_blob(self, rel, sha):
        return None


@dataclass
class NewsFile:
    """A news article's front matter, read the way Pelican's Markdown reader reads it."""

    slug: str
    meta: NewsMeta
    file: str
    text: str
    lines: dict[str, int]  # field → line number


@dataclass
class Loaded:
    """Everything read from content/, before linking."""

    root: Path
    site: SiteInfo | None = None
    regions: RegionTable = field(default_factory=RegionTable)
    records: dict[str, Record] = field(default_factory=dict)
    news: list[NewsFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Ids whose file exists but did not validate: references to them are not reported again.
    failed: set[str] = field(default_factory=set)
    # Content hash of every input: record ids, news/<slug>, site.yaml, regions.yaml; for the
    # files under attachments/ (“attachments/<path>”), their size and mtime.
    hashes: dict[str, str] = field(default_factory=dict)
    attachments: dict[str, int] = field(default_factory=dict)  # path under attachments/ → bytes


def _field_title(model: type[BaseModel], name: str) -> str:
    info = model.model_fields.get(name)
    return f" ({info.title})" if info is not None and info.title else ""


def _describe(err: dict, model: type[BaseModel]) -> tuple[str, bool]:
    """Plain words for one pydantic error; the flag says whether to point at the key."""
    kind, loc, found = err["type"], err["loc"], err.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        allowed = list(model.model_fields) if len(loc) == 1 else []
        guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"; 是否想写 {guess[0]}?" if guess else (f"; 可用字段: {', '.join(allowed)}" if allowed else "")
        return f"未知字段{hint}", True
    if kind == "missing":
        return f"缺少必填字段{_field_title(model, name) if len(loc) == 1 else ''}", True
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"只能是 {expected}, 实际是 “{found}”", False
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"需要整数, 实际是 “{found}”", False
    if kind in ("string_type",):
        return f"需要文字, 实际是 {type(found).__name__} “{found}”", False
    if kind in ("list_type",):
        return f"需要一个列表 (每行以 “- ” 开头), 实际是 “{found}”", False
    if kind in ("model_type", "dict_type"):
        return f"需要 “字段: 值” 的形式, 实际是 “{found}”", False
    if kind == "string_pattern_mismatch" and name in ("url", "file", "source_url"):  # addresses and paths, not ids
        info = model.model_fields.get(name)
        return f"“{found}” 不符合要求: {(info.description if info else '') or '见 schema/ 下的说明'}", False
    if kind == "string_pattern_mismatch":
        return f"“{found}” 不是有效的编号: 用小写拼音、数字和连字符, 以 / 分层, 如 communities/zhejiang/cixi-yubo", False
    if kind in ("too_short", "string_too_short"):
        return "不能为空", False
    msg = err.get("msg", "")
    return msg.removeprefix("Value error, "), False


def validation_problems(exc: ValidationError, model: type[BaseModel], file: str, text: str, prefix: tuple = ()) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems."""
    out = []
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        message, at_key = _describe(err, _model_at(model, err["loc"]))
        line, col = yamlfile.locate(text, loc, want_key=at_key)
        out.append(Problem(file, line, col, ".".join(str(x) for x in loc), message))
    return out


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The nested model class that owns the last step of ``loc`` (for field titles and suggestions)."""
    current = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        info = current.model_fields.get(step)
        if info is None:
            break
        ann = info.annotation
        for candidate in getattr(ann, "__args__", ()) or (ann,):
            inner = getattr(candidate, "__args__", (candidate,))[0] if getattr(candidate, "__args__", None) else candidate
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                current = inner
                break
    return current


def load(root: Path, parsed: ParsedCache | None = None, jobs: int = 1, files: list[RecordFile] | None = None,
         previous: Loaded | None = None, modified: list[RecordFile] | None = None, memo: Values | None = None) -> Loaded:
    """Read site.yaml, regions.yaml, every record and every news article under ``root`` (content/).

    ``parsed`` is the build cache's validated records: records whose content did not change
    are not parsed again. With ``jobs`` > 1, many files to parse are shared out to that
    many processes. ``files`` lists records/ (``record_files``) when the caller knows it.
    Given the ``previous`` load and the only files ``modified`` since (none added or
    removed), it reads those files alone. ``memo`` keeps the parsed region table.
    """
    loaded = Loaded(root=root)
    _load_site(loaded)
    _load_regions(loaded, memo if memo is not None else Unkept())
    parsed = parsed or _Uncached()
    if previous is None or modified is None or not _reload_records(loaded, parsed, previous, modified):
        _load_records(loaded, parsed, jobs, files)
    _load_news(loaded)
    _load_attachments(loaded)
    return loaded


def _load_attachments(loaded: Loaded) -> None:
    """The files under content/attachments/ that editions offer for download. Keyed by size
    and mtime, not read: the same trust the record cache puts in a file's stat."""
    base = loaded.root / "attachments"
    if not base.is_dir():
        return
    for path in sorted(p for p in base.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(base).as_posix()
        shown = _rel(loaded, path)
        if path.is_symlink():
            loaded.problems.append(Problem(shown, 0, 0, "", "附件不能是符号链接; 把文件本身放进 content/attachments/"))
            continue
        st = path.stat()
        if st.st_size > MAX_ATTACHMENT_BYTES:
            loaded.problems.append(Problem(shown, 0, 0, "", f"附件有 {st.st_size // (1024 * 1024)} MB, 超过 "
                                                              f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB 的上限"))
            continue
        loaded.attachments[rel] = st.st_size
        loaded.hashes[f"attachments/{rel}"] = f"{st.st_size}-{st.st_mtime_ns}"


def _rel(loaded: Loaded, path: Path) -> str:
    try:
        return str(path.relative_to(loaded.root.parent))
    except ValueError:
        return str(path)


def _read_settings_file(loaded: Loaded, name: str, missing: str) -> tuple[object, str, str] | None:
    """Read content/<name>; on any problem record it and return None."""
    path = loaded.root / name
    shown = _rel(loaded, path)
    if not path.exists():
        loaded.problems.append(Problem(shown, 0, 0, "", missing))
        return None
    data, text, problem = yamlfile.read(path, shown)
    if problem:
        loaded.problems.append(problem)
        return None
    loaded.hashes[name] = content_hash(text.encode("utf-8"))
    return data, text, shown


def _load_site(loaded: Loaded) -> None:
    read = _read_settings_file(loaded, "site.yaml", "缺少站点设置文件; 请从示例复制一份 content/site.yaml")
    if read is None:
        return
    data, text, shown = read
    try:
        loaded.site = SiteInfo.model_validate(data or {})
    except ValidationError as exc:
        loaded.problems.extend(validation_problems(exc, SiteInfo, shown, text))


def _load_regions(loaded: Loaded, memo: Values) -> None:
    path = loaded.root / "regions.yaml"
    shown = _rel(loaded, path)
    if not path.exists():
        loaded.problems.append(Problem(shown, 0, 0, "", "缺少地区表 content/regions.yaml"))
        return
    sha, table, problems = _region_table(path.read_bytes(), shown, memo)
    if sha:
        loaded.hashes["regions.yaml"] = sha
    if table is not None:
        loaded.regions = table
    loaded.problems.extend(problems)


def _region_table(raw: bytes, shown: str, memo: Values) -> tuple[str, RegionTable | None, tuple[Problem, ...]]:
    """(content hash, table, located problems) of regions.yaml's bytes."""
    # A national table is thousands of lines: kept in the build cache, so that a rebuild
    # does not parse it again.
    return memo.get(("regions.yaml", content_hash(raw), shown), lambda: _parse_region_table(raw, shown))


def _parse_region_table(raw: bytes, shown: str) -> tuple[str, RegionTable | None, tuple[Problem, ...]]:
    data, text, problem = yamlfile.parse(raw, shown)
    if problem:
        return "", None, (problem,)
    sha = content_hash(text.encode("utf-8"))
    if not isinstance(data, dict):
        return sha, None, (Problem(shown, 1, 1, "", "地区表要写成 “全路径: 拼音” 的若干行"),)
    table, region_problems = build_table({str(k): v for k, v in data.items()})
    return sha, table, tuple(Problem(shown, *yamlfile.locate(text, (region_path,), want_key=True), region_path, message)
                             for region_path, message in region_problems)


MAX_RECORD_BYTES = 2 * 1024 * 1024  # a record is a page of text; anything larger is a mistake or an attack


def unsafe_file(path: str, st: os.stat_result, project: str, limit: int = MAX_RECORD_BYTES) -> str | None:
    """Why the file at ``path`` must not be read, if it must not: not a regular file (a link to
    /dev/zero), too large, or a symbolic link to a place outside ``project``."""
    if not stat.S_ISREG(st.st_mode):
        return "不是普通文件 (可能是指向设备或文件夹的链接); 换成文件本身"
    if st.st_size > limit:
        return f"文件有 {st.st_size // 1024} KB, 超过 {limit // 1024} KB 的上限; 检查是否放错了文件"
    if os.path.islink(path) and not os.path.realpath(path).startswith(os.path.realpath(project) + os.sep):
        return "是指向项目以外的符号链接, 不会发布; 把文件本身复制进项目"
    return None


def _read_record(path: str, shown: str, key: str, parsed: ParsedCache, prefetched: _Prefetched | None = None,
                 st: os.stat_result | None = None, project: str = "/") -> tuple[object, str, str | None, Problem | None, object]:
    """(data or cached record model, content hash, text if it was read, problem, stat to store it under
    or None when the cache holds it already) of one record file."""
    got = prefetched.pop(path) if prefetched is not None and path in prefetched else None
    if got is not None:
        st, sha, data, text, problem = got
        return data, sha, text, problem, st
    try:
        st = st or os.stat(path)
        hit = parsed.by_stat(key, st)
        if hit:
            return hit[1], hit[0], None, None, None
        refused = unsafe_file(path, st, project)
        if refused:
            return None, "", None, Problem(shown, 0, 0, "", refused), None
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:  # deleted, or being saved by an editor that replaces the file
        return None, "", None, Problem(shown, 0, 0, "", (
            f"读取时出错 ({exc.strerror}); 文件可能正被保存或删除, 稍后再构建一次")), None
    sha = content_hash(raw)
    found, data = parsed.by_hash(key, sha)
    if found:
        return data, sha, None, None, st
    data, text, problem = yamlfile.parse(raw, shown)
    return data, sha, text, problem, st


# Parsing is the slowest part of a cold load (PyYAML builds the objects in Python even with
# the C scanner); below this many files, starting processes costs more than it saves.
_PARALLEL_MIN_FILES = 1000


def _parse_file(item: tuple[str, str, str, str]) -> tuple:
    _key, path, shown, project = item
    try:
        st = os.stat(path)
        if unsafe_file(path, st, project):
            return path, None, "", None, None, None  # the parent looks again, and says what is wrong
        raw = Path(path).read_bytes()
    except OSError:
        return path, None, "", None, None, None  # the parent reads it again, and says what is wrong
    data, text, problem = yamlfile.parse(raw, shown)
    # The text goes back only when something is wrong: a problem must be located in it.
    return path, (st.st_size, st.st_mtime_ns), content_hash(raw), data, text if problem else None, problem


class _Prefetched:
    """Files parsed by worker processes, taken in the order they were sent as the reader asks for them.

    The parent validates each record while the workers parse the next ones: waiting for all
    of them first left the parent idle through the parsing and the workers through the
    validation.
    """

    def __init__(self, paths: list[str], results: Iterator[tuple]):
        self.sent = set(paths)
        self.results = results
        self.ready: dict[str, tuple] = {}

    def __contains__(self, path: str) -> bool:
        return path in self.sent

    def pop(self, path: str) -> tuple | None:
        """(stat, sha, data, text, problem) of a file that was sent; None if a worker could not read it."""
        while path not in self.ready:
            got, st, sha, data, text, problem = next(self.results)
            self.ready[got] = (_Stat(*st), sha, data, text, problem) if st is not None else None
        self.sent.discard(path)
        return self.ready.pop(path)


@contextmanager
def _prefetching(files: list[RecordFile], root: str, shown_base: str, parsed: ParsedCache,
                 jobs: int, project: str) -> Iterator[_Prefetched | None]:
    """Parse, in ``jobs`` processes, the record files the cache does not hold, while the caller reads them."""
    # Keyed as the records are (the path without .yaml); a scraper's proposal is no record.
    old = parsed.old
    if jobs <= 1 or sum(1 for rel, _ in files if rel.rsplit(".", 1)[0] not in old) < _PARALLEL_MIN_FILES:
        yield None  # the cache holds nearly all of them
        return
    keyed = [(rel.rsplit(".", 1)[0], rel, st) for rel, st in files if not rel.endswith(".incoming.yaml")]
    misses = [(key, f"{root}/{rel}", f"{shown_base}/{rel}", project) for key, rel, st in keyed
              if st is not None and not parsed.by_stat(key, st)]  # a file gone is read again, one by one, to report it
    if len(misses) < _PARALLEL_MIN_FILES:
        yield None
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield _Prefetched([path for _, path, _, _ in misses], pool.imap(_parse_file, misses, chunksize=128))


@dataclass(frozen=True)
class _Stat:
    """The two fields of an os.stat_result the cache keeps."""

    st_size: int
    st_mtime_ns: int


RecordFile = tuple[str, "os.stat_result | None"]  # path under records/ with "/", and its stat if it exists


def record_files(base: Path) -> list[RecordFile]:
    """YAML files under records/, as relative paths with "/" and their stat, in path order.

    Strings rather than Path objects: at tens of thousands of files, pathlib's parsing and
    comparisons cost more than reading them. Each file is stat'ed relative to its open
    folder (os.fwalk), so the kernel walks one step, not the whole path.
    """
    out = []
    for root, _dirs, files, fd in os.fwalk(base):
        prefix = os.path.relpath(root, base).replace(os.sep, "/")
        for f in files:
            if f.endswith((".yaml", ".yml")):
                try:
                    st = os.stat(f, dir_fd=fd)
                except OSError:
                    st = None  # gone already: reading it again reports it
                out.append((f if prefix == "." else f"{prefix}/{f}", st))
    return sort_record_files(out)


def sort_record_files(files: list[RecordFile]) -> list[RecordFile]:
    """In path order, folder by folder (the order records are read and listed in)."""
    # The order of the paths' lists of parts, with one string a path (quicker than splitting
    # each): "/" made the lowest character, which no file name holds.
    return sorted(files, key=lambda item: item[0].replace("/", "\0"))


def _reload_records(loaded: Loaded, parsed: ParsedCache, previous: Loaded, modified: list[RecordFile]) -> bool:
    """The previous load's records with the modified files read again; False when that is not the same as reading all."""
    if previous.problems or previous.failed:
        return False
    fresh = Loaded(root=loaded.root)
    _load_records(fresh, parsed, 1, modified)
    if fresh.problems or len(fresh.records) != len(modified) or not fresh.records.keys() <= previous.records.keys():
        return False  # a problem to report in file order, or a file that is not a record
    loaded.records = {**previous.records, **fresh.records}  # same keys: same order as a full read
    for key in previous.records:
        loaded.hashes[key] = previous.hashes[key]
    loaded.hashes.update(fresh.hashes)
    parsed.keep_unread()
    return True


def _load_records(loaded: Loaded, parsed: ParsedCache, jobs: int = 1, files: list[RecordFile] | None = None) -> None:
    base = loaded.root / "records"
    shown_base = _rel(loaded, base)
    if files is None:
        files = record_files(base)
    root = str(base)
    with _prefetching(files, root, shown_base, parsed, jobs, str(loaded.root.parent)) as prefetched:
        _read_records(loaded, parsed, files, root, shown_base, prefetched)


def _read_records(loaded: Loaded, parsed: ParsedCache, files: list[RecordFile], root: str, shown_base: str,
                  prefetched: _Prefetched | None) -> None:
    records, hashes = loaded.records, loaded.hashes
    project = str(loaded.root.parent)
    for rel, st in files:
        record_id = rel.rsplit(".", 1)[0]
        if st is not None:
            # Unchanged since this process (`bangyang serve`) last validated it: the same record.
            kept = parsed.unchanged_record(record_id, st)
            if kept is not None and kept[1].id not in records:
                hashes[kept[1].id], records[kept[1].id] = kept
                continue
        if rel.endswith(".incoming.yaml"):
            continue  # a scraper's proposal waiting beside an editor's file, not a record
        shown = f"{shown_base}/{rel}"
        path = f"{root}/{rel}"
        record_type, inside, _ = rel.partition("/")
        model = RECORD_MODELS.get(record_type) if inside else None
        if model is None:
            loaded.problems.append(Problem(shown, 0, 0, "", (
                f"不知道 “{record_type if inside else rel}” 是哪类记录; 记录要放在 content/records/ 下的 "
                f"{', '.join(RECORD_MODELS)} 目录里")))
            continue
        if record_id in records:
            other = records[record_id].file
            loaded.problems.append(Problem(shown, 1, 1, "", f"编号 {record_id} 重复: {other} 已使用; 删去其中一个文件"))
            continue
        if not is_record_id(record_id):
            loaded.problems.append(Problem(shown, 0, 0, "", (
                "文件名只能用小写拼音、数字和连字符 (它就是网址), 如 cixi-yubo.yaml")))
            continue
        data, sha, text, problem, unstored = _read_record(path, shown, record_id, parsed, prefetched, st, project)
        hashes[record_id] = sha
        if problem:
            loaded.problems.append(problem)
            loaded.failed.add(record_id)
            continue
        record = parsed.record(record_id, sha)
        if record is None:
            # The cache keeps records as validated models: loading those costs about half as
            # much as validating again. Only valid records are kept, and no check can fail
            # later for content that once passed (the one that reads the date, “not a future
            # year”, only grows more lenient).
            if type(data) is StoredModel:
                instance = data
                if not data.fetched:
                    data.fetch = partial(_stored_model, parsed, record_id, sha, path, shown, model)
            elif isinstance(data, model):
                instance = data
            elif not isinstance(data, dict):
                loaded.problems.append(Problem(shown, 1, 1, "", "记录要写成 “字段: 值” 的若干行; 这个文件是空的或格式不对"))
                loaded.failed.add(record_id)
                continue
            else:
                try:
                    instance = model.model_validate(data)
                except ValidationError as exc:
                    record = Record(record_id, record_type, model, shown, path, text)  # for its text
                    loaded.problems.extend(validation_problems(exc, model, shown, record.text))
                    loaded.failed.add(record_id)
                    continue
            record = Record(record_id, record_type, instance, shown, path, text)
            parsed.keep_record(record_id, sha, record)
        if unstored is not None:
            parsed.store(record_id, unstored, sha, record.stored())
        loaded.failed.discard(record_id)  # (a file of the same id before it may have failed)
        records[record_id] = record


def _stored_model(parsed: ParsedCache, key: str, sha: str, path: str, shown: str, model: type[BaseModel]):
    """The model of a record the cache holds by its view: from the cache's file of models,
    or, if that file was lost, by validating the record file again."""
    blob = parsed.model_blob(key, sha)
    if blob is not None:
        return pickle.loads(blob)
    raw = Path(path).read_bytes()
    data, _text, problem = yamlfile.parse(raw, shown) if content_hash(raw) == sha else (None, None, Problem(
        shown, 0, 0, "", "构建过程中文件被改动了; 再构建一次"))
    if problem is not None:
        raise ContentError([problem])
    return model.model_validate(data)  # it validated with this very content


def read_front_matter(text: str) -> tuple[dict[str, str], dict[str, int]]:
    """The ``Key: value`` lines that open a Pelican Markdown file, with their line numbers."""
    meta: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if not m:
            break
        key = m[1].lower()
        meta[key] = m[2].strip()
        lines[key] = number
    return meta, lines


_LIST_FIELDS = ("honorees", "regions", "editions")


def _load_news(loaded: Loaded) -> None:
    for path in sorted((loaded.root / "news").glob("*.md")):
        shown = _rel(loaded, path)
        raw = b""
        try:
            refused = unsafe_file(str(path), path.stat(), str(loaded.root.parent))
            raw = b"" if refused else path.read_bytes()
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            loaded.problems.append(yamlfile.not_utf8(raw, exc, shown))
            continue
        except OSError as exc:
            refused = f"读取时出错 ({exc.strerror})"
        if refused:
            loaded.problems.append(Problem(shown, 0, 0, "", refused))
            continue
        loaded.hashes[f"news/{path.stem}"] = content_hash(text.encode("utf-8"))
        meta, lines = read_front_matter(text)
        hidden = UNPRINTABLE.search(text)
        if hidden:
            line = text.count("\n", 0, hidden.start()) + 1
            loaded.problems.append(Problem(shown, line, hidden.start() - text.rfind("\n", 0, hidden.start()), "",
                                           unprintable_message(hidden.group())))
            continue
        if not is_slug(path.stem):
            loaded.problems.append(Problem(shown, 0, 0, "", "文件名只能用小写拼音、数字和连字符 (它就是网址), 如 2025-07-03-ningbo.md"))
            continue
        data: dict[str, object] = dict(meta)
        for key in _LIST_FIELDS:
            if key in data:
                data[key] = [x.strip() for x in str(data[key]).split(",") if x.strip()]
        try:
            news_meta = NewsMeta.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                key = str(err["loc"][0]) if err["loc"] else ""
                message, _ = _describe(err, NewsMeta)
                loaded.problems.append(Problem(shown, lines.get(key, 1), 1, ".".join(map(str, err["loc"])), message))
            continue
        loaded.news.append(NewsFile(path.stem, news_meta, shown, text, lines))
