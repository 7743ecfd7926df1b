"""Hostile input: every bad input gives a named error, loses nothing and publishes nothing unsafe.

    python bench/hostile_bench.py        # prints a table, writes bench/results/hostile.json

Each case starts from a fresh copy of the sample project built once, does one bad thing to it,
and runs `bangyang build` as an editor would. A case passes when the build
- stops with exit status 1 and names a file (and a line where the input has lines), with no
  Python traceback — or, for input that is safe to publish, builds;
- leaves output/ as it was when it stops, and the editor's files as they were;
- publishes no script: no <script>alert, onerror= or javascript: from the input in output/.
This never runs in CI (tests/records/test_bad_input.py holds each case as a test).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YUBO = "content/records/communities/zhejiang/cixi-yubo.yaml"
NEWS = "content/news/2018-01-04-cixi-yubo.md"
UNSAFE = re.compile(rb"<script>alert|onerror=|javascript:alert")


def _edit(rel: str, old: str, new: str):
    def apply(project: Path) -> None:
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return apply


def _write(rel: str, data: bytes):
    def apply(project: Path) -> None:
        (project / rel).write_bytes(data)
    return apply


def _link(rel: str, target: str):
    def apply(project: Path) -> None:
        if target.startswith("/"):
            (project / rel).symlink_to(target)
        else:  # a file outside the project
            outside = project.parent / "outside.yaml"
            outside.write_text((project / YUBO).read_text(encoding="utf-8"), encoding="utf-8")
            (project / rel).symlink_to(outside)
    return apply


def _read_only_output(project: Path) -> None:
    """Immutable (chattr +i), which holds even for root, unlike chmod; with an edit to write."""
    _edit(YUBO, "leader: 严介军", "leader: 严介军(改)")(project)
    subprocess.run(["chattr", "-R", "+i", str(project / "output")], check=True, capture_output=True)


SEED = ROOT.parent / "shared" / "seeds" / "000_3b32323f3718134b.txt"  # the Yubo article
INGEST = ["ingest", str(SEED)]

_BOMB = "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(2, 10))

# (case, what is done, whether the build must stop[, what the message must name[, the command: build unless given]])
CASES = [
    ("javascript: in a source URL", _edit(YUBO, "  - publisher: 中国文明网\n",
                                          "  - publisher: 中国文明网\n    url: JavaScript:alert(1)\n"), True),
    ("data: in a source URL", _edit(YUBO, "  - publisher: 中国文明网\n",
                                    "  - publisher: 中国文明网\n    url: ' data:text/html,<script>alert(1)</script>'\n"), True),
    ("script in a news Summary", _edit(NEWS, "Summary: ", "Summary: <script>alert(1)</script><img src=x onerror=alert(2)>"),
     False),
    ("script and event handler in a news body", _edit(NEWS, "\n\n", "\n\n<script>alert(1)</script><b onclick=alert(2)>x</b>\n\n"),
     False),
    ("{{ }} in a field", _edit(YUBO, "leader: 严介军", "leader: '{{ 7*7 }}{% raw %}'"), False),
    ("an old id on a region's address", _edit(YUBO, "leader: 严介军\n", "leader: 严介军\naliases: [regions/zhejiang]\n"), True),
    ("an old id on a news article's address",
     _edit(YUBO, "leader: 严介军\n", "leader: 严介军\naliases: [news/2025-07-03-ningbo-sige100]\n"), True),
    ("nested YAML aliases (a billion laughs)",
     _edit(YUBO, "leader: 严介军\n", "leader: 严介军\nx1: &a1 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n" + _BOMB), True),
    ("a field written twice", _edit(YUBO, "leader: 严介军", "leader: 严介军\nleader: 另一人"), True),
    ("very deep nesting", _edit(YUBO, "leader: 严介军", "leader: " + "[" * 5000 + "]" * 5000), True),
    ("a 50 MB record", _write("content/records/communities/zhejiang/big.yaml",
                              b"name: big\nregion: x\nbody: |\n" + b"  " + b"x" * 50_000_000 + b"\n"), True),
    ("a record not in UTF-8", _write("content/records/communities/zhejiang/gbk.yaml", "name: 虞波\n".encode("gbk")), True),
    ("a record with a BOM and tabs", _write("content/records/communities/zhejiang/tabs.yaml",
                                            "\ufeffname: 某社区\n\tregion: 慈溪市\n".encode("utf-8")), True),
    ("a news file in GBK", _write("content/news/2024-01-02-gbk.md", "Title: 编码\nDate: 2024-01-02\n\n正文".encode("gbk")),
     True),
    ("a news file linked to /dev/zero", _link("content/news/2024-01-01-zero.md", "/dev/zero"), True),
    ("a record linked to a file outside the project", _link("content/records/communities/zhejiang/outside.yaml", ""),
     True),
    ("a news Date that is not a date", _edit(NEWS, "Date: 2018-01-04 17:53", "Date: not a date"), True),
    ("a javascript: Source_url in a news file", _edit(NEWS, "Title:", "Source_url: javascript:alert(1)\nTitle:"), True),
    ("an attachment path out of its folder", _edit(
        "content/records/editions/shanghai-shequ-zhiyuan-shifan-2019.yaml", "\ncategories:",
        "\nattachments:\n  - {title: 附件, file: ../../pelicanconf.docx}\ncategories:"), True),
    ("a read-only output/", _read_only_output, True, r"output/\S+: 无法写入"),
    ("ingest onto a record with a key written twice",
     _edit(YUBO, "leader: 严介军", "leader: 严介军\nleader: 另一人"), True, r"content/\S+:\d+", INGEST),
]


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def run_case(name: str, apply, must_stop: bool, pristine: Path, work: Path, names: str = r"content/\S+(?::\d+)?",
             command: list[str] = ("build", "--no-search")) -> dict:
    project = work / "project"
    shutil.copytree(pristine, project, symlinks=True)
    before = _digest(project / "output")
    apply(project)
    editor_files = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file() and not p.is_symlink()}
    there = set((project / "content").rglob("*"))
    done = subprocess.run([str(Path(sys.executable).parent / "bangyang"), "--project", str(project), *command],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    subprocess.run(["chattr", "-R", "-i", str(project / "output")], capture_output=True)
    message = done.stderr + done.stdout
    named = "Traceback" not in message and (
        (done.returncode == 1 and re.search(names, message) is not None) if must_stop else done.returncode == 0)
    added = set((project / "content").rglob("*")) - there  # ingest must not write a second record
    lost = any(p.read_bytes() != data for p, data in editor_files.items() if p.exists()) or (
        must_stop and (_digest(project / "output") != before or bool(added)))
    unsafe = any(UNSAFE.search(p.read_bytes()) for p in (project / "output").rglob("*")
                 if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv"))
    shutil.rmtree(work, ignore_errors=True)
    return {"case": name, "named": named, "lost": lost, "unsafe": unsafe, "exit": done.returncode,
            "message": next((ln.strip() for ln in message.splitlines() if re.search(names, ln)), message.strip()[:160])}


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bangyang-hostile-") as tmp:
        pristine = Path(tmp) / "pristine"
        for part in ("content", "templates", "pelicanconf.py"):
            (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, pristine / part)
        subprocess.run([str(Path(sys.executable).parent / "bangyang"), "--project", str(pristine), "build", "--no-search"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        for i, (name, apply, must_stop, *how) in enumerate(CASES):
            rows.append(run_case(name, apply, must_stop, pristine, Path(tmp) / f"case{i}", *how))
    print(f"{'case':<46}{'named':>7}{'lost':>6}{'unsafe':>8}  message")
    for r in rows:
        print(f"{r['case']:<46}{'yes' if r['named'] else 'NO':>7}{'YES' if r['lost'] else 'no':>6}"
              f"{'YES' if r['unsafe'] else 'no':>8}  {r['message'][:90]}")
    total = {"cases": len(rows), "named": sum(r["named"] for r in rows), "lost": sum(r["lost"] for r in rows),
             "unsafe": sum(r["unsafe"] for r in rows)}
    print(f"\n{total['cases']} cases: {total['named']} named, {total['lost']} lost or changed something, "
          f"{total['unsafe']} published something unsafe")
    out = ROOT / "bench" / "results" / "hostile.json"
    out.write_text(json.dumps({"summary": total, "cases": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0 if total["named"] == total["cases"] and not total["lost"] and not total["unsafe"] else 1


if __name__ == "__main__":
    sys.exit(main())
