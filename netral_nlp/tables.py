"""Annotations as tables: one row per document, official, event or violation.

Used by :func:`netral_nlp.to_dataframe` (pandas) and by Parquet output of
``netral-nlp annotate``. Each row carries its document's id and metadata, so levels
join on ``doc_id``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import ConfigError

LEVELS = ("documents", "officials", "events", "violations")
_DOC_META = ("title", "url", "published", "outlet", "cluster_id")


def _as_dict(a) -> dict:
    return a if isinstance(a, dict) else a.to_dict()


def _doc_meta(d: dict) -> dict:
    return {"doc_id": d.get("id"), **{k: d.get(k) for k in _DOC_META},
            "frame": d.get("frame"), "relevant": d.get("relevant")}


def rows(annotations: Iterable, level: str) -> Iterator[dict]:
    """Yield the rows of one level for a stream of annotations (objects or dicts)."""
    if level not in LEVELS:
        raise ConfigError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    for a in annotations:
        d = _as_dict(a)
        if "error" in d:
            if level == "documents":
                yield {"doc_id": d.get("id"), "error_kind": d["error"]["kind"], "error_message": d["error"]["message"]}
            continue
        meta = _doc_meta(d)
        text = d["text"]
        provinces = sorted({r.get("province") for r in d["regions"] if r.get("province")})
        if level == "documents":
            yield {**meta, "lang": d["lang"], "elections": "|".join(d["elections"]),
                   "regions": "|".join(r["name"] for r in d["regions"]), "provinces": "|".join(provinces),
                   "n_officials": len(d["officials"]), "n_events": len(d["events"]),
                   "n_violations": len(d["violations"]),
                   "violation_types": "|".join(sorted({v["type"] for v in d["violations"]})),
                   "legal_refs": "|".join(f"{l['kind']} {l['number']}/{l['year']}" for l in d["legal_refs"]),
                   "n_chars": len(text), "error_kind": None, "error_message": None}
        elif level == "officials":
            for i, o in enumerate(d["officials"]):
                yield {**meta, "official_index": i, "name": o["name"], "position": o["position"],
                       "institution": o["institution"], "category": o["category"], "n_mentions": len(o["mentions"]),
                       "first_mention_start": o["mentions"][0][0] if o["mentions"] else None}
        elif level == "events":
            for e in d["events"]:
                t = e.get("trigger")
                yield {**meta, "type": e["type"], "date": e["date"], "location": e["location"],
                       "trigger_text": text[t[0]:t[1]] if t else None, "trigger_start": t[0] if t else None,
                       "trigger_end": t[1] if t else None, "provinces": "|".join(provinces)}
        else:
            for v in d["violations"]:
                ev = v.get("evidence")
                actor = d["officials"][v["actor"]] if v.get("actor") is not None else None
                yield {**meta, "type": v["type"], "modality": v["modality"], "status": v.get("status"),
                       "outcome": v.get("outcome"), "actor_index": v.get("actor"),
                       "actor_name": actor["name"] if actor else None,
                       "actor_category": actor["category"] if actor else None,
                       "actor_position": actor["position"] if actor else None,
                       "evidence_text": text[ev[0]:ev[1]] if ev else None,
                       "evidence_start": ev[0] if ev else None, "evidence_end": ev[1] if ev else None,
                       "provinces": "|".join(provinces)}


def to_dataframe(annotations: Iterable, level: str = "documents"):
    """A pandas DataFrame with one row per item of ``level``, document metadata joined."""
    import pandas as pd

    return pd.DataFrame(list(rows(annotations, level)))


def _iter_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def jsonl_to_parquet_tables(jsonl: Path, out: Path, batch: int = 5000) -> dict[str, Path]:
    """Write ``out`` (documents) and ``<stem>.officials.parquet`` etc., streaming in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = {lvl: out if lvl == "documents" else out.with_name(f"{out.stem}.{lvl}.parquet") for lvl in LEVELS}
    for lvl, path in paths.items():
        writer = None
        tmp = path.with_name(path.name + ".partial")
        buf: list[dict] = []

        def flush():
            nonlocal writer, buf
            if not buf:
                return
            table = pa.Table.from_pylist(buf)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            else:
                table = table.cast(writer.schema) if table.schema != writer.schema else table
            writer.write_table(table)
            buf = []

        for row in rows(_iter_jsonl(jsonl), lvl):
            buf.append(row)
            if len(buf) >= batch:
                flush()
        flush()
        if writer is None:
            pq.write_table(pa.table({"doc_id": pa.array([], pa.string())}), tmp)
        else:
            writer.close()
        tmp.replace(path)
    return paths
