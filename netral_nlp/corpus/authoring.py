"""Compile hand-written corpus documents into contract records with exact offsets.

Annotators write spans as the strings they cover, not as offsets (see
``corpora/netral-id/AUTHORING.md``); this module finds them in the text, resolves
region names through the gazetteer and actor names to ``officials`` indices, and
reports every problem it finds instead of guessing.

Run ``python -m netral_nlp.corpus.authoring check FILE...`` while writing and
``python -m netral_nlp.corpus.authoring build`` to rebuild the corpus JSONL.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from .. import labels
from ..gazetteer import get_gazetteer

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpora" / "netral-id"


class AuthoringError(ValueError):
    pass


def _word_bounded(text: str, needle: str) -> list[tuple[int, int]]:
    """All occurrences of ``needle`` in ``text`` not glued to a letter or digit on either side."""
    out = []
    if not needle:
        return out
    pattern = re.compile(r"(?<![\w])" + re.escape(needle) + r"(?![\w])")
    for m in pattern.finditer(text):
        out.append((m.start(), m.end()))
    return out


def _one_span(text: str, spec, what: str, errors: list[str]) -> list[int] | None:
    """Resolve a span written as "string" or {"text": s, "occurrence": n} (1-based)."""
    if spec is None:
        return None
    if isinstance(spec, str):
        needle, occ = spec, 1
    elif isinstance(spec, dict) and "text" in spec:
        needle, occ = spec["text"], int(spec.get("occurrence", 1))
    else:
        errors.append(f"{what}: span must be a string or {{'text', 'occurrence'}}, got {spec!r}")
        return None
    hits = []
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            break
        hits.append((i, i + len(needle)))
        start = i + 1
    if len(hits) < occ or not needle:
        errors.append(f"{what}: {needle!r} occurrence {occ} not found in text ({len(hits)} found)")
        return None
    return list(hits[occ - 1])


def compile_document(src: dict) -> tuple[dict, list[str]]:
    """Turn one authored document into a contract record; return it with a list of errors."""
    errors: list[str] = []
    doc_id = src.get("id") or "?"
    text = src.get("text")
    if not isinstance(text, str) or not text.strip():
        return {}, [f"{doc_id}: text missing or empty"]
    out: dict = {"id": doc_id, "text": text, "lang": "id"}
    genre = src.get("genre")
    if genre not in labels.GENRES:
        errors.append(f"genre {genre!r} not in {labels.GENRES}")
    frame = src.get("frame")
    if frame not in labels.FRAMES:
        errors.append(f"frame {frame!r} not in {labels.FRAMES}")
    out["relevant"] = frame != labels.IRRELEVANT_FRAME
    out["frame"] = frame
    elections = src.get("elections") or []
    for e in elections:
        if not labels.is_election_code(e):
            errors.append(f"election code {e!r} is not TYPE_YEAR")
    out["elections"] = list(dict.fromkeys(elections))

    gaz = get_gazetteer()
    regions = []
    for name in src.get("regions") or []:
        r = gaz.lookup(name)
        if r is None or r.name != name:
            errors.append(f"region {name!r} is not an official gazetteer name" + (f" (did you mean {r.name!r}?)" if r else ""))
            continue
        regions.append({"name": r.name, "province": r.province, "code": r.code})
    out["regions"] = regions

    officials = []
    names = []
    for i, o in enumerate(src.get("officials") or []):
        what = f"officials[{i}]"
        cat = o.get("category")
        if cat not in labels.CATEGORIES:
            errors.append(f"{what}: category {cat!r} not in {labels.CATEGORIES}")
        name = o.get("name")
        if not name:
            errors.append(f"{what}: name missing")
        mentions: list[list[int]] = []
        for m in o.get("mentions") or [name]:
            if isinstance(m, dict):
                span = _one_span(text, m, f"{what}.mentions", errors)
                if span:
                    mentions.append(span)
                continue
            hits = _word_bounded(text, m)
            if not hits:
                errors.append(f"{what}: mention {m!r} not found in text")
            mentions.extend([list(h) for h in hits])
        mentions = sorted({tuple(m) for m in mentions})
        if name and not any(name in text[s:e] or text[s:e] in name for s, e in mentions):
            # the contract's validator checks that at least one mention holds the name
            if name not in text:
                errors.append(f"{what}: name {name!r} never appears in the text")
        officials.append({
            "name": name,
            "position": o.get("position"),
            "institution": o.get("institution"),
            "category": cat,
            "mentions": [list(m) for m in mentions],
        })
        names.append(name)
    out["officials"] = officials

    events = []
    for i, e in enumerate(src.get("events") or []):
        what = f"events[{i}]"
        if e.get("type") not in labels.EVENT_TYPES:
            errors.append(f"{what}: type {e.get('type')!r} not in {labels.EVENT_TYPES}")
        date = e.get("date")
        if date is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(date)):
            errors.append(f"{what}: date {date!r} is not YYYY-MM-DD")
        trig = _one_span(text, e.get("trigger"), f"{what}.trigger", errors)
        if e.get("trigger") is None:
            errors.append(f"{what}: trigger missing")
        events.append({"type": e.get("type"), "date": date, "location": e.get("location"), "trigger": trig})
    out["events"] = events

    violations = []
    for i, v in enumerate(src.get("violations") or []):
        what = f"violations[{i}]"
        if v.get("type") not in labels.VIOLATION_TYPES:
            errors.append(f"{what}: type {v.get('type')!r} not in {labels.VIOLATION_TYPES}")
        mod = v.get("modality")
        if mod not in labels.MODALITIES:
            errors.append(f"{what}: modality {mod!r} not in {labels.MODALITIES}")
        status = v.get("status")
        if mod == labels.INCIDENT and status not in labels.STATUSES:
            errors.append(f"{what}: an INCIDENT needs status in {labels.STATUSES}")
        if mod != labels.INCIDENT and status is not None:
            errors.append(f"{what}: status must be null unless INCIDENT")
        actor = v.get("actor")
        actor_idx = None
        if actor is not None:
            if isinstance(actor, int) and 0 <= actor < len(names):
                actor_idx = actor
            elif actor in names:
                actor_idx = names.index(actor)
            else:
                errors.append(f"{what}: actor {actor!r} is not the name of an official")
        ev = _one_span(text, v.get("evidence"), f"{what}.evidence", errors)
        if v.get("evidence") is None:
            errors.append(f"{what}: evidence missing")
        rec = {"type": v.get("type"), "modality": mod, "status": status, "actor": actor_idx, "evidence": ev}
        if v.get("outcome"):
            rec["outcome"] = v["outcome"]
        violations.append(rec)
    out["violations"] = violations

    legal = []
    for i, l in enumerate(src.get("legal_refs") or []):
        what = f"legal_refs[{i}]"
        if l.get("kind") not in labels.LEGAL_KINDS:
            errors.append(f"{what}: kind {l.get('kind')!r} not in {labels.LEGAL_KINDS}")
        year = l.get("year")
        if year is not None and not isinstance(year, int):
            errors.append(f"{what}: year must be an integer or null")
        surface = l.get("text")
        if isinstance(surface, dict):
            span = _one_span(text, surface, what, errors)
            spans = [span] if span else []
        else:
            spans = [list(h) for h in _word_bounded(text, surface or "")]
            if not spans:
                errors.append(f"{what}: {surface!r} not found in text")
        for span in spans:
            legal.append({"kind": l.get("kind"), "number": None if l.get("number") is None else str(l.get("number")),
                          "year": year, "span": span})
    legal.sort(key=lambda x: x["span"][0])
    out["legal_refs"] = legal

    out["genre"] = genre
    out["source"] = src.get("source") or {}
    if not out["source"]:
        errors.append("source missing")
    raw = src.get("raw")
    if raw:
        for para in [p.strip() for p in text.split("\n") if p.strip()]:
            if para not in raw:
                errors.append(f"raw does not contain the text paragraph {para[:60]!r}...")
        out["raw"] = raw
    return out, [f"{doc_id}: {e}" for e in errors]


def load_sources(paths) -> list[tuple[Path, dict]]:
    docs = []
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.json")) if p.is_dir() else [p]
        for f in files:
            docs.append((f, json.loads(f.read_text(encoding="utf-8"))))
    return docs


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("check", "build"):
        print("usage: python -m netral_nlp.corpus.authoring check FILE_OR_DIR... | build [FILE_OR_DIR...] [--out FILE]",
              file=sys.stderr)
        return 2
    cmd, paths = argv[0], argv[1:]
    out = CORPUS_DIR / "data" / "netral-id.jsonl"
    if "--out" in paths:
        k = paths.index("--out")
        if k + 1 >= len(paths):
            print("--out needs a file name", file=sys.stderr)
            return 2
        out = Path(paths[k + 1])
        paths = paths[:k] + paths[k + 2:]
    if cmd == "build" and not paths:
        paths = [CORPUS_DIR / "authoring"]
    n_err = 0
    records = []
    seen = set()
    for f, src in load_sources(paths):
        try:
            rec, errs = compile_document(src)
        except Exception as exc:  # report and carry on: one bad file must not hide the others
            rec, errs = {}, [f"{f}: cannot compile: {exc!r}"]
        if rec.get("id") in seen:
            errs.append(f"{f}: duplicate id {rec.get('id')}")
        seen.add(rec.get("id"))
        for e in errs:
            print(f"{f.name}: {e}")
        n_err += len(errs)
        if rec and not errs:
            records.append(rec)
    print(f"{len(records)} documents compiled, {n_err} errors", file=sys.stderr)
    if cmd == "build":
        out.parent.mkdir(parents=True, exist_ok=True)
        records.sort(key=lambda r: r["id"])
        tmp = out.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        tmp.replace(out)
        print(f"wrote {out}", file=sys.stderr)
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
