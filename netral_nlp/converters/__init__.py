"""Converters between the output contract and annotation tools: Label Studio, doccano, Prodigy, brat.

>>> from netral_nlp.converters import to_format, from_format
>>> tasks = to_format(records, "label-studio")            # list of Label Studio tasks
>>> to_format(records, "brat", output="brat_dir/")       # writes a brat directory
>>> records = from_format("export.json", "label-studio")  # contract records (dicts)

Every field of the contract, and the record's added top-level fields (``genre``, ``source``,
``raw``...), survives ``from_format(to_format(records, fmt), fmt) == records`` exactly, list
order included. ``docs/converters.md`` documents the label mapping and each format.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import CorpusError
from ._model import (ACTOR, OFFICIAL, RELATION_TYPES, SAME_PERSON, SPAN_LABELS, decode, iter_records,
                     normalise)
from .label_studio import label_studio_config

FORMATS = ("label-studio", "doccano", "prodigy", "brat")
#: ``convert`` also reads and writes the contract itself (JSONL, one record a line).
CONTRACT = "contract"
_ALIASES = {"ls": "label-studio", "labelstudio": "label-studio", "label_studio": "label-studio",
            "jsonl": CONTRACT, "netral": CONTRACT}

__all__ = ["FORMATS", "to_format", "from_format", "add_convert_subcommand", "label_studio_config",
           "SPAN_LABELS", "OFFICIAL", "ACTOR", "SAME_PERSON", "RELATION_TYPES"]


def _fmt(fmt: str, allow_contract: bool = False) -> str:
    f = _ALIASES.get(str(fmt).lower(), str(fmt).lower())
    ok = FORMATS + ((CONTRACT,) if allow_contract else ())
    if f not in ok:
        raise CorpusError(f"unknown annotation format {fmt!r}; use one of {', '.join(ok)}")
    return f


def _jsonl_lines(text: str, what: str) -> list:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{what} line {n}: not JSON ({exc.msg}); the file must hold one JSON object a line")
    return out


def to_format(records, fmt: str, output: str | Path | None = None, **options) -> Any:
    """Contract records (dicts, Annotations, or a JSONL path) in an annotation tool's format.

    Returns a list of Label Studio tasks, a list of doccano or Prodigy lines (dicts), or for brat
    a ``{file name: content}`` dict. With ``output``, also writes it: a JSON file (Label Studio),
    a JSONL file (doccano, Prodigy) or a directory (brat).

    Options: ``as_="annotations"|"predictions"`` and ``model_version`` (Label Studio);
    ``style="entities"|"label"|"labels"|"slots"`` and ``offsets="codepoint"|"utf16"`` (doccano).
    """
    fmt = _fmt(fmt)
    recs = list(iter_records(records))
    if fmt == "label-studio":
        from . import label_studio as m

        data = m.write(recs, as_=options.pop("as_", "annotations"), model_version=options.pop("model_version", "netral_nlp"))
    elif fmt == "doccano":
        from . import doccano as m

        data = m.write(recs, style=options.pop("style", "entities"), offsets=options.pop("offsets", "codepoint"))
    elif fmt == "prodigy":
        from . import prodigy as m

        data = m.write(recs)
    else:
        from . import brat as m

        data = m.write(recs)
    if options:
        raise CorpusError(f"unknown option(s) for {fmt}: {', '.join(options)}")
    if output is not None:
        _write(data, fmt, output)
    return data


def _write(data, fmt: str, output) -> None:
    if fmt == "brat":
        from .brat import write_dir

        if str(output) == "-":
            raise CorpusError("brat output is a directory; give its path instead of '-'")

        write_dir(data, Path(output))
        return
    if fmt == "label-studio":
        from .label_studio import dumps

        content = dumps(data)
    else:
        content = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data)
    if str(output) == "-":
        import sys

        sys.stdout.write(content)
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(content, encoding="utf-8")


def _load(data_or_path, fmt: str):
    """Parsed data from a path, a JSON/JSONL string, or data already in memory."""
    if isinstance(data_or_path, Path) or (isinstance(data_or_path, str) and not data_or_path.lstrip().startswith(("[", "{"))):
        path = Path(data_or_path)
        if fmt == "brat":
            return path
        if not path.exists():
            raise CorpusError(f"{path} not found")
        text = path.read_text(encoding="utf-8")
        what = str(path)
    elif isinstance(data_or_path, str):
        text, what = data_or_path, "input"
    else:
        return data_or_path
    if fmt == "label-studio":
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            # an exported JSON list is one document; JSONL of tasks is read too
            return _jsonl_lines(text, what)
    if fmt == "brat":
        raise CorpusError("brat input is a directory path or a {file name: content} dict")
    if text.lstrip().startswith("["):  # a JSON list instead of JSONL
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    return _jsonl_lines(text, what)


def from_format(data_or_path, fmt: str, **options) -> list[dict]:
    """Contract records (``Annotation.to_dict()`` dicts) from an annotation tool's export.

    ``data_or_path``: a file or directory path, a JSON/JSONL string, or the parsed data (a list
    of tasks or lines; for brat a ``{file name: content}`` dict). Options:
    ``source="auto"|"annotations"|"predictions"`` (Label Studio: which result to read; ``auto``
    takes the ground-truth or latest non-cancelled annotation, else the first prediction);
    ``offsets="auto"|"codepoint"|"utf16"`` (doccano); ``answers=("accept",)`` (Prodigy: the
    answers kept; ``None`` keeps all).
    """
    fmt = _fmt(fmt)
    data = _load(data_or_path, fmt)
    if fmt == "label-studio":
        from . import label_studio as m

        docs = m.read(data, source=options.pop("source", "auto"))
    elif fmt == "doccano":
        from . import doccano as m

        docs = m.read(data if isinstance(data, list) else [data], offsets=options.pop("offsets", "auto"))
    elif fmt == "prodigy":
        from . import prodigy as m

        docs = m.read(data if isinstance(data, list) else [data], answers=options.pop("answers", ("accept",)))
    else:
        from . import brat as m

        docs = m.read_files(data) if isinstance(data, dict) else m.read_path(data)
    if options:
        raise CorpusError(f"unknown option(s) for {fmt}: {', '.join(options)}")
    return [decode(d) for d in docs]


# CLI -----------------------------------------------------------------------------------------
def cmd_convert(args) -> int:
    import sys

    src, dst = _fmt(args.from_fmt, True), _fmt(args.to_fmt, True)
    if src == CONTRACT:
        if args.input == "-":
            records = _jsonl_lines(sys.stdin.read(), "stdin")
        else:
            records = list(iter_records(args.input))
    else:
        opts = {}
        if src == "label-studio":
            opts["source"] = args.ls_source
        elif src == "doccano" and args.offsets:
            opts["offsets"] = args.offsets
        elif src == "prodigy" and args.all_answers:
            opts["answers"] = None
        data = sys.stdin.read() if args.input == "-" else args.input
        records = from_format(data, src, **opts)
    if dst == CONTRACT:
        content = "".join(json.dumps(normalise(r), ensure_ascii=False) + "\n" for r in records)
        if args.output == "-":
            sys.stdout.write(content)
        else:
            Path(args.output).write_text(content, encoding="utf-8")
    else:
        opts = {}
        if dst == "label-studio":
            opts["as_"] = args.ls_as
        elif dst == "doccano":
            opts["style"] = args.doccano_style
            if args.offsets:
                opts["offsets"] = args.offsets
        to_format(records, dst, output=args.output, **opts)
    print(f"converted {len(records)} document(s) from {src} to {dst}", file=sys.stderr)
    return 0


def add_convert_subcommand(subparsers) -> None:
    """Register ``netral-nlp convert --from FMT --to FMT INPUT OUTPUT`` on an argparse subparsers object."""
    choices = (CONTRACT,) + FORMATS
    c = subparsers.add_parser(
        "convert", help="convert annotations between the contract (JSONL) and Label Studio, doccano, Prodigy, brat",
        description="Convert annotations. FMT: contract (netral JSONL), label-studio (JSON export), doccano "
                    "(JSONL), prodigy (JSONL), brat (directory of .txt/.ann). INPUT/OUTPUT may be '-' for "
                    "stdin/stdout except for brat.")
    c.add_argument("--from", dest="from_fmt", required=True, metavar="FMT", help=f"one of {', '.join(choices)}")
    c.add_argument("--to", dest="to_fmt", required=True, metavar="FMT", help=f"one of {', '.join(choices)}")
    c.add_argument("input")
    c.add_argument("output")
    c.add_argument("--ls-as", choices=["annotations", "predictions"], default="annotations",
                   help="Label Studio output: write the results as annotations or as predictions")
    c.add_argument("--ls-source", choices=["auto", "annotations", "predictions"], default="auto",
                   help="Label Studio input: which results to read")
    c.add_argument("--doccano-style", choices=["entities", "label", "labels", "slots"], default="entities",
                   help="doccano output: relation project (entities+relations), sequence labeling (label/labels) "
                        "or intent-and-slot (slots)")
    c.add_argument("--offsets", choices=["codepoint", "utf16"], default=None,
                   help="doccano offsets: Python code points (default) or UTF-16 units (emoji count two)")
    c.add_argument("--all-answers", action="store_true", help="Prodigy input: keep rejected/ignored tasks too")
    c.set_defaults(func=cmd_convert)
