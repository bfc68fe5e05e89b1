"""brat standoff: one ``<stem>.txt`` (the text, byte for byte) and ``<stem>.ann`` per document.

``.ann`` lines::

    T1	DOCUMENT 0 84	Tujuh ASN Puskesmas di Aceh Barat ...        (document fields hang on it)
    A1	Frame T1 PENINDAKAN
    A2	Relevant T1
    #1	AnnotatorNotes T1	{"id": "nid-b1-001", "lang": "id", "elections": ["PILKADA_2024"], "regions": [...]}
    T2	OFFICIAL 383 391	Marhaban
    A3	Category T2 ASN
    #2	AnnotatorNotes T2	{"name": "Marhaban", "position": "Sekretaris Daerah", "institution": "..."}
    T3	OFFICIAL 2178 2186	Marhaban
    R1	SAME_PERSON Arg1:T3 Arg2:T2
    T9	VIOL_KAMPANYE 1124 1202	...
    A7	Modality T9 INCIDENT
    A8	Status T9 TERBUKTI
    R4	ACTOR Arg1:T9 Arg2:T2
    T12	LEGAL_PP 1531 1576	PP Nomor 94 Tahun 2021
    #5	AnnotatorNotes T12	{"number": "94", "year": 2021}

Enumerated values are attributes (``Category``, ``Modality``, ``Status``, ``Outcome``,
``Frame``, binary ``Relevant``); free values are a JSON object in the span's note. The
directory also gets ``annotation.conf`` and ``visual.conf`` for brat and
``netral-manifest.json`` (the document order).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .. import labels
from ..errors import CorpusError
from ._model import (ACTOR, EVENT_LABELS, LEGAL_LABELS, OFFICIAL, SAME_PERSON, SPAN_LABELS, VIOL_LABELS, Doc,
                     Entity, Relation, encode, same_text, stored_attrs)

DOCUMENT = "DOCUMENT"
ATTRIBUTES = {"category": "Category", "modality": "Modality", "status": "Status", "outcome": "Outcome"}
ATTR_VALUES = {"Category": labels.CATEGORIES, "Modality": labels.MODALITIES, "Status": labels.STATUSES,
               "Outcome": labels.OUTCOMES, "Frame": labels.FRAMES}
MANIFEST = "netral-manifest.json"
NOTE = "AnnotatorNotes"


def annotation_conf() -> str:
    viol = "|".join(VIOL_LABELS)
    lines = ["# brat annotation.conf for netral_nlp.converters (brat); generated, do not rename types",
             "[entities]", DOCUMENT, *SPAN_LABELS, "", "[relations]",
             f"{ACTOR}\tArg1:{viol}, Arg2:{OFFICIAL}",
             f"{SAME_PERSON}\tArg1:{OFFICIAL}, Arg2:{OFFICIAL}",
             "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]",
             f"Frame\tArg:{DOCUMENT}, Value:{'|'.join(labels.FRAMES)}",
             f"Relevant\tArg:{DOCUMENT}",
             f"Category\tArg:{OFFICIAL}, Value:{'|'.join(labels.CATEGORIES)}",
             f"Modality\tArg:{viol}, Value:{'|'.join(labels.MODALITIES)}",
             f"Status\tArg:{viol}, Value:{'|'.join(labels.STATUSES)}",
             f"Outcome\tArg:{viol}, Value:{'|'.join(labels.OUTCOMES)}", ""]
    return "\n".join(lines)


def visual_conf() -> str:
    lines = ["[labels]", f"{DOCUMENT} | Document | DOC", f"{OFFICIAL} | Official | OFF"]
    lines += [f"{l} | {l}" for l in EVENT_LABELS + VIOL_LABELS + LEGAL_LABELS]
    lines += ["", "[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
              "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5", f"{DOCUMENT}\tbgColor:#dddddd",
              f"{OFFICIAL}\tbgColor:#f4e3a6"]
    lines += [f"{l}\tbgColor:{labels.DISPLACY_COLORS[l]}" for l in EVENT_LABELS + VIOL_LABELS + LEGAL_LABELS]
    return "\n".join(lines) + "\n"


def _flat(s: str) -> str:
    return s.replace("\r", " ").replace("\n", " ")


def _doc_span(text: str) -> tuple[int, int]:
    """The first line of the text (the title, usually): where the document fields hang."""
    m = re.search(r"\S[^\n]*", text)
    if not m:
        return (0, len(text))
    return (m.start(), m.start() + len(m.group(0).rstrip()))


def doc_to_ann(doc: Doc) -> str:
    text = doc.text
    tid = {e.id: f"T{k}" for k, e in enumerate(doc.entities, 2)}
    lines = []
    n_attr = n_note = 0

    def attr(name, target, value=None):
        nonlocal n_attr
        n_attr += 1
        lines.append(f"A{n_attr}\t{name} {target}" + ("" if value is None else f" {value}"))

    def note(target, obj):
        nonlocal n_note
        n_note += 1
        lines.append(f"#{n_note}\t{NOTE} {target}\t{json.dumps(obj, ensure_ascii=False)}")

    s, e = _doc_span(text)
    f = doc.fields
    lines.append(f"T1\t{DOCUMENT} {s} {e}\t{_flat(text[s:e])}")
    attr("Frame", "T1", f["frame"])
    if f["relevant"]:
        attr("Relevant", "T1")
    dnote = {"id": f["id"], "lang": f["lang"]}
    if f["elections"]:
        dnote["elections"] = f["elections"]
    if f["regions"]:
        dnote["regions"] = f["regions"]
    if doc.spanless:
        dnote["spanless"] = doc.spanless
    if doc.extra:
        dnote["extra"] = doc.extra
    note("T1", dnote)
    for ent in doc.entities:
        t = tid[ent.id]
        lines.append(f"{t}\t{ent.label} {ent.start} {ent.end}\t{_flat(text[ent.start:ent.end])}")
        free = {}
        for k, v in stored_attrs(doc, ent, with_relations=True).items():
            if k in ATTRIBUTES and v is not None:
                attr(ATTRIBUTES[k], t, v)
            elif v is not None:
                free[k] = v
        if free:
            note(t, free)
    for k, r in enumerate(doc.relations, 1):
        lines.append(f"R{k}\t{r.type} Arg1:{tid[r.head]} Arg2:{tid[r.tail]}")
    return "\n".join(lines) + "\n"


def _stem(doc_id, used: set, n: int) -> str:
    stem = re.sub(r"[^\w.-]", "_", str(doc_id)) if doc_id else f"doc-{n:05d}"
    stem = stem.lstrip(".") or f"doc-{n:05d}"
    base, k = stem, 1
    while stem in used:
        k += 1
        stem = f"{base}-{k}"
    used.add(stem)
    return stem


def write(records) -> dict[str, str]:
    """{file name: content} for a brat directory."""
    files, used, order = {}, set(), []
    for n, r in enumerate(records, 1):
        doc = encode(r)
        stem = _stem(doc.fields["id"], used, n)
        order.append(stem)
        files[f"{stem}.txt"] = doc.text
        files[f"{stem}.ann"] = doc_to_ann(doc)
    files["annotation.conf"] = annotation_conf()
    files["visual.conf"] = visual_conf()
    files[MANIFEST] = json.dumps({"format": "netral_nlp brat standoff", "documents": order}, ensure_ascii=False,
                                 indent=1) + "\n"
    return files


def write_dir(files: dict[str, str], out: Path) -> None:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stale = [p.name for p in out.iterdir() if p.suffix in (".ann", ".txt") and p.name not in files]
    if stale:
        raise CorpusError(f"{out} already holds other brat documents ({', '.join(sorted(stale)[:3])}...); "
                          f"write to an empty directory so that old files are not read back with the new ones")
    for name, content in files.items():
        with open(out / name, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)


# Reading -------------------------------------------------------------------------------------
def ann_to_doc(text: str, ann: str, stem: str) -> Doc:
    where = f"brat document {stem!r}"
    doc = Doc(text=text, where=where, fields={"id": stem})
    ents: dict[str, Entity] = {}
    attrs: dict[str, dict] = {}
    notes: dict[str, dict] = {}
    doc_tid = None
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        at = f"{where}, .ann line {lineno}"
        cols = line.split("\t")
        ident = cols[0]
        try:
            if ident.startswith("T"):
                label, _, frags = cols[1].partition(" ")
                spans = [tuple(int(x) for x in fr.split()) for fr in frags.split(";")]
                if any(len(sp) != 2 for sp in spans):
                    raise ValueError
                start, end = min(sp[0] for sp in spans), max(sp[1] for sp in spans)
                shown = cols[2] if len(cols) > 2 else None
                if label == DOCUMENT:
                    doc_tid = ident
                    continue
                if not (0 <= start < end <= len(text)):
                    raise CorpusError(f"{at}: span {ident} [{start}, {end}) is out of range for a text of "
                                      f"{len(text)} characters; the .txt was changed after annotation: fix the span")
                if shown is not None and not same_text(text[start:end], "\t".join(cols[2:])):
                    raise CorpusError(f"{at}: span {ident} should cover {shown[:60]!r} but the .txt has "
                                      f"{text[start:end][:60]!r} there; the .txt was changed after annotation")
                ents[ident] = Entity(ident, label, start, end, {})
                doc.entities.append(ents[ident])
            elif ident.startswith("R"):
                typ, *args = cols[1].split()
                arg = dict(a.split(":", 1) for a in args)
                doc.relations.append(Relation(typ, arg["Arg1"], arg["Arg2"]))
            elif ident.startswith(("A", "M")):
                parts = cols[1].split()
                name, target = parts[0], parts[1]
                value = parts[2] if len(parts) > 2 else True
                attrs.setdefault(target, {})[name] = value
            elif ident.startswith("#"):
                target = cols[1].split()[1]
                body = "\t".join(cols[2:]) if len(cols) > 2 else ""
                try:
                    obj = json.loads(body)
                except json.JSONDecodeError:
                    obj = None
                if not isinstance(obj, dict):
                    raise CorpusError(f"{at}: the note on {target} is not a JSON object; netral_nlp keeps free "
                                      f"fields in notes as JSON, e.g. {{\"name\": \"Medison\", \"position\": null}}")
                notes.setdefault(target, {}).update(obj)
            elif ident.startswith("*"):
                typ, *members = cols[1].split()
                if typ in ("Equiv", SAME_PERSON):
                    doc.relations += [Relation(SAME_PERSON, m, members[0]) for m in members[1:]]
                else:
                    raise CorpusError(f"{at}: unknown equivalence {typ!r}; use Equiv or {SAME_PERSON} for officials")
            elif ident.startswith("E"):
                raise CorpusError(f"{at}: brat event annotations (E lines) are not read; mark an event as an "
                                  f"EVENT_<TYPE> span on its trigger with date/location in its note")
            elif ident.startswith("N"):
                continue  # normalisations (links to external resources): not part of the contract
            else:
                raise CorpusError(f"{at}: unknown annotation line {line[:60]!r}")
        except CorpusError:
            raise
        except (IndexError, KeyError, ValueError):
            raise CorpusError(f"{at}: malformed line {line[:80]!r}; see the brat standoff format "
                              f"(T id<TAB>LABEL start end<TAB>text)") from None
    for target, a in attrs.items():
        if target == doc_tid:
            continue
        if target not in ents:
            raise CorpusError(f"{where}: an attribute points to {target!r}, which is not a span of the document")
        for name, value in a.items():
            key = next((k for k, v in ATTRIBUTES.items() if v == name), None)
            if key is None:
                raise CorpusError(f"{where}: unknown attribute {name!r} on {target}; netral_nlp reads "
                                  f"{', '.join(ATTRIBUTES.values())}, Frame and Relevant")
            ents[target].attrs[key] = value
    for target, obj in notes.items():
        if target == doc_tid:
            continue
        if target not in ents:
            raise CorpusError(f"{where}: a note points to {target!r}, which is not a span of the document")
        ents[target].attrs.update({k: v for k, v in obj.items() if k not in ents[target].attrs})
    if doc_tid is not None:
        da, dn = attrs.get(doc_tid, {}), notes.get(doc_tid, {})
        unknown = set(da) - {"Frame", "Relevant"}
        if unknown:
            raise CorpusError(f"{where}: unknown document attribute(s) {sorted(unknown)}; use Frame and Relevant")
        rel = da.get("Relevant", False)
        if isinstance(rel, str):
            if rel.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise CorpusError(f"{where}: Relevant is a binary attribute (present or absent), got value {rel!r}")
            rel = rel.lower() in ("true", "yes", "1")
        doc.fields.update({"frame": da.get("Frame"), "relevant": rel,
                           "lang": dn.get("lang") or "id", "elections": dn.get("elections") or [],
                           "regions": dn.get("regions") or []})
        if "id" in dn:
            doc.fields["id"] = dn["id"]
        doc.spanless = dn.get("spanless") or {}
        doc.extra = dn.get("extra") or {}
    return doc


def read_files(files: dict[str, str]) -> list[Doc]:
    stems = sorted({name[:-4] for name in files if name.endswith((".txt", ".ann"))})
    order = []
    if MANIFEST in files:
        order = [s for s in json.loads(files[MANIFEST]).get("documents", []) if s in stems]
    order += [s for s in stems if s not in order]
    docs = []
    for stem in order:
        if f"{stem}.txt" not in files:
            raise CorpusError(f"brat document {stem!r} has a .ann file but no .txt; both must be in the directory")
        docs.append(ann_to_doc(files[f"{stem}.txt"], files.get(f"{stem}.ann", ""), stem))
    return docs


def read_path(path) -> list[Doc]:
    path = Path(path)
    if path.is_file():
        if path.suffix not in (".ann", ".txt"):
            raise CorpusError(f"{path}: give a brat directory or one .ann/.txt file")
        names = [path.with_suffix(".txt"), path.with_suffix(".ann")]
    elif path.is_dir():
        names = [p for p in path.iterdir() if p.suffix in (".ann", ".txt") or p.name == MANIFEST]
    else:
        raise CorpusError(f"{path} not found: give a brat directory (.txt and .ann files)")
    files = {}
    for p in names:
        if p.exists():
            with open(p, encoding="utf-8", newline="") as fh:
                files[p.name] = fh.read()
    if not any(n.endswith(".txt") for n in files):
        raise CorpusError(f"{path}: no .txt documents found; a brat directory holds <name>.txt with <name>.ann")
    return read_files(files)
