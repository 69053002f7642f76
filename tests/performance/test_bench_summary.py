"""The table `make bench` ends with says met only for what was measured and reached: the load
test counts only when it ran ten minutes with a hundred users and found nothing wrong, and the
bench itself must finish within ten minutes."""

import datetime as dt
import json

import pytest

from benchmarks import summary

CLEAN_RUN = {
    "users": 100,
    "seconds": 600,
    "workers": 5,
    "national": True,
    "requests": 40000,
    "failures": 0,
    "rps": 66.7,
    "p95": 480,
    "problems": [],
}


@pytest.fixture(autouse=True)
def results(tmp_path, monkeypatch):
    monkeypatch.setattr(summary, "RESULTS", tmp_path)
    monkeypatch.setattr(summary, "LOAD_TEST", tmp_path / "load-test" / "last.json")
    return tmp_path


def row(aim_start):
    [found] = [r for r in summary.rows() if r[0].startswith(aim_start)]
    return found


def test_a_load_test_never_run_is_not_run():
    assert row("load test")[1:] == ("not run", None)


@pytest.mark.parametrize(
    "change",
    [
        {"seconds": 90},
        {"users": 50},
        {"failures": 3},
        {"problems": ["marks recorded twice"]},
    ],
)
def test_a_short_small_or_failing_load_test_is_missed(change):
    summary.save_load_test({**CLEAN_RUN, **change})
    assert row("load test")[2] is False


def test_ten_minutes_at_a_hundred_users_with_nothing_wrong_is_met_and_dated():
    summary.save_load_test(CLEAN_RUN)
    _, figure, met = row("load test")
    assert met is True
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    assert figure.startswith(today) and "100 users, 10 min" in figure and "p95 480 ms" in figure


def test_clearing_for_a_new_bench_keeps_the_load_test_and_times_the_run(results):
    summary.save_load_test(CLEAN_RUN)
    summary.save("pages", {"results": {}})
    summary.clear()
    assert not (results / "pages.json").exists()
    assert row("load test")[2] is True
    assert row("make bench finishes")[2] is True
    started = json.loads((results / "started.json").read_text())
    started["at"] -= 11 * 60
    (results / "started.json").write_text(json.dumps(started))
    assert row("make bench finishes")[2] is False
