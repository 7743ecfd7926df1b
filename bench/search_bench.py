"""Search benchmark: index time and memory, index size, bytes and time for a first query.

    python bench/search_bench.py --n 20000 [--json bench/results/search.json]

For the sample site and a synthetic site of N honorees it measures, in one run:
- bangyang: the site as built (only honoree, edition and news pages carry data-pagefind-body);
- peer "plain": Pagefind 1.6 on the same records as plain pages (one page per record with its
  whole body, no markup for Pagefind), the way a site without a search design would index them.

Bytes are what a fresh browser downloads for one query (its first) from a server on
127.0.0.1 that gzips text as a portal's web server does (`_raw` gives them uncompressed);
the Pagefind share is also given apart from the page's own HTML, CSS and JS. Latency is from the input event of the
last keystroke to the results on screen, debounce included, in a search page that has
finished loading (it loads the engine while the visitor types); each query is the page's
first for its terms. Prints a table and writes the rows as JSON.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from generator.engine.build import build  # noqa: E402
from generator.integrations.pagefind import INDEXED_GLOB, find_pagefind  # noqa: E402
import synth  # noqa: E402

QUERIES_SAMPLE = ["虞波", "暖暖的新家", "慈溪", "yubo", "志願服務", "莘庄"]
QUERIES_SYNTH = ["安宁", "志愿服务", "暖心", "xinhua", "王伟", "社区"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

PLAIN_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p>{region}</p>{body}</body></html>"""
PLAIN_SEARCH = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>search</title></head><body>
<p id="search-status"></p><ol id="r"></ol>
<script type="module">
const pf = await import("./pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q");
const s = await pf.search(q);
const data = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
document.getElementById("r").innerHTML = data.map(d => "<li>" + d.meta.title + "</li>").join("");
document.getElementById("search-status").textContent = "找到 " + s.results.length;
</script></body></html>"""


def run_measured(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd``; returns (wall seconds, peak RSS in MB) of that process alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd[0]} failed: {proc.stderr.read().decode()[:500]}")
    return wall, usage.ru_maxrss / 1024


def dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def plain_site(project: Path, out: Path) -> Path:
    """The peer: every honoree record as a plain HTML page, nothing marked up for search."""
    import yaml

    if out.exists():
        shutil.rmtree(out)
    for path in sorted((project / "content" / "records").rglob("*.yaml")):
        rel = path.relative_to(project / "content" / "records").with_suffix("")
        if rel.parts[0] in ("schemes", "editions", "statistics"):
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in str(data.get("body", "")).split("\n\n"))
        page = out / rel / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PLAIN_PAGE.format(title=html.escape(data["name"]), region=html.escape(data["region"]), body=body),
                        encoding="utf-8")
    (out / "search").mkdir(parents=True, exist_ok=True)
    (out / "search" / "index.html").write_text(PLAIN_SEARCH.replace("./pagefind/", "../pagefind/"), encoding="utf-8")
    return out


class _Counting(http.server.SimpleHTTPRequestHandler):
    """Serves quietly, gzips text as a portal's web server does, and records every response's
    bytes sent and uncompressed, a web worker's fetches included (a page-level network
    listener misses those). Pagefind's own index files are gzip already."""

    served: list[tuple[str, int, int]] = []
    TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml")

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if path.endswith(self.TEXT) and os.path.isfile(path) and "gzip" in self.headers.get("Accept-Encoding", ""):
            raw = Path(path).read_bytes()
            body = gzip.compress(raw, 6, mtime=0)
            self.served.append((self.path, len(body), len(raw)))
            self.counted = True
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length" and not getattr(self, "counted", False):
            self.served.append((self.path, int(value), int(value)))
        super().send_header(keyword, value)


