"""A synthetic catalog in the shape of the real lists, for benchmarks.

`python bench/synth.py --n 20000 --out /tmp/synth` writes a project (content/, templates/,
pelicanconf.py) with N honorees spread over provinces, cities, districts and streets,
bodies of 400–1,000 characters, and national, provincial and municipal editions from
2014 to 2024 whose categories have quotas like “四个100”. The same seed gives the same
catalog, so runs can be compared.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent

PROVINCES = [
    ("北京市", "beijing"), ("天津市", "tianjin"), ("河北省", "hebei"), ("山西省", "shanxi"), ("辽宁省", "liaoning"),
    ("吉林省", "jilin"), ("黑龙江省", "heilongjiang"), ("上海市", "shanghai"), ("江苏省", "jiangsu"), ("浙江省", "zhejiang"),
    ("安徽省", "anhui"), ("福建省", "fujian"), ("江西省", "jiangxi"), ("山东省", "shandong"), ("河南省", "henan"),
    ("湖北省", "hubei"), ("湖南省", "hunan"), ("广东省", "guangdong"), ("海南省", "hainan"), ("重庆市", "chongqing"),
    ("四川省", "sichuan"), ("贵州省", "guizhou"), ("云南省", "yunnan"), ("陕西省", "shaanxi"), ("甘肃省", "gansu"),
    ("青海省", "qinghai"), ("宁夏回族自治区", "ningxia"), ("新疆维吾尔自治区", "xinjiang"), ("广西壮族自治区", "guangxi"),
    ("内蒙古自治区", "neimenggu"), ("西藏自治区", "xizang"),
]
# Characters for made-up place and project names, with their pinyin (slugs need no dictionary).
SYLLABLES = [("安", "an"), ("宁", "ning"), ("和", "he"), ("平", "ping"), ("东", "dong"), ("西", "xi"), ("南", "nan"),
             ("北", "bei"), ("新", "xin"), ("华", "hua"), ("光", "guang"), ("明", "ming"), ("阳", "yang"), ("山", "shan"),
             ("河", "he"), ("湖", "hu"), ("江", "jiang"), ("海", "hai"), ("林", "lin"), ("桥", "qiao"), ("泉", "quan"),
             ("丰", "feng"), ("兴", "xing"), ("昌", "chang"), ("庆", "qing"), ("云", "yun"), ("龙", "long"), ("凤", "feng"),
             ("清", "qing"), ("德", "de"), ("福", "fu"), ("康", "kang"), ("乐", "le"), ("美", "mei"), ("春", "chun"),
             ("秋", "qiu"), ("梅", "mei"), ("兰", "lan"), ("竹", "zhu"), ("松", "song"), ("石", "shi"), ("金", "jin")]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹香月莺媛"
PROJECT_WORDS = ["暖心", "邻里", "助老", "护苗", "清河", "书香", "健康", "阳光", "爱心", "红色", "绿色", "平安", "微光", "同行", "守护"]
SENTENCES = [
    "社区坚持以居民需求为导向，建立志愿服务站点，常态化开展便民服务。",
    "项目组建专业志愿服务队伍，定期开展培训，提升服务能力。",
    "志愿者深入困难家庭，提供上门探访、生活照料和心理疏导。",
    "团队联合辖区单位和社会组织，整合资源，形成共建共享的工作格局。",
    "每年组织主题活动，覆盖青少年、老年人和外来务工人员等群体。",
    "依托新时代文明实践站，推动志愿服务与基层治理深度融合。",
    "通过积分兑换等激励机制，吸引更多居民参与志愿服务。",
    "项目实施以来累计服务群众数万人次，得到广泛好评。",
    "中心搭建供需对接平台，实行群众点单、中心派单、志愿者接单。",
    "志愿者在交通路口开展文明劝导，倡导礼让斑马线。",
]
KINDS = [("community", "communities", 0.30), ("organization", "organizations", 0.20), ("project", "projects", 0.25),
         ("volunteer", "volunteers", 0.15), ("centre", "centres", 0.10)]
YEARS = list(range(2014, 2025))
SITE_FIELDS = ("name", "domain", "site_url", "site_id_code", "sponsor", "organizer", "icp", "police_record",
               "police_record_code", "party_gov_badge", "contact", "description")


def _place(rng: random.Random, used: set[str], suffix: str) -> tuple[str, str]:
    """A new place name; ``used`` holds names and slugs already taken in this province."""
    while True:
        a, b = rng.sample(SYLLABLES, 2)
        name, slug = a[0] + b[0] + suffix, a[1] + b[1]
        if name not in used and slug not in used:
            used.update((name, slug))
            return name, slug


def _regions(rng: random.Random, streets_per_district: int) -> tuple[list[str], list[list[str]]]:
    """regions.yaml lines, and the streets (as name paths) to put honorees in."""
    lines, streets = [], []
    for pname, pslug in PROVINCES:
        lines.append(f"{pname}: {pslug}")
        municipality = pname.endswith("市")
        cities = [(pname, None)] if municipality else []
        used: set[str] = set()
        if not municipality:
            for _ in range(rng.randint(4, 8)):
                cname, cslug = _place(rng, used, "市")
                lines.append(f"{pname}/{cname}: {cslug}")
                cities.append((f"{pname}/{cname}", cslug))
        for cpath, _ in cities:
            for _ in range(rng.randint(3, 6)):
                dname, dslug = _place(rng, used, rng.choice("区县"))
                lines.append(f"{cpath}/{dname}: {dslug}")
                for _ in range(streets_per_district):
                    sname, sslug = _place(rng, used, rng.choice(["街道", "镇"]))
                    lines.append(f"{cpath}/{dname}/{sname}: {sslug}")
                    streets.append(f"{cpath}/{dname}/{sname}".split("/"))
    return lines, streets


def _body(rng: random.Random) -> str:
    target = rng.randint(400, 1000)
    paragraphs, length = [], 0
    while length < target:
        para = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))
        paragraphs.append(para)
        length += len(para)
    return "\n\n".join(paragraphs)


def _name(rng: random.Random, kind: str, street: list[str]) -> str:
    place = street[-1]
    if kind == "community":
        return f"{place}{rng.choice(SYLLABLES)[0]}{rng.choice(SYLLABLES)[0]}社区"
    if kind == "project":
        return f"“{rng.choice(PROJECT_WORDS)}{rng.choice(PROJECT_WORDS)}”志愿服务项目"
    if kind == "volunteer":
        return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))
    if kind == "organization":
        return f"{street[-2]}{rng.choice(PROJECT_WORDS)}志愿服务队"
    return f"{place}新时代文明实践所"


def generate(n: int, out: Path, seed: int = 7) -> Path:
    """Write a synthetic project with ``n`` honorees under ``out``; returns ``out``."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    (content / "records").mkdir(parents=True)
    (content / "news").mkdir()
    for name in ("templates", "pelicanconf.py"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, out / name)
    # Only the fields every version of the engine knows, so that --baseline builds the same catalog.
    site = {k: v for k, v in yaml.safe_load((REPO / "content" / "site.yaml").read_text(encoding="utf-8")).items()
            if k in SITE_FIELDS}
    (content / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    streets_per_district = max(2, min(12, n // 2500))
    region_lines, streets = _regions(rng, streets_per_district)
    (content / "regions.yaml").write_text("\n".join(region_lines) + "\n", encoding="utf-8")

    by_kind: dict[str, list[tuple[str, list[str]]]] = {k: [] for k, _, _ in KINDS}
    weights = [w for _, _, w in KINDS]
    taken: dict[tuple, int] = {}  # one name a place, for each kind: a second would be a copied record
    for i in range(n):
        kind, folder, _ = rng.choices(KINDS, weights)[0]
        street = rng.choice(streets)
        pslug = dict(PROVINCES)[street[0]]
        rid = f"{folder}/{pslug}/h{i:06d}"
        by_kind[kind].append((rid, street))
        stats = "".join(f"  - {{metric: 指标{j}, value: {rng.randint(10, 99999)}人次}}\n" for j in range(rng.randint(3, 6)))
        body = _body(rng).replace("\n", "\n  ")
        path = content / "records" / f"{rid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        name = _name(rng, kind, street)
        key = (kind, name, tuple(street))
        taken[key] = taken.get(key, 0) + 1
        if taken[key] > 1:
            name = f"{name}（{taken[key]}）"
        path.write_text(
            f"name: {name}\n"
            f"region: {'/'.join(street)}\n"
            f"stats:\n{stats}"
            f"sources:\n  - {{publisher: 示例新闻网, date: {rng.choice(YEARS)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}}}\n"
            f"body: |\n  {body}\n", encoding="utf-8")

    schemes = content / "records" / "schemes"
    schemes.mkdir()
    (schemes / "national.yaml").write_text("name: 全国志愿服务“四个100”先进典型\nlevel: 全国\n", encoding="utf-8")
    (schemes / "provincial.yaml").write_text("name: 省级“最美”志愿服务典型\nlevel: 省\n", encoding="utf-8")
    editions = content / "records" / "editions"
    editions.mkdir()
    national_cats = [("最美志愿者", "volunteer"), ("最佳志愿服务组织", "organization"),
                     ("最佳志愿服务项目", "project"), ("最美志愿服务社区", "community")]
    by_province: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
    for kind, items in by_kind.items():
        for item in items:
            by_province.setdefault((kind, item[1][0]), []).append(item)

    def take(kind: str, count: int, province: str | None = None) -> list[tuple[str, list[str]]]:
        """Distinct honorees for one list; an honoree may be on several lists over the years."""
        pool = by_kind[kind] if province is None else by_province.get((kind, province), [])
        return rng.sample(pool, min(count, len(pool)))

    def edition_yaml(scheme: str, year: int, title: str, level: str, cats, region: str | None) -> str:
        lines = [f"scheme: schemes/{scheme}", f"year: {year}", f"title: {title}", f"level: {level}",
                 f"announced: {year + 1}-0{rng.randint(1, 9)}"]
        if region:
            lines.append(f"region: {region}")
        lines.append("categories:")
        for cname, kind, quota, entries in cats:
            lines += [f"  - name: {cname}", f"    kind: {kind}", f"    quota: {quota}",
                      "    entries:" if entries else "    entries: []"]
            for j, (rid, street) in enumerate(entries):
                if rng.random() < 0.1:  # a list entry without a profile: a stub page
                    lines += [f"      - stub: {rid.rsplit('/', 1)[0]}/stub-{scheme}-{year}-{kind}-{j}",
                              f"        name: {street[-1]}{kind}{j}", f"        region: {'/'.join(street)}"]
                else:
                    lines.append(f"      - honoree: {rid}")
        return "\n".join(lines) + "\n"

    for year in YEARS:
        cats = [(c, k, 100, take(k, 100)) for c, k in national_cats]
        (editions / f"national-{year}.yaml").write_text(
            edition_yaml("national", year, f"{year}年度全国志愿服务“四个100”先进典型", "全国", cats, None), encoding="utf-8")
    provincial_size = max(5, n // (len(YEARS) * len(PROVINCES) * 3))
    for year in YEARS:
        for pname, pslug in PROVINCES:
            cats = [(f"最美{label}", k, provincial_size, take(k, provincial_size, pname))
                    for label, k in (("志愿服务社区", "community"), ("志愿服务项目", "project"), ("志愿服务中心", "centre"))]
            (editions / f"{pslug}-{year}.yaml").write_text(
                edition_yaml("provincial", year, f"{year}年度{pname}最美志愿服务典型", "省", cats, pname), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)
    print(f"wrote {args.n} honorees to {args.out}")


if __name__ == "__main__":
    main()
