"""List extraction: every entry, with its category, names exactly as printed, in order.

    python bench/lists/make_corpus.py     # the corpus: real lists in every layout
    python bench/list_bench.py            # prints a table, writes bench/results/lists.json

Scores, for the development part and the held-out part of the corpus (bench/lists/lists.yaml
says which list is which), and for each layout:
  F1        over (category, name) pairs, categories compared without quotes and spaces
  exact     share of the truth's names found exactly as printed (any category)
  order     longest common subsequence of found and true names, over the true count
  role      share of entries printed with a role or unit whose role was found exactly
  ms/page   extraction time, median of 5
and the seconds to ingest a 400-row .docx, .xlsx and .pdf (the .pdf made by LibreOffice, when
it is installed) into a copy of the sample project, lists and all.
This never runs in CI.
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scrapers import extract_article  # noqa: E402
from scrapers.attachments import SUFFIXES  # noqa: E402
from scrapers.extract import extract_attachment  # noqa: E402

CORPUS = ROOT / "bench" / "lists"


def norm_category(text: str) -> str:
    return re.sub(r"[\s“”\"'‘’「」]", "", text).replace("（", "(").replace("）", ")")


def _lcs(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], prev + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def score(found, truth) -> dict:
    want = Counter((norm_category(c), n) for c, n, _ in truth)
    got = Counter((norm_category(e.category), e.name) for e in found)
    tp = sum((want & got).values())
    names = Counter(e.name for e in found)
    roles = [(n, r) for _, n, r in truth if r]
    found_roles = {(e.name, e.role) for e in found}
    return {"tp": tp, "fp": sum(got.values()) - tp, "fn": sum(want.values()) - tp,
            "exact": sum(min(names[n], k) for n, k in Counter(n for _, n, _ in truth).items()),
            "order": _lcs([n for _, n, _ in truth], [e.name for e in found]), "true": len(truth),
            "roles": len(roles), "roles_ok": sum(1 for nr in roles if nr in found_roles)}


def _sum(rows: list[dict]) -> dict:
    total = defaultdict(int)
    for r in rows:
        for k, v in r.items():
            if isinstance(v, int):
                total[k] += v
    p = total["tp"] / (total["tp"] + total["fp"]) if total["tp"] + total["fp"] else 0.0
    r = total["tp"] / (total["tp"] + total["fn"]) if total["tp"] + total["fn"] else 0.0
    return {"pages": len(rows), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "exact": round(total["exact"] / total["true"], 3) if total["true"] else 0.0,
            "order": round(total["order"] / total["true"], 3) if total["true"] else 0.0,
            "role": round(total["roles_ok"] / total["roles"], 3) if total["roles"] else None,
            "ms_per_page": round(statistics.median(x["ms"] for x in rows), 1) if rows else 0.0}


def ingest_times() -> dict[str, float | None]:
    """Seconds to ingest a 400-row list as .docx, .xlsx and .pdf into a copy of the sample project."""
    import shutil
    import subprocess
    import tempfile

    import yaml

    sys.path.insert(0, str(CORPUS))
    import make_corpus  # noqa: E402  (a sibling script)
    from scrapers.attachments import soffice
    from scrapers.ingest import Ingest

    real = yaml.safe_load((CORPUS / "lists.yaml").read_text(encoding="utf-8"))["shanghai-2019"]
    big = {**real, "title": "2019年度上海市社区志愿服务示范中心名单（扩充到400行，用于计时）",
           "categories": [{"name": f"{c['name']}{k}", "entries": c["entries"]} for k in range(1, 11) for c in real["categories"]]}
    out: dict[str, float | None] = {}
    with tempfile.TemporaryDirectory(prefix="bangyang-list-bench-") as tmp:
        files = {"docx": make_corpus.docx_table(big)[1], "xlsx": make_corpus.xlsx_sheet(big)[1]}
        if soffice():
            (Path(tmp) / "big.docx").write_bytes(files["docx"])
            subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "pdf",
                            "--outdir", tmp, str(Path(tmp) / "big.docx")], capture_output=True, timeout=300)
            files["pdf"] = (Path(tmp) / "big.pdf").read_bytes()
        else:
            out["pdf"] = None
        for fmt, data in files.items():
            project = Path(tmp) / f"project-{fmt}"
            for part in ("content", "templates", "pelicanconf.py"):
                (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
            for edition in (project / "content/records/editions").glob("shanghai-*"):
                edition.unlink()  # as before the list was entered
            path = Path(tmp) / f"附件1.{fmt}"
            path.write_bytes(data)
            start = time.perf_counter()
            report = Ingest(project).run([str(path)])
            out[fmt] = round(time.perf_counter() - start, 2)
            if not report.created:
                raise SystemExit(f"the 400-row {fmt} gave no edition: {report.lines()}")
    return out


def main() -> int:
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    rows = []
    for name, t in sorted(truth.items()):
        data = (CORPUS / "corpus" / name).read_bytes()
        times = []
        for _ in range(5):
            start = time.perf_counter()
            article = extract_attachment(data, name) if Path(name).suffix in SUFFIXES else extract_article(data)
            times.append((time.perf_counter() - start) * 1000)
        row = {"page": name, "split": t["split"], "layout": t["layout"], "ms": statistics.median(times),
               **score(article.list_entries, t["entries"])}
        rows.append(row)
        if row["fp"] or row["fn"]:
            print(f"  {name}: {row['fn']} missed, {row['fp']} wrong", file=sys.stderr)
            wanted = {(norm_category(c), n) for c, n, _ in t["entries"]}
            for e in article.list_entries:
                if (norm_category(e.category), e.name) not in wanted:
                    print(f"      got  {e.category!r} {e.name!r}", file=sys.stderr)
            got = {(norm_category(e.category), e.name) for e in article.list_entries}
            for c, n, _ in t["entries"]:
                if (norm_category(c), n) not in got:
                    print(f"      want {c!r} {n!r}", file=sys.stderr)
    summary = {split: _sum([r for r in rows if r["split"] == split]) for split in ("dev", "held_out")}
    layouts = {layout: _sum([r for r in rows if r["layout"] == layout]) for layout in dict.fromkeys(r["layout"] for r in rows)}
    print(f"{'part':<24}{'pages':>6}{'F1':>7}{'exact':>7}{'order':>7}{'role':>7}{'ms/page':>9}")
    for label, s in [*summary.items(), *(("  " + k, v) for k, v in layouts.items())]:
        role = f"{s['role']:.3f}" if s["role"] is not None else "–"
        print(f"{label:<24}{s['pages']:>6}{s['f1']:>7.3f}{s['exact']:>7.3f}{s['order']:>7.3f}{role:>7}{s['ms_per_page']:>9.1f}")
    large = ingest_times()
    for fmt, seconds in large.items():
        print(f"400-row {fmt:<6} ingested in {seconds:.2f} s" if seconds is not None else f"400-row {fmt}: no LibreOffice")
    out = ROOT / "bench" / "results" / "lists.json"
    out.write_text(json.dumps({"summary": summary, "layouts": layouts, "pages": rows, "ingest_400_rows_s": large},
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
