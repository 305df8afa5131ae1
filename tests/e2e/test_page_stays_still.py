"""Streamlit's waiting states draw no frames: a skeleton placeholder does not pulse and a rerunning page's elements dim
at once instead of fading (each frame of those animations is drawn by every open page, in software without a GPU)."""

from __future__ import annotations

import pytest

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import painted_markers, wait_kpi

pytestmark = pytest.mark.e2e
# Every animation the page runs from now on, by kind: [name, target's test id, duration ms, iterations].
WATCH = """() => {
    window.__motion = [];
    const seen = new Set();
    const look = () => {
        for (const a of document.getAnimations()) {
            if (seen.has(a)) continue;
            seen.add(a);
            const timing = a.effect.getComputedTiming(), target = a.effect.target;
            window.__motion.push([a.constructor.name, target && target.getAttribute('data-testid'),
                                  Number(timing.duration) || 0, timing.iterations]);
        }
        requestAnimationFrame(look);
    };
    look();
}"""
SKELETON = """() => {
    const probe = document.createElement('div');
    probe.setAttribute('data-testid', 'stSkeleton');
    probe.style.animation = 'im-probe 1s infinite';  // what Streamlit's own pulse sets on its placeholders
    document.body.appendChild(probe);
    const name = getComputedStyle(probe).animationName;
    probe.remove();
    return name;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("still") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


def test_a_skeleton_placeholder_does_not_pulse(server, page):
    page.goto(server + "/")
    painted_markers(page, 7)
    assert page.evaluate(SKELETON) == "none"


def test_a_rerun_dims_the_page_without_fading_it(server, page):
    page.goto(server + "/")
    painted_markers(page, 7)
    page.wait_for_timeout(2000)  # the session's first follow-up run (timeline, table) is drawn
    page.evaluate(WATCH)
    page.get_by_text("7 days", exact=True).click()
    wait_kpi(page, "Incidents", "5")
    painted_markers(page, 5)
    page.wait_for_timeout(500)
    motion = page.evaluate("window.__motion")
    fades = [m for m in motion if m[0] == "CSSTransition" and m[1] == "stElementContainer"]
    assert fades, "no element was marked stale during the rerun: the test saw nothing"
    assert all(duration == 0 for _, _, duration, _ in fades), fades[:3]
    assert not [m for m in motion if m[3] == float("inf") or m[3] is None], motion
    assert not page.page_errors
