"""The ``netral-nlp`` command: annotate archives, validate and evaluate annotation files."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from . import __version__
from .errors import NetralError


def summarize(ann: dict) -> str:
    """A short human-readable summary of one annotation record."""
    if "error" in ann:
        return f"== {ann.get('id')}: ERROR {ann['error']['kind']}: {ann['error']['message']}"
    text = ann["text"]
    title = text.strip().split("\n", 1)[0][:90]
    lines = [f"== {ann.get('id')}: {title}",
             f"   frame {ann['frame']} (relevant: {ann['relevant']}), lang {ann['lang']}",
             f"   elections: {', '.join(ann['elections']) or '-'}",
             f"   regions: {', '.join(r['name'] + (' (' + r['code'] + ')' if r.get('code') else '') for r in ann['regions']) or '-'}"]
    for o in ann["officials"]:
        lines.append(f"   official: {o['name']} — {o['position'] or '?'}, {o['institution'] or '?'} [{o['category']}], "
                     f"{len(o['mentions'])} mention(s)")
    for e in ann["events"]:
        trig = text[e['trigger'][0]:e['trigger'][1]] if e.get("trigger") else ""
        lines.append(f"   event: {e['type']} «{trig}» date {e['date'] or '?'} at {e['location'] or '?'}")
    for v in ann["violations"]:
        ev = text[v['evidence'][0]:v['evidence'][1]] if v.get("evidence") else ""
        actor = ann["officials"][v["actor"]]["name"] if v.get("actor") is not None else "-"
        status = f"/{v['status']}" if v.get("status") else ""
        lines.append(f"   violation: {v['type']} {v['modality']}{status} actor {actor}: «{ev[:100]}»")
    for l in ann["legal_refs"]:
        lines.append(f"   legal: {l['kind']} {l['number']}/{l['year']} «{text[l['span'][0]:l['span'][1]]}»")
    return "\n".join(lines)


def cmd_annotate(args) -> int:
    from tqdm import tqdm

    from .archive import annotate_stream

    quiet = args.quiet or not sys.stderr.isatty()
    out_path = args.output
    if out_path is None:
        # Print mode: readable summary and the JSON of each record on stdout.
        from .io import read_inputs
        from .pipeline import load

        nlp = load(args.backend, model=args.model, clean_text=not args.no_clean)
        for rec in read_inputs(args.inputs):
            if "error" in rec:
                d = rec
            else:
                try:
                    d = nlp(rec["text"], id=rec["id"], published=rec.get("published")).to_dict()
                except NetralError as exc:
                    d = {"id": rec["id"], "error": {"kind": type(exc).__name__, "message": str(exc)}}
            if args.format in ("summary", "both"):
                print(summarize(d))
            if args.format in ("json", "both"):
                print(json.dumps(d, ensure_ascii=False, indent=None if args.format == "json" else 1))
        return 0
    if getattr(args, "engine", "local") == "ray":
        from .errors import ConfigError

        if args.resume or args.dedup:
            raise ConfigError("--resume and --dedup need the local engine (--engine local)")
        from .distributed import annotate_ray

        stats = annotate_ray(args.inputs, out_path, backend=args.backend, model=args.model, n_process=args.n_process,
                             batch_size=args.batch_size, clean_text=not args.no_clean, quiet=quiet,
                             max_chars=args.max_chars, text_field=args.text_field, id_field=args.id_field)
        print(json.dumps(stats, ensure_ascii=False), file=sys.stderr)
        return 0
    stats = annotate_stream(args.inputs, out_path, backend=args.backend, model=args.model,
                            n_process=args.n_process, batch_size=args.batch_size, resume=args.resume,
                            dedup=args.dedup, clean_text=not args.no_clean, quiet=quiet,
                            max_chars=args.max_chars, text_field=args.text_field, id_field=args.id_field)
    print(json.dumps(stats, ensure_ascii=False), file=sys.stderr)
    return 0


def cmd_validate(args) -> int:
    from .schema import validate_record

    n_docs = n_bad = 0
    for path in args.files:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                n_docs += 1
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    print(f"{path}:{lineno}: not JSON: {exc.msg}")
                    n_bad += 1
                    continue
                problems = validate_record(rec) + _span_content_problems(rec)
                for p in problems:
                    print(f"{path}:{lineno} ({rec.get('id')}): {p}")
                n_bad += bool(problems)
    print(f"{n_docs} records, {n_bad} with problems", file=sys.stderr)
    return 1 if n_bad else 0


def _span_content_problems(rec: dict) -> list[str]:
    """Spans hold what they claim: an official's mentions include its name (or part of it)."""
    from .evaluate import norm_name

    problems = []
    text = rec.get("text", "")
    for i, o in enumerate(rec.get("officials", [])):
        name = norm_name(o["name"])
        covered = [text[s:e].lower() for s, e in o["mentions"] if 0 <= s < e <= len(text)]
        if not any(name in c or c in name or set(c.split()) & set(name.split()) for c in covered):
            problems.append(f"officials/{i}: no mention contains the name {o['name']!r}")
    for i, l in enumerate(rec.get("legal_refs", [])):
        s, e = l["span"]
        if l.get("number") and str(l["number"]).split("/")[0] not in text[s:e]:
            problems.append(f"legal_refs/{i}: span {text[s:e]!r} does not hold the number {l['number']!r}")
    return problems


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_table, read_jsonl

    gold = read_jsonl(args.gold)
    pred = read_jsonl(args.pred)
    scores = evaluate(gold, pred)
    print(format_table(scores))
    if args.json:
        Path(args.json).write_text(json.dumps(scores.to_dict(), indent=2), encoding="utf-8")
    else:
        print(json.dumps(scores.to_dict()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="netral-nlp", description="Annotate Indonesian news and posts about ASN neutrality.")
    p.add_argument("--version", action="version", version=f"netral_nlp {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("annotate", help="annotate texts or archives (JSONL, CSV, Parquet, .txt/.html folders, gzip, stdin '-')")
    a.add_argument("inputs", nargs="+")
    a.add_argument("-o", "--output", help="output .jsonl or .parquet; without it, print to stdout")
    a.add_argument("--format", choices=["summary", "json", "both"], default="both", help="stdout format without -o")
    a.add_argument("--backend", default="default", choices=["default", "rules", "indobert"])
    a.add_argument("--model", default=None, help="model directory or hub name for the backend")
    a.add_argument("--n-process", type=int, default=1, help="worker processes (Ray actors with --engine ray)")
    a.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="ray: Ray Data, -o is a folder of JSONL shards (of Parquet shards if it ends in .parquet)")
    a.add_argument("--batch-size", type=int, default=64)
    a.add_argument("--resume", action="store_true", help="skip ids already in the output and append")
    a.add_argument("--dedup", action="store_true", help="add near-duplicate cluster ids (MinHash)")
    a.add_argument("--no-clean", action="store_true", help="do not remove boilerplate/HTML")
    a.add_argument("--quiet", action="store_true")
    a.add_argument("--max-chars", type=int, default=1_000_000, help="longer texts get an error record")
    a.add_argument("--text-field", default="text")
    a.add_argument("--id-field", default="id")
    a.set_defaults(func=cmd_annotate)

    v = sub.add_parser("validate", help="check JSONL annotation files against the output contract")
    v.add_argument("files", nargs="+")
    v.set_defaults(func=cmd_validate)

    e = sub.add_parser("evaluate", help="score predictions against gold, field by field")
    e.add_argument("gold")
    e.add_argument("pred")
    e.add_argument("--json", help="write the scores as JSON to this file")
    e.set_defaults(func=cmd_evaluate)

    from .converters import add_convert_subcommand
    add_convert_subcommand(sub)

    from .render import cmd_render
    r = sub.add_parser("render", help="write a standalone HTML report (summary + highlighted text) for a JSONL of annotations")
    r.add_argument("annotations", help="JSONL file of annotations (netral-nlp annotate -o FILE.jsonl)")
    r.add_argument("-o", "--output", required=True, help="the HTML file to write")
    r.add_argument("--limit", type=int, default=None, help="render at most this many documents (the overview counts all)")
    r.add_argument("--title", default=None)
    r.add_argument("--no-text", action="store_true", help="summaries only, without the highlighted texts")
    r.set_defaults(func=cmd_render)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NetralError as exc:
        print(f"netral-nlp: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
