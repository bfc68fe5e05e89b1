"""netral_nlp.plots: each helper draws from annotations or DataFrames and saves a PNG (Agg)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import netral_nlp  # noqa: E402
from netral_nlp import plots  # noqa: E402
from netral_nlp.corpus import read_records  # noqa: E402


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    recs = read_records("netral-id", "dev")
    for i, r in enumerate(recs):  # the corpus has no publication dates: give some documents one
        if i % 3 == 0:
            r["published"] = f"2024-{1 + i % 12:02d}-15"
    return recs


def _png(ax, path):
    assert isinstance(ax, matplotlib.axes.Axes)
    plots.save(ax, path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000
    plt.close(ax.figure)



def _heights(ax, horizontal: bool) -> float:
    return sum((p.get_width() if horizontal else p.get_height()) for p in ax.patches)


def test_violations_by_type(tmp_path, docs):
    n = sum(len(d["violations"]) for d in docs)
    ax = plots.violations_by_type(docs)
    assert _heights(ax, True) == n
    assert {t.get_text() for t in ax.get_yticklabels()} == {v["type"] for d in docs for v in d["violations"]}
    _png(ax, tmp_path / "types.png")
    ax = plots.violations_by_type(netral_nlp.to_dataframe(docs, "violations"))
    assert _heights(ax, True) == n
    _png(ax, tmp_path / "types_df.png")


def test_violations_by_province(tmp_path, docs):
    expected = sum(max(1, len({r["province"] for r in d["regions"] if r.get("province")})) * len(d["violations"])
                   for d in docs)
    for data in (docs, netral_nlp.to_dataframe(docs, "violations")):
        ax = plots.violations_by_province(data, top=100)
        assert _heights(ax, True) == expected
        _png(ax, tmp_path / "prov.png")


def test_violations_by_month_uses_event_dates(tmp_path, docs):
    from netral_nlp.plover import violation_date

    dated = [violation_date(d, v)[0] for d in docs for v in d["violations"]]
    n_dated = sum(1 for x in dated if x)
    assert n_dated > 0
    ax = plots.violations_by_month(docs)
    assert _heights(ax, False) == n_dated
    _png(ax, tmp_path / "month.png")
    # DataFrames: the violations table with the events table gives the same months.
    viol = netral_nlp.to_dataframe(docs, "violations")
    ev = netral_nlp.to_dataframe(docs, "events")
    ax2 = plots.violations_by_month(viol, events=ev, stack="type")
    assert _heights(ax2, False) == n_dated
    assert [t.get_text() for t in ax2.get_xticklabels()] == [t.get_text() for t in ax.get_xticklabels()]
    _png(ax2, tmp_path / "month_df.png")
    # to_plover rows carry the date themselves.
    ax3 = plots.violations_by_month(__import__("pandas").DataFrame(netral_nlp.to_plover(docs, flat=True)))
    assert _heights(ax3, False) == n_dated
    plt.close(ax3.figure)


def test_officials_by_category(tmp_path, docs):
    n = sum(len(d["officials"]) for d in docs)
    ax = plots.officials_by_category(docs)
    assert _heights(ax, False) == n
    _png(ax, tmp_path / "officials.png")
    ax = plots.officials_by_category(netral_nlp.to_dataframe(docs, "officials"))
    assert _heights(ax, False) == n
    fig, axes = plt.subplots(1, 2)
    assert plots.officials_by_category(docs, ax=axes[1]) is axes[1]
    _png(axes[1], tmp_path / "sub.png")


def test_empty_input(tmp_path):
    _png(plots.violations_by_type([]), tmp_path / "e1.png")
    _png(plots.violations_by_month([netral_nlp.Annotation(text="x")]), tmp_path / "e2.png")
