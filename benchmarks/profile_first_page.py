"""What a session's first page costs, one JSON line per page: each page a new browser context (as bench_load's
sessions), opened one after another on a warm server; wall time to the painted map, CPU seconds of each process
to the paint and once the page settled (its follow-up run with the timeline and the table included), bytes over
HTTP by kind of file and on the websocket; --trace adds the renderer main thread's CPU by kind and sampled JS time
by library. --root serves another checkout."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_load import REPAINTED  # noqa: E402
from profile_repaint import (  # noqa: E402
    CATEGORIES,
    cpu_since,
    js_by_library,
    main_thread_time,
    process_cpu,
    served,
    served_arguments,
)

SETTLE_MS = 6000  # after the first paint: the follow-up run (timeline, table) and the chart's code are in


def _kind(url: str) -> str:
    path = url.split("?", 1)[0]
    for ending, kind in ((".js", "js"), (".css", "css"), (".woff2", "font"), (".woff", "font"), (".ttf", "font"),
                         (".bin", "basemap"), (".png", "image"), (".svg", "image"), (".json", "json")):
        if path.endswith(ending):
            return kind
    return "other"


def one_page(browser, url: str, trace: bool) -> dict:
    """A first page in a fresh context: its figures."""
    from bench_app import Bytes

    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = context.new_page()
    counter = Bytes(page)
    http: Counter = Counter()
    files: Counter = Counter()

    def received(response) -> None:
        try:
            size = response.request.sizes()["responseBodySize"]
        except Exception:  # noqa: BLE001 - a response without a body
            return
        http[_kind(response.url)] += size
        files[_kind(response.url)] += 1

    page.on("requestfinished", lambda request: received(request.response()) if request.response() else None)
    before, started = process_cpu(), time.perf_counter()
    if trace:
        browser.start_tracing(page=page, categories=CATEGORIES.split(","))
    page.goto(url + "/", timeout=300_000)
    page.wait_for_function(REPAINTED, arg="none", timeout=300_000, polling=50)
    painted, cpu_paint, ws_paint = time.perf_counter() - started, cpu_since(before), counter.total
    page.wait_for_timeout(SETTLE_MS)
    cpu_settled = cpu_since(before)
    traced = browser.stop_tracing() if trace else None
    context.close()
    return {"first_paint_s": round(painted, 2), "cpu_to_paint": cpu_paint, "cpu_settled": cpu_settled,
            "cpu_settled_all": round(sum(v for k, v in cpu_settled.items() if "." not in k), 2),
            "ws_bytes_to_paint": ws_paint, "ws_bytes_settled": counter.total,
            "http_bytes": dict(http), "http_files": dict(files),
            **({"main_thread_ms": main_thread_time(traced), "js_sampled_ms": js_by_library(traced)} if traced else {})}


def run(url: str, pages: int, trace: bool) -> None:
    from playwright.sync_api import sync_playwright

    from dashboard.browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=list(CHROMIUM_FLAGS))
        for number in range(pages + 1):  # the first warms the server's caches and is not reported
            figures = one_page(browser, url, trace and number > 0)
            if number:
                print(json.dumps(figures), flush=True)
        browser.close()


def main() -> int:
    parser = served_arguments(__doc__)
    parser.add_argument("--pages", type=int, default=4)
    args = parser.parse_args()
    with served(args) as url:
        run(url, args.pages, args.trace)
    return 0


if __name__ == "__main__":
    sys.exit(main())
