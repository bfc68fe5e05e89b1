"""Counts of the netral-id corpus per label and split, written into DATASHEET.md.

    python -m netral_nlp.corpus.stats          # print the tables
    python -m netral_nlp.corpus.stats --write  # replace the generated section of DATASHEET.md
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter

from .. import labels
from . import CORPORA, read_records

SPLITS = ("train", "dev", "test")
BEGIN, END = "<!-- BEGIN GENERATED COUNTS -->", "<!-- END GENERATED COUNTS -->"


def _table(title: str, rows: dict[str, Counter], keys) -> list[str]:
    out = [f"**{title}**", "", "| | " + " | ".join(SPLITS) + " | all |", "|---|" + "---:|" * (len(SPLITS) + 1)]
    for k in keys:
        vals = [rows[s][k] for s in SPLITS]
        out.append(f"| {k} | " + " | ".join(str(v) for v in vals) + f" | {sum(vals)} |")
    out.append("")
    return out


def compute() -> tuple[list[str], dict]:
    per = {s: read_records("netral-id", s) for s in SPLITS}
    c = {name: {s: Counter() for s in SPLITS} for name in
         ("docs", "frame", "genre", "incident", "generic", "aggregate", "event", "category", "election", "legal", "status")}
    provinces: Counter = Counter()
    lengths = []
    composite = raw = 0
    for s, recs in per.items():
        for r in recs:
            c["docs"][s]["documents"] += 1
            c["frame"][s][r["frame"]] += 1
            c["genre"][s][r["genre"]] += 1
            for v in r["violations"]:
                c[v["modality"].lower()][s][v["type"]] += 1
                if v["status"]:
                    c["status"][s][v["status"] + ("/CLEARED" if v.get("outcome") == "CLEARED" else "")] += 1
            for e in r["events"]:
                c["event"][s][e["type"]] += 1
            for o in r["officials"]:
                c["category"][s][o["category"]] += 1
            for e in r["elections"]:
                c["election"][s][e] += 1
            for l in r["legal_refs"]:
                c["legal"][s][l["kind"]] += 1
            for reg in r["regions"]:
                provinces[reg["province"]] += 1
            lengths.append(len(r["text"].split()))
            raw += bool(r.get("raw"))
            method = json.dumps(r.get("source", {})).lower()
            composite += bool(re.search(r"composite|illustrative|invented|fiktif", method))
    n = sum(c["docs"][s]["documents"] for s in SPLITS)
    lines = [BEGIN, "", f"Documents: {n}. With a scraped-page version (`raw`): {raw} ({100 * raw / n:.0f}%). "
             f"Negatives (frame LAIN): {sum(c['frame'][s]['LAIN'] for s in SPLITS)} "
             f"({100 * sum(c['frame'][s]['LAIN'] for s in SPLITS) / n:.0f}%). Social-media posts: "
             f"{sum(c['genre'][s]['post'] for s in SPLITS)} ({100 * sum(c['genre'][s]['post'] for s in SPLITS) / n:.0f}%). "
             f"Composite or illustrative documents (invented details, marked in `source.method`): {composite}.",
             f"Length in words: min {min(lengths)}, median {sorted(lengths)[len(lengths) // 2]}, max {max(lengths)}. "
             f"Provinces named in `regions`: {len(provinces)} of 38.", ""]
    lines += _table("Documents", c["docs"], ["documents"])
    lines += _table("Frame", c["frame"], labels.FRAMES)
    lines += _table("Genre", c["genre"], labels.GENRES)
    lines += _table("Violations, INCIDENT", c["incident"], labels.VIOLATION_TYPES)
    lines += _table("Violations, GENERIC", c["generic"], labels.VIOLATION_TYPES)
    lines += _table("Violations, AGGREGATE", c["aggregate"], labels.VIOLATION_TYPES)
    lines += _table("INCIDENT status", c["status"], ["DUGAAN", "TERBUKTI", "DUGAAN/CLEARED"])
    lines += _table("Events", c["event"], labels.EVENT_TYPES)
    lines += _table("Officials by category", c["category"], labels.CATEGORIES)
    lines += _table("Elections (documents)", c["election"], sorted({k for s in SPLITS for k in c["election"][s]}))
    lines += _table("Legal references", c["legal"], labels.LEGAL_KINDS)
    lines += ["**Provinces** (documents naming a region in the province): " +
              ", ".join(f"{p} {k}" for p, k in sorted(provinces.items())), "", END]
    summary = {"documents": n, "provinces": len(provinces), "raw": raw, "composite": composite}
    return lines, summary


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lines, summary = compute()
    text = "\n".join(lines)
    if "--write" in argv:
        path = CORPORA["netral-id"].parent / "DATASHEET.md"
        doc = path.read_text(encoding="utf-8")
        doc = doc[: doc.index(BEGIN)] + text + doc[doc.index(END) + len(END):]
        path.write_text(doc, encoding="utf-8")
        print(f"updated {path}", file=sys.stderr)
    else:
        print(text)
    print(json.dumps(summary), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