def measure_queries(site: Path, queries: list[str]) -> dict:
    """First-query bytes (cold browser each time) and warm keystroke→results latency."""
    from playwright.sync_api import sync_playwright

    handler = type("Handler", (_Counting,), {"served": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/search/"
    settled = ("() => { const s = document.getElementById('search-status').textContent;"
               " return s.startsWith('找到') || s.startsWith('没有'); }")
    total_bytes, raw_bytes, pagefind_bytes, latencies = [], [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS)
            for q in queries:
                context = browser.new_context()
                page = context.new_page()
                handler.served.clear()
                page.goto(base + "?q=" + q)
                page.wait_for_function(settled, timeout=60_000)
                page.wait_for_timeout(500)  # let trailing fragment loads finish
                total_bytes.append(sum(n for _, n, _ in handler.served))
                raw_bytes.append(sum(n for _, _, n in handler.served))
                pagefind_bytes.append(sum(n for path, n, _ in handler.served if "/pagefind/" in path))
                context.close()
            if (site / "theme" / "js" / "search.js").exists():  # the warm latency needs our query layer
                page = browser.new_page()
                page.goto(base)
                page.wait_for_selector("#search-form[data-ready]", state="attached", timeout=60_000)
                for q in queries:
                    ms = page.evaluate("""async (q) => {
                        const input = document.getElementById('q'), status = document.getElementById('search-status');
                        input.value = ''; input.dispatchEvent(new Event('input'));
                        await new Promise(r => setTimeout(r, 300));
                        status.textContent = '';
                        const t0 = performance.now();
                        input.value = q; input.dispatchEvent(new Event('input'));
                        await new Promise(resolve => {
                          const done = () => /^(找到|没有)/.test(status.textContent);
                          const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(); } });
                          obs.observe(status, {childList: true, characterData: true, subtree: true});
                        });
                        await new Promise(r => requestAnimationFrame(r));
                        return performance.now() - t0;
                    }""", q)
                    latencies.append(ms)
            browser.close()
    finally:
        server.shutdown()
    return {
        "first_query_kb_median": statistics.median(total_bytes) / 1024,
        "first_query_kb_max": max(total_bytes) / 1024,
        "first_query_kb_raw_median": statistics.median(raw_bytes) / 1024,
        "pagefind_kb_median": statistics.median(pagefind_bytes) / 1024,
        "latency_ms_median": statistics.median(latencies) if latencies else None,
        "latency_ms_max": max(latencies) if latencies else None,
        "latency_ms_by_query": dict(zip(queries, (round(x) for x in latencies), strict=False)),
        "first_query_kb_by_query": dict(zip(queries, (round(b / 1024) for b in total_bytes), strict=True)),
    }


def bench_site(label: str, n: int, project: Path, queries: list[str], work: Path) -> list[dict]:
    pagefind = str(find_pagefind(REPO))
    site = build(project, output=work / f"{label}-site", search=False).output
    rows = []
    for tool, root in (("bangyang", site), ("plain", plain_site(project, work / f"{label}-plain"))):
        shutil.rmtree(root / "pagefind", ignore_errors=True)
        extra = ["--glob", INDEXED_GLOB] if tool == "bangyang" else []
        wall, rss = run_measured([pagefind, "--site", str(root), "--silent", *extra])
        size, files = dir_size(root / "pagefind")
        row = {"site": label, "n": n, "tool": tool, "index_s": round(wall, 2), "index_peak_rss_mb": round(rss),
               "index_kb": round(size / 1024), "index_files": files}
        row.update({k: (round(v, 1) if isinstance(v, float) else v) for k, v in measure_queries(root, queries).items()})
        rows.append(row)
    return rows


def print_table(rows: list[dict]) -> None:
    cols = ["site", "n", "tool", "index_s", "index_peak_rss_mb", "index_kb", "index_files",
            "first_query_kb_median", "first_query_kb_max", "first_query_kb_raw_median", "pagefind_kb_median", "latency_ms_median", "latency_ms_max"]
    widths = [max(len(c), *(len(str(r.get(c))) for r in rows)) for c in cols]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
    for r in rows:
        print("  ".join(str(r.get(c)).ljust(w) for c, w in zip(cols, widths)))
    by = {(r["site"], r["tool"]): r for r in rows}
    for site in dict.fromkeys(r["site"] for r in rows):
        ours, peer = by[(site, "bangyang")], by[(site, "plain")]
        print(f"{site}: index time {ours['index_s'] / peer['index_s']:.2f}x plain, "
              f"memory {ours['index_peak_rss_mb'] / peer['index_peak_rss_mb']:.2f}x, "
              f"first-query bytes {ours['first_query_kb_median'] / peer['first_query_kb_median']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description="Pagefind index and query benchmark")
    parser.add_argument("--n", type=int, default=20000, help="synthetic honorees (0: sample site only)")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "search.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bangyang-bench-") as tmp:
        work = Path(tmp)
        sample = work / "sample-project"
        sample.mkdir()
        for name in ("content", "templates", "pelicanconf.py"):
            src = REPO / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, sample / name)
        rows += bench_site("sample", 58, sample, QUERIES_SAMPLE, work)
        if args.n:
            project = synth.generate(args.n, work / "synth-project")
            rows += bench_site("synthetic", args.n, project, QUERIES_SYNTH, work)
    print_table(rows)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), "rows": rows}, ensure_ascii=False, indent=1),
                         encoding="utf-8")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
