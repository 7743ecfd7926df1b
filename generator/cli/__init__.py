"""The `bangyang` command: build, serve, check, new, schema, ingest, crawl."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from generator.domain.problems import ContentError

# generator.engine.build (pydantic, Jinja, the catalog) is imported only by the commands that build.


def _print_problems(problems: list) -> None:
    print(f"发现 {len(problems)} 个问题：", file=sys.stderr)
    for p in problems:
        print(f"  {p}", file=sys.stderr)


_BUILD_FAILED = "构建失败, output/ 保持原样。"


def cmd_build(args: argparse.Namespace) -> int:
    from generator.engine.build import BuildError, build
    from generator.engine.state import BuildState

    # Held here until the process ends (``run``): freeing the catalog object by object
    # costs more than a small rebuild, and the operating system reclaims it at once.
    args.state = BuildState(Path(args.project), cache=not args.no_cache)
    try:
        result = build(Path(args.project), Path(args.output) if args.output else None,
                       Path(args.settings) if args.settings else None, include_drafts=args.drafts,
                       search=not args.no_search, jobs=args.jobs, state=args.state)
    except BuildError as exc:
        _print_problems(exc.problems)
        print(_BUILD_FAILED if exc.output_kept else "构建失败。", file=sys.stderr)
        return 1
    _print_result(result, args.profile)
    return 0


def _print_result(result, profile: bool) -> None:
    print(f"已生成 {result.pages} 个页面到 {result.output}, 用时 {result.seconds:.2f} 秒 "
          f"(重新生成 {result.remade}/{result.groups} 组, 写入 {result.written} 个文件, 删除 {result.deleted} 个)")
    if result.unchanged:
        print("  输入文件与 output/ 都和上次构建时一样 (大小与修改时间), 没有读取记录。")
    if not result.switched:
        print("  注意: 这里的文件系统不能整体替换 output/ (例如 output/ 是挂载点), 已逐个文件更新;"
              " 更新期间访问者可能看到新旧混合的页面。")
    if not result.qr_script:
        print("  注意: 找不到二维码脚本 (node_modules/qrcode-generator), 页面不显示本页网址的二维码;"
              " 在项目目录运行 npm ci 安装。")
    if profile:
        _print_profile(result)


_STAGE_LABELS = {"load": "读取并校验 YAML", "link": "关联记录", "render": "页面数据与模板", "write": "写入 output/",
                 "index": "搜索索引 (Pagefind)"}


def _print_profile(result) -> None:
    """Where the time went, by stage, so an operator can tell what is slow."""
    total = result.seconds or 1.0
    print(f"  {'阶段':<6}{'秒':>9}{'占比':>5}")
    for stage, seconds in result.timings.items():
        print(f"  {stage:<8}{seconds:9.3f}{seconds / total:7.0%}  {_STAGE_LABELS.get(stage, '')}")
    other = max(0.0, total - sum(result.timings.values()))
    print(f"  {'other':<8}{other:9.3f}{other / total:7.0%}  设置、缓存读写")
    if result.unchanged:
        print("  (读取: 只比较了各文件的大小和修改时间, 与上次构建相同)")
    _print_render_parts(result.render_parts)
    print(f"  页面组 {result.groups} 个, 重新生成 {result.remade} 个; 渲染页面 {result.rendered} 个; "
          f"写入文件 {result.written} 个, 删除 {result.deleted} 个; "
          f"搜索索引{'已重建' if result.indexed else '未变'}")


def _print_render_parts(parts: dict) -> None:
    """The render stage in parts (generator.render.groups.render_times): which of page data, templates
    or files to look at, and which template."""
    if not parts:
        return
    processes = parts.get("processes", 1)
    print(f"  渲染的各部分 (工作秒数{f', {processes} 个进程合计' if processes > 1 else ''}):")
    templates = sorted(parts.get("templates", {}).items(), key=lambda kv: (-kv[1], kv[0]))
    named = ", ".join(f"{name} {seconds:.3f}" for name, seconds in templates[:5])
    if len(templates) > 5:
        named += f", 另 {len(templates) - 5} 个"
    rows = [("plan", parts.get("plan", 0.0), "规划页面组, 读上次的清单, 找出要重新生成的组"),
            ("page data", parts.get("data", 0.0), "页面数据: 记录 → 模板收到的数据"),
            ("templates", sum(s for _, s in templates), f"模板 (Jinja): {named}" if named else "模板 (Jinja)"),
            ("files", parts.get("files", 0.0), "输入摘要、与 output/ 比对、写入暂存目录")]
    if "pelican" in parts:
        rows.append(("pelican", parts["pelican"], "新闻页、订阅与主题文件 (Pelican)"))
    for name, seconds, label in rows:
        print(f"    {name:<10}{seconds:9.3f}  {label}")


def cmd_check(args: argparse.Namespace) -> int:
    from generator.engine.build import BuildError, build, load_catalog
    from generator.records.citations import uncited
    from generator.site.linkcheck import check_site

    project = Path(args.project)
    try:
        catalog = load_catalog(project)
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    awarded = sum(1 for h in catalog.honorees.values() if h.awarded)
    unlisted = f", {len(catalog.honorees) - awarded} 个品牌与项目 (不在榜单上)" if awarded < len(catalog.honorees) else ""
    print(f"内容校验通过: {awarded} 个先进典型{unlisted}, {len(catalog.editions)} 份榜单, {len(catalog.news)} 篇新闻")
    hints = uncited(catalog, project)
    for hint in hints:
        print(f"  提示 {hint}")
    if hints:
        print(f"{len(hints)} 条记录没有原文摘句; 不影响发布, 但读者无从核对")
    with tempfile.TemporaryDirectory(prefix="bangyang-check-") as tmp:
        try:
            # No cache: a throwaway folder would only leave a manifest behind.
            build(project, Path(tmp) / "site", cache=False)
        except BuildError as exc:
            _print_problems(exc.problems)
            return 1
        checked, problems = check_site(Path(tmp) / "site", urlsplit(catalog.site.site_url).path.rstrip("/") + "/")
    for p in problems:
        print(f"  {p}", file=sys.stderr)
    print(f"链接检查: {checked} 个站内链接, {len(problems)} 个问题")
    return 1 if problems else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.cli.serve import serve

    return serve(Path(args.project), args.host, args.port, build_first=not args.no_build,
                 include_drafts=args.drafts, watch=not args.no_watch, search=not args.no_search)


def cmd_new(args: argparse.Namespace) -> int:
    from generator.records.scaffold import ScaffoldError, new_record

    try:
        path, url = new_record(Path(args.project), args.kind, args.name, args.region, args.slug)
    except ScaffoldError as exc:
        print(f"未创建: {exc}", file=sys.stderr)
        return 1
    print(f"已创建 {path}\n网址: {url}\n填好内容后运行 bangyang check 校验。")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from scrapers.fetch import Fetcher
    from scrapers.ingest import CACHE_DIR, Ingest

    project = Path(args.project)
    if args.from_redis:
        return _ingest_redis(project, args)
    if not args.sources:
        print("请写要导入的网址或文件, 或用 --from-redis 导入分布式抓取的文章", file=sys.stderr)
        return 2
    try:
        runner = Ingest(project, use_cache=args.from_cache)
    except ContentError as exc:
        _print_problems(exc.problems)
        print("先修好上面的内容问题, 再导入。", file=sys.stderr)
        return 1
    with Fetcher(project / CACHE_DIR, delay=args.delay, obey_robots=not args.ignore_robots) as fetcher:
        runner.fetcher = fetcher
        report = runner.run(args.sources)
    for line in report.lines():
        print(line)
    if report.created or report.incoming:
        print("草稿的 status 是 draft; 用 bangyang serve --drafts 预览, 核对后改为 published。")
    return 1 if report.failed else 0


def _ingest_redis(project: Path, args: argparse.Namespace) -> int:
    from scrapers import redis_ingest
    from scrapers.redis_queue import RedisUnavailable

    report = redis_ingest.StreamReport()
    try:
        redis_ingest.ingest_stream(project, args.from_redis, idle=args.idle, report=report)
    except ContentError as exc:
        _print_problems(exc.problems)
        print("先修好上面的内容问题, 再导入。", file=sys.stderr)
        return 1
    except (ValueError, RedisUnavailable) as exc:
        for line in report.lines():
            print(line)
        print(f"导入中止: {exc}", file=sys.stderr)
        return 2
    for line in report.lines():
        print(line)
    if report.written:
        print("草稿的 status 是 draft; 用 bangyang serve --drafts 预览, 核对后改为 published。")
    return 1 if report.failed else 0


def cmd_crawl(args: argparse.Namespace) -> int:
    from scrapers.crawl import crawl

    if not args.profile and not args.worker:
        print("没有抓取: 请写站点配置名, 如 bangyang crawl generic --start 栏目网址", file=sys.stderr)
        return 2
    if args.worker or args.redis:
        return _crawl_redis(args)
    try:
        report = crawl(Path(args.project), args.profile, args.start or None, max_pages=args.max_pages,
                       full=args.full, delay=args.delay, timeout=args.timeout, max_bytes=args.max_kb * 1024,
                       obey_robots=not args.ignore_robots, http_cache=not args.no_http_cache,
                       extra_settings=dict(kv.split("=", 1) for kv in args.setting))
    except ValueError as exc:
        print(f"没有抓取: {exc}", file=sys.stderr)
        return 2
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    for line in report.lines():
        print(line)
    return 1 if report.failed else 0


def _crawl_redis(args: argparse.Namespace) -> int:
    """The distributed crawl: seed the shared queue, or (``--worker``) work from it."""
    import redis

    from scrapers import redis_queue, redis_worker
    from scrapers.crawl import start_urls

    if not args.redis:
        print("没有抓取: --worker 需要 --redis redis://主机:端口/库号", file=sys.stderr)
        return 2
    try:
        if args.worker:
            report = redis_worker.work(args.redis, delay=args.delay, timeout=args.timeout, max_bytes=args.max_kb * 1024,
                                      obey_robots=not args.ignore_robots, idle=args.idle, lease=args.lease,
                                      wait=args.redis_wait)
            for line in report.lines():
                print(line)
            return 1 if report.failed else 0
        lists, retries = redis_queue.seed(args.redis, args.profile, start_urls(args.profile, args.start),
                                          max_pages=args.max_pages, full=args.full)
    except (ValueError, redis_queue.RedisUnavailable) as exc:
        print(f"没有抓取: {exc}", file=sys.stderr)
        return 2
    except redis.exceptions.RedisError as exc:
        print(f"没有抓取: Redis 出错 ({exc})", file=sys.stderr)
        return 2
    print(f"已放入队列: 栏目列表页 {lists} 个, 上次失败要重试的文章 {retries} 篇。")
    print(f"在各台机器上运行 bangyang crawl --worker --redis {args.redis} 抓取, "
          f"在项目目录运行 bangyang ingest --from-redis {args.redis} 导入。")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.domain.schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bangyang", description="志愿服务先进典型榜单静态站点生成器")
    p.add_argument("--project", default=".", help="项目目录 (含 content/ 和 pelicanconf.py), 默认当前目录")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="校验内容并生成站点到 output/")
    b.add_argument("--output", help="输出目录, 默认 output/")
    b.add_argument("--settings", help="Pelican 设置文件, 默认 pelicanconf.py; 发布用 publishconf.py")
    b.add_argument("--drafts", action="store_true", help="包含草稿 (仅用于预览)")
    b.add_argument("--profile", action="store_true", help="按阶段显示用时")
    b.add_argument("--no-search", action="store_true", help="不建搜索索引 (不需要 Pagefind)")
    b.add_argument("--jobs", type=int, default=None, help="并行生成页面的进程数, 默认每个 CPU 核一个")
    b.add_argument("--no-cache", action="store_true", help="不用构建缓存, 全部重新生成 (输出相同)")
    b.set_defaults(func=cmd_build)

    c = sub.add_parser("check", help="列出全部内容问题, 并检查生成站点的站内链接")
    c.set_defaults(func=cmd_check)

    s = sub.add_parser("serve", help="本地预览, 修改内容后自动重新生成")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--drafts", action="store_true", help="预览中显示草稿")
    s.add_argument("--no-build", action="store_true", help="启动时不先生成")
    s.add_argument("--no-watch", action="store_true", help="不监视文件变化")
    s.add_argument("--no-search", action="store_true",
                   help="预览中不更新搜索索引 (Pagefind 每次都重建整个索引, 大站点上要几分钟)")
    s.set_defaults(func=cmd_serve)

    n = sub.add_parser("new", help="新建一条记录的骨架")
    n.add_argument("kind", choices=["community", "organization", "project", "volunteer", "centre"])
    n.add_argument("name", help="名称, 如 慈溪市浒山街道虞波社区")
    n.add_argument("--region", help="地区, 如 慈溪市浒山街道 (默认从名称中识别)")
    n.add_argument("--slug", help="自定网址名 (小写拼音和连字符); 默认按拼音建议")
    n.set_defaults(func=cmd_new)

    i = sub.add_parser("ingest", help="把新闻网址或保存的网页 (.html/.txt) 变成新闻和草稿记录")
    i.add_argument("sources", nargs="*", metavar="URL|FILE")
    i.add_argument("--from-redis", metavar="URL", help="导入分布式抓取 (bangyang crawl --worker) 推送的文章")
    i.add_argument("--idle", type=float, default=30.0, help="--from-redis: 抓取结束并空闲多少秒后退出, 默认 30")
    i.add_argument("--from-cache", action="store_true", help="网址用上次抓取的快照, 不再联网")
    i.add_argument("--delay", type=float, default=1.0, help="同一网站两次请求的间隔秒数, 默认 1")
    i.add_argument("--ignore-robots", action="store_true", help="不看 robots.txt (仅限自己的网站)")
    i.set_defaults(func=cmd_ingest)

    cr = sub.add_parser("crawl", help="用 Scrapy 抓取一个栏目的列表页, 导入其中的新文章")
    cr.add_argument("profile", nargs="?", help="站点配置名 (scrapers/profiles.yaml), 如 wenming; 任意网站用 generic")
    cr.add_argument("--start", action="append", help="栏目列表页网址, 可写多次")
    cr.add_argument("--max-pages", type=int, default=50, help="最多翻几页列表, 默认 50")
    cr.add_argument("--full", action="store_true", help="列表页全是抓过的文章时也继续翻页")
    cr.add_argument("--delay", type=float, default=1.0, help="请求间隔秒数 (AutoThrottle 起始值), 默认 1")
    cr.add_argument("--timeout", type=float, default=20.0, help="单个请求的超时秒数")
    cr.add_argument("--max-kb", type=int, default=5120, help="单个页面的大小上限 (KB)")
    cr.add_argument("--ignore-robots", action="store_true", help="不看 robots.txt (仅限自己的网站)")
    cr.add_argument("--no-http-cache", action="store_true", help="不用 Scrapy 的 HTTP 缓存")
    cr.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                    help="其他 Scrapy 设置, 可写多次 (如 scrapy-redis 的 SCHEDULER)")
    cr.add_argument("--redis", metavar="URL", help="分布式抓取: 共用的 Redis, 如 redis://10.0.0.5:6379/0; "
                                                   "不加 --worker 时只把栏目放入队列")
    cr.add_argument("--worker", action="store_true", help="作为抓取进程, 从 Redis 队列取请求 (可在多台机器上各运行几个)")
    cr.add_argument("--idle", type=float, default=30.0, help="队列空闲多少秒后抓取进程退出, 默认 30")
    cr.add_argument("--lease", type=float, default=15.0,
                    help="抓取进程失联多少秒后, 其未完成的请求交给其他进程, 默认 15")
    cr.add_argument("--redis-wait", type=float, default=60.0, help="Redis 连不上时最多等几秒, 默认 60")
    cr.set_defaults(func=cmd_crawl)

    sc = sub.add_parser("schema", help="为各类记录写出 JSON Schema (编辑器自动补全用)")
    sc.add_argument("--out", default="schema")
    sc.set_defaults(func=cmd_schema)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `bangyang` console script."""
    args = parser().parse_args(argv)
    return args.func(args)


def run() -> None:
    """The console script: run the command, then exit without tearing down the interpreter.

    ``args`` holds what the command read (a build's state) until the process ends: the
    operating system reclaims it at once, where freeing it object by object takes longer
    than a small rebuild.
    """
    args = parser().parse_args()
    code = args.func(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

if __name__ == "__main__":
    run()
