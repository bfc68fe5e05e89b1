"""Plot helpers (matplotlib) for annotated archives.

Every function takes either a list of annotations (:class:`~netral_nlp.schema.Annotation`
objects or contract dicts) or a pandas DataFrame, draws on ``ax`` (a new figure when none is
given) and returns the ``Axes`` (``ax.figure`` is the Figure):

- :func:`violations_by_type` — violation types, stacked by modality;
- :func:`violations_by_province` — violations per province of the document, stacked by modality;
- :func:`violations_by_month` — violations per month, stacked by modality (or type);
- :func:`officials_by_category` — officials per category.

DataFrames: the violation plots take ``netral_nlp.to_dataframe(anns, "violations")`` (columns
``type``, ``modality``, ``provinces``, ``published``) or ``netral_nlp.to_plover(anns, flat=True)``
rows (``violation_type``, ``date``); :func:`officials_by_category` takes the ``"officials"`` level.

Dates (:func:`violations_by_month`): the date of the nearest event of the document that has
one (see :func:`netral_nlp.plover.violation_date`), else the document's ``published``. From a
``to_dataframe`` violations table pass ``events=`` (the ``"events"`` level table) to get event
dates; without it the table's ``published`` is used.

matplotlib is imported when a plot is drawn; pick the backend as usual (``MPLBACKEND=Agg``
for files only).
"""
from __future__ import annotations

from collections import Counter

from . import labels

MODALITY_COLORS = {"INCIDENT": "#c0392b", "AGGREGATE": "#f39c12", "GENERIC": "#bdc3c7"}
CATEGORY_COLOR = "#e0b34a"
UNKNOWN = "(unknown)"


def _is_frame(data) -> bool:
    return hasattr(data, "columns") and hasattr(data, "to_dict")


def _docs(data) -> list[dict]:
    if isinstance(data, dict) or hasattr(data, "to_dict") and not _is_frame(data):
        data = [data]
    return [a if isinstance(a, dict) else a.to_dict() for a in data]


def _nearest_dates_from_tables(viol, events) -> list:
    """Per violation row, the date of the nearest dated event of its document (None if none)."""
    by_doc: dict = {}
    for e in events.to_dict("records"):
        date, start = e.get("date"), e.get("trigger_start")
        if not isinstance(date, str) or not date:  # missing values are NaN in a DataFrame
            continue
        if start is not None and start == start:
            by_doc.setdefault(e["doc_id"], []).append((int(start), int(e["trigger_end"]), date))
        else:
            by_doc.setdefault(e["doc_id"], []).append((None, None, date))
    out = []
    for v in viol.to_dict("records"):
        cands = by_doc.get(v.get("doc_id"), [])
        s, e = v.get("evidence_start"), v.get("evidence_end")
        if not cands:
            out.append(None)
            continue

        def dist(c):
            if c[0] is None or s is None or s != s:
                return float("inf")
            return max(0, c[0] - e, s - c[1])

        out.append(min(cands, key=dist)[2])
    return out


def violation_rows(data, events=None) -> list[dict]:
    """Normalised violation rows: ``type``, ``modality``, ``provinces`` (list), ``date`` (str or None)."""
    if _is_frame(data):
        df = data
        tcol = "type" if "type" in df.columns else "violation_type"
        dates = None
        if "date" in df.columns:
            dates = list(df["date"])
        elif events is not None and len(df):
            dates = _nearest_dates_from_tables(df, events)
        pub = list(df["published"]) if "published" in df.columns else [None] * len(df)
        out = []
        for i, r in enumerate(df.to_dict("records")):
            prov = r.get("provinces")
            prov = [p for p in str(prov).split("|") if p] if isinstance(prov, str) else list(prov or [])
            date = dates[i] if dates is not None else None
            if not isinstance(date, str) or not date:
                date = pub[i] if isinstance(pub[i], str) and pub[i] else None
            out.append({"type": r[tcol], "modality": r.get("modality"), "provinces": prov, "date": date})
        return out
    from .plover import to_plover

    return [{"type": r["violation_type"], "modality": r["modality"], "provinces": r["provinces"], "date": r["date"]}
            for r in to_plover(_docs(data))]


def _axes(ax, figsize):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _stacked_barh(ax, cats: list[str], counts: Counter, stacks: list[str], colors: dict, title: str, xlabel: str):
    import numpy as np

    left = np.zeros(len(cats))
    y = np.arange(len(cats))
    for s in stacks:
        vals = np.array([counts.get((c, s), 0) for c in cats])
        if vals.sum() == 0:
            continue
        ax.barh(y, vals, left=left, color=colors.get(s, "#999999"), label=s, edgecolor="white", linewidth=0.5)
        left += vals
    ax.set_yticks(y, cats)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    if len(cats) and left.sum():
        ax.legend(title="modality", fontsize="small", loc="lower right")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def violations_by_type(data, *, ax=None, events=None, figsize=(7, 4.5), title="Violations by type and modality"):
    """Horizontal bars: violations per type, stacked by modality (most frequent type on top)."""
    rows = violation_rows(data, events)
    counts = Counter((r["type"], r["modality"]) for r in rows)
    totals = Counter(r["type"] for r in rows)
    cats = [t for t, _ in totals.most_common()]
    ax = _axes(ax, figsize)
    return _stacked_barh(ax, cats, counts, list(labels.MODALITIES), MODALITY_COLORS, title, "violations")


