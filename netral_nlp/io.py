"""Reading archives and writing annotations: the formats the ``netral-nlp`` command speaks.

Readers stream records ``{"id", "text", ...metadata}`` from JSONL, CSV, Parquet, folders of
.txt/.html files, gzip of any of these, and stdin. A record that cannot be read becomes an
*error record* (``{"id", "error": {"kind", "message"}}``) instead of stopping the run, so
every input record yields exactly one output record.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".html", ".htm"}


@dataclass
class FieldNames:
    """Names of the input fields (configurable on the command line)."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    outlet: str = "outlet"


def _open_text(path: Path):
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="strict", newline="")
    return open(path, encoding="utf-8", errors="strict", newline="")


def _inner_suffix(path: Path) -> str:
    return Path(path.stem).suffix.lower() if path.suffix == ".gz" else path.suffix.lower()


def error_record(rid, kind: str, message: str, source: str | None = None) -> dict:
    rec = {"id": rid, "error": {"kind": kind, "message": message}}
    if source:
        rec["source"] = source
    return rec


def _normalise(rec: dict, fields: FieldNames, fallback_id: str) -> dict:
    """Map input field names to ours; keep the rest as metadata."""
    out = {"id": str(rec.get(fields.id)) if rec.get(fields.id) not in (None, "") else fallback_id}
    text = rec.get(fields.text)
    out["text"] = text
    for name in ("title", "url", "published", "outlet"):
        v = rec.get(getattr(fields, name))
        if v not in (None, ""):
            out[name] = v if not hasattr(v, "isoformat") else v.isoformat()
    return out


def read_jsonl(path: Path | None, fields: FieldNames, label: str) -> Iterator[dict]:
    handle = sys.stdin.buffer if path is None else (gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb"))
    with handle if path is not None else _nullcontext(handle) as fh:
        for lineno, raw in enumerate(fh, 1):
            rid = f"{label}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield error_record(rid, "undecodable", f"line {lineno} is not UTF-8: {exc.reason}", label)
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield error_record(rid, "bad_json", f"line {lineno}: {exc.msg} at column {exc.colno}", label)
                continue
            if not isinstance(rec, dict):
                yield error_record(rid, "bad_json", f"line {lineno} is a JSON {type(rec).__name__}, not an object", label)
                continue
            yield _normalise(rec, fields, rid)


class _nullcontext:
    def __init__(self, obj):
        self.obj = obj

    def __enter__(self):
        return self.obj

    def __exit__(self, *exc):
        return False


def read_csv(path: Path, fields: FieldNames, label: str) -> Iterator[dict]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_text(path) as fh:
        for i, rec in enumerate(csv.DictReader(fh), 1):
            yield _normalise(rec, fields, f"{label}:{i}")


def read_parquet(path: Path, fields: FieldNames, label: str, batch_size: int = 1024) -> Iterator[dict]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    n = 0
    for batch in pf.iter_batches(batch_size=batch_size):
        for rec in batch.to_pylist():
            n += 1
            yield _normalise(rec, fields, f"{label}:{n}")


def read_text_file(path: Path, root: Path | None = None) -> dict:
    rid = str(path.relative_to(root)) if root else path.name
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            return error_record(rid, "undecodable", f"{path}: not UTF-8 or cp1252 ({exc.reason})", str(path))
    return {"id": rid, "text": text}


def read_inputs(paths: list[str], fields: FieldNames | None = None) -> Iterator[dict]:
    """Stream records from every input path ("-" is stdin, as JSONL)."""
    fields = fields or FieldNames()
    for p in paths:
        if p == "-":
            yield from read_jsonl(None, fields, "stdin")
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"input {p!r} does not exist")
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and (
                f.suffix.lower() in TEXT_SUFFIXES or (f.suffix == ".gz" and _inner_suffix(f) in TEXT_SUFFIXES)))
            for f in files:
                yield read_text_file(f, path)
            continue
        suffix = _inner_suffix(path)
        if suffix in (".jsonl", ".json", ".ndjson"):
            yield from read_jsonl(path, fields, path.name)
        elif suffix == ".csv":
            yield from read_csv(path, fields, path.name)
        elif suffix == ".parquet":
            yield from read_parquet(path, fields, path.name)
        elif suffix in TEXT_SUFFIXES:
            yield read_text_file(path)
        else:
            raise InputError(f"cannot read {p!r}: use .jsonl, .csv, .parquet, .txt, .html (optionally .gz) or a folder")


class AtomicWriter:
    """Write a text file atomically: to ``PATH.partial`` first, renamed to PATH on close."""

    def __init__(self, path: str | os.PathLike, append_from: str | None = None):
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".partial")
        self.fh = open(self.tmp, "a" if append_from else "w", encoding="utf-8")

    def write(self, line: str) -> None:
        self.fh.write(line)

    def flush(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def close(self) -> None:
        self.flush()
        self.fh.close()
        os.replace(self.tmp, self.path)
