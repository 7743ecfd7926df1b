"""Extraction scores: bangyang against trafilatura and GNE, with the shared scorer.

    python bench/extract_bench.py [--json bench/results/extract.json]

Sets:
- news-real: ../shared/corpus/news-real (40 Chinese + 20 foreign pages with ground truth);
- seeds-txt: the five seed pages as saved text, truth in bench/truth/seeds.json (written by hand);
- seeds-html: the same seeds wrapped as portal HTML (one <p> a line), the Shanghai list as <table>s.
The peers get pages decoded by our decoder first (see bench/extract_peers.py).
"""
from __future__ import annotations

import argparse
import importlib.util
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BANGYANG_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "tools" / "eval_extract.py"
TOOLS = {"bangyang": "scrapers.adapters:eval_extract",
         "trafilatura": "bench/extract_peers.py:trafilatura_extract",
         "gne": "bench/extract_peers.py:gne_extract"}
_SUMMARY = re.compile(r"^\[(?P<group>\w+)\] (?P<n>\d+) pages: (?P<rest>.*)$")
_FIELDS = {
    "title": r"title=([\d.]+|nan)%", "date": r"date=([\d.]+|nan)%", "author": r"author~=([\d.]+|nan)%",
    "body_f1": r"body P/R/F1=[\d.na]+/[\d.na]+/([\d.]+|nan)", "seg": r"seg=([\d.]+|nan)",
    "ms_median": r"ms median=([\d.]+)", "source": r"source=([\d.]+|nan)%", "editor": r"editor~=([\d.]+|nan)%",
    "none_ok": r"none_ok=([\d.]+|nan)", "list_f1": r"list P/R/F1=[\d.na]+/[\d.na]+/([\d.]+|nan)",
}


def seeds_sets(tmp: Path) -> dict[str, Path]:
    truth = json.loads((ROOT / "bench" / "truth" / "seeds.json").read_text(encoding="utf-8"))
    txt, htm = tmp / "seeds-txt", tmp / "seeds-html"
    txt.mkdir()
    htm.mkdir()
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        sid = path.name[:3]
        (txt / f"seed-{sid}.html").write_bytes(path.read_bytes())
        (htm / f"seed-{sid}.html").write_bytes(_as_html(path.read_text(encoding="utf-8"), truth[sid]).encode("gb18030"))
        for d in (txt, htm):
            (d / f"seed-{sid}.expected.json").write_text(json.dumps(truth[sid], ensure_ascii=False), encoding="utf-8")
    return {"seeds-txt": txt, "seeds-html": htm}


def _as_html(text: str, truth: dict) -> str:
    """A seed as a GB18030 portal page: the headline in <h1>, lines in <p>, list categories as tables."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    by_cat: dict[str, list[str]] = {}
    for e in truth["list_entries"]:
        by_cat.setdefault(e["category"], []).append(e["name"])
    parts, skip = [], set()
    for line in lines:
        if line == truth["title"]:
            parts.append(f"<h1>{html.escape(line)}</h1>")
            continue
        if line in skip:
            continue
        cat = next((c for c in by_cat if c and line.endswith(")") and c in line and len(by_cat[c]) >= 10), None)
        if cat:  # the Shanghai list: each category as a table, as many portals print it
            rows = "".join(f"<tr><td>{i}</td><td>{html.escape(n)}</td></tr>" for i, n in enumerate(by_cat[cat], 1))
            parts.append(f"<h3>{html.escape(line)}</h3><table><tr><th>序号</th><th>名称</th></tr>{rows}</table>")
            skip.update(f"{i}、{n}" for i, n in enumerate(by_cat[cat], 1))
            continue
        parts.append(f"<p>{html.escape(line)}</p>")
    return ('<!DOCTYPE html><html><head><meta charset="gb2312"><title>'
            f'{html.escape(truth["title"])}_门户网站</title></head><body>{"".join(parts)}</body></html>')


def score(tool: str, directory: Path) -> dict:
    run = subprocess.run([sys.executable, str(SCORER), str(directory), TOOLS[tool]], cwd=ROOT,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    groups = {}
    for line in run.stdout.splitlines():
        m = _SUMMARY.match(line)
        if m:
            row = {"pages": int(m.group("n"))}
            for key, pattern in _FIELDS.items():
                f = re.search(pattern, m.group("rest"))
                if f and f.group(1) != "nan":
                    row[key] = float(f.group(1))
            groups[m.group("group")] = row
    if not groups:
        raise SystemExit(f"scorer failed for {tool} on {directory}:\n{run.stderr[-2000:]}")
    return groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "extract.json"))
    ap.add_argument("--tools", default=",".join(TOOLS))
    args = ap.parse_args(argv)
    peers = {"trafilatura": "trafilatura", "gne": "gne"}
    missing = [t for t in args.tools.split(",") if t in peers and importlib.util.find_spec(peers[t]) is None]
    if missing:  # the scorer would count every page of a missing peer as wrong, and write it
        raise SystemExit(f"not installed: {', '.join(missing)}; pip install -e '.[bench]', or pass --tools bangyang")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"news-real": SHARED / "corpus" / "news-real", **seeds_sets(Path(tmp))}
        for set_name, directory in sets.items():
            for tool in args.tools.split(","):
                for group, figures in score(tool, directory).items():
                    if group == "all" and set_name == "news-real" or group != "all" and set_name != "news-real":
                        continue
                    rows.append({"set": set_name if set_name != "news-real" else f"news-real/{group}",
                                 "tool": tool, **figures})
    cols = ["title", "date", "author", "body_f1", "seg", "source", "editor", "none_ok", "list_f1", "ms_median"]
    print(f"{'set':<16} {'tool':<12} {'pages':>5} " + " ".join(f"{c:>9}" for c in cols))
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c)
            cells.append(f"{'-':>9}" if v is None else f"{v:>9.3f}" if c in ("body_f1", "seg", "none_ok", "list_f1")
                         else f"{v:>9.1f}")
        print(f"{r['set']:<16} {r['tool']:<12} {r['pages']:>5} " + " ".join(cells))
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\n(title/date/author/source/editor in %, body and list as F1, ms per page; written to {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