def violations_by_province(data, *, ax=None, top: int = 20, include_unknown: bool = True, events=None,
                           figsize=(7, 5), title="Violations by province"):
    """Horizontal bars: violations per province of their document (a document in two provinces counts
    in both), stacked by modality; the ``top`` provinces."""
    rows = violation_rows(data, events)
    counts: Counter = Counter()
    totals: Counter = Counter()
    for r in rows:
        provs = r["provinces"] or ([UNKNOWN] if include_unknown else [])
        for p in provs:
            counts[(p, r["modality"])] += 1
            totals[p] += 1
    cats = [p for p, _ in totals.most_common(top)]
    ax = _axes(ax, figsize)
    return _stacked_barh(ax, cats, counts, list(labels.MODALITIES), MODALITY_COLORS, title, "violations")


def violations_by_month(data, *, ax=None, events=None, stack: str = "modality", figsize=(8, 4),
                        title="Violations by month"):
    """Bars per month (``YYYY-MM``, empty months included), stacked by ``modality`` or ``type``.

    The date is the nearest dated event's, else the document's ``published`` (see the module
    docstring); violations without either are left out and counted in the title.
    """
    import numpy as np

    if stack not in ("modality", "type"):
        raise ValueError("stack must be 'modality' or 'type'")
    rows = violation_rows(data, events)
    dated = [r for r in rows if r["date"] and len(str(r["date"])) >= 7]
    undated = len(rows) - len(dated)
    months = sorted({str(r["date"])[:7] for r in dated})
    if months:
        y0, m0 = map(int, months[0].split("-"))
        y1, m1 = map(int, months[-1].split("-"))
        months = [f"{y:04d}-{m:02d}" for y in range(y0, y1 + 1) for m in range(1, 13)
                  if (y, m) >= (y0, m0) and (y, m) <= (y1, m1)]
    counts = Counter((str(r["date"])[:7], r[stack]) for r in dated)
    if stack == "modality":
        stacks, colors = list(labels.MODALITIES), MODALITY_COLORS
    else:
        from .render import colors as label_colors

        lc = label_colors()
        stacks = [t for t in labels.VIOLATION_TYPES if any(k[1] == t for k in counts)]
        colors = {t: lc.get(f"VIOL_{t}", "#999999") for t in stacks}
    ax = _axes(ax, figsize)
    x = np.arange(len(months))
    bottom = np.zeros(len(months))
    for s in stacks:
        vals = np.array([counts.get((m, s), 0) for m in months])
        if vals.sum() == 0:
            continue
        ax.bar(x, vals, bottom=bottom, color=colors.get(s, "#999999"), label=s, edgecolor="white", linewidth=0.5)
        bottom += vals
    step = max(1, len(months) // 12)
    ax.set_xticks(x[::step], months[::step], rotation=45, ha="right")
    ax.set_ylabel("violations")
    ax.set_title(title + (f" ({undated} without a date)" if undated else ""))
    if bottom.sum():
        ax.legend(title=stack, fontsize="small")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def officials_by_category(data, *, ax=None, relevant_only: bool = False, figsize=(6, 3.5),
                          title="Officials by category"):
    """Bars: officials per category (all categories of the contract, in its order)."""
    if _is_frame(data):
        df = data
        if relevant_only and "relevant" in df.columns:
            df = df[df["relevant"].astype(bool)]
        col = "category" if "category" in df.columns else "actor_category"
        cats = Counter(c for c in df[col] if isinstance(c, str))
    else:
        cats = Counter(o["category"] for d in _docs(data) if "error" not in d
                       and (not relevant_only or d.get("relevant")) for o in d.get("officials") or [])
    ax = _axes(ax, figsize)
    names = list(labels.CATEGORIES)
    ax.bar(range(len(names)), [cats.get(c, 0) for c in names], color=CATEGORY_COLOR, edgecolor="#8a6d1f")
    ax.set_xticks(range(len(names)), names, rotation=35, ha="right")
    ax.set_ylabel("officials")
    ax.set_title(title)
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def save(ax, path, dpi: int = 110):
    """Save the figure of ``ax`` (PNG etc. by the suffix) and return the path."""
    ax.figure.savefig(path, dpi=dpi)
    return path
