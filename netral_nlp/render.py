"""HTML views of annotations: ``netral_nlp.render(annotation_or_list)``.

The text view is displaCy's ``style="span"`` renderer (stacked, overlapping span
underlines with labels) fed from the library's span groups (:data:`netral_nlp.labels.SPAN_KEYS`)
and coloured with :data:`netral_nlp.labels.DISPLACY_COLORS`:

- officials' mentions (``OFFICIAL_<category>``, label "ASN · Medison"),
- events' triggers (``EVENT_<type>``, label with the date),
- violations' evidence (``VIOL_<type>``, label with modality and status),
- legal references (``LEGAL_<kind>``, label "UU 5/2014").

Above the text a summary panel lists frame, elections, regions, and tables of the
officials, violations, events and legal references. For a list of annotations an overview
(frames, violation types by modality) comes first.

In Jupyter the returned :class:`Rendered` object shows inline (it has ``_repr_html_``);
``Rendered.save(path)`` writes a standalone page, as ``netral-nlp render FILE.jsonl -o
report.html`` does. :func:`to_doc` gives the spaCy ``Doc`` with the span groups, for
``spacy.displacy.render(doc, style="span", options={"spans_key": SPAN_KEYS["violations"]})``.

To keep every offset exact, the Doc is tokenised at whitespace and at every span boundary,
so each span is whole tokens and the text is rendered unchanged (``white-space: pre-wrap``).
Each highlighted token carries ``data-spans`` (the ids of the spans covering it: ``o<i>.<j>``
official i's mention j, ``e<i>`` event, ``v<i>`` violation, ``l<i>`` legal reference) so
the page can be checked or scripted.

This module imports spaCy only when rendering, so ``import netral_nlp`` stays fast.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .labels import DISPLACY_COLORS, MODALITIES, SPAN_KEYS, VIOLATION_TYPES

#: Span group holding every highlighted span of the rendered Doc (all kinds together).
RENDER_SPANS_KEY = "netral_render"

# labels.DISPLACY_COLORS (what spaCy users get through the entry point) may give every
# violation type one colour; the report then shades the types apart with these.

_CSS = """
.netral-report{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;font-size:14px;color:#222}
.netral-report h2{font-size:1.2em;margin:1.2em 0 .4em}
.netral-report table{border-collapse:collapse;margin:.4em 0 .8em;font-size:.92em}
.netral-report th,.netral-report td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
.netral-report th{background:#f4f4f4}
.netral-report .netral-doc{border-top:2px solid #888;margin-top:1.5em;padding-top:.5em}
.netral-report .netral-doc:first-of-type{border-top:none;margin-top:0}
.netral-report .netral-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:4px;vertical-align:middle}
.netral-report .netral-meta td:first-child{font-weight:bold;background:#fafafa}
.netral-report .netral-text{line-height:2.5;white-space:pre-wrap;direction:ltr;max-width:60em}
"""


def _as_dict(a) -> dict:
    return a if isinstance(a, dict) else a.to_dict()


def colors(user: dict | None = None) -> dict:
    """Label colours: :data:`~netral_nlp.labels.DISPLACY_COLORS` (one per violation type), then ``user``'s."""
    c = dict(DISPLACY_COLORS)
    c.update(user or {})
    return c


def annotation_spans(annotation) -> list[dict]:
    """The spans to highlight: dicts with ``id``, ``group`` (a key of SPAN_KEYS), ``label``
    (a DISPLACY_COLORS key), ``display`` (the label shown), ``start``, ``end``."""
    d = _as_dict(annotation)
    n = len(d.get("text") or "")
    out = []

    def add(span, **kw):
        if span and 0 <= span[0] < span[1] <= n:
            out.append({**kw, "start": span[0], "end": span[1]})

    for i, o in enumerate(d.get("officials") or []):
        for j, m in enumerate(o.get("mentions") or []):
            add(m, id=f"o{i}.{j}", group="officials", label=f"OFFICIAL_{o['category']}",
                display=f"{o['category']} · {o['name']}")
    for i, e in enumerate(d.get("events") or []):
        add(e.get("trigger"), id=f"e{i}", group="events", label=f"EVENT_{e['type']}",
            display=e["type"] + (f" · {e['date']}" if e.get("date") else ""))
    for i, v in enumerate(d.get("violations") or []):
        add(v.get("evidence"), id=f"v{i}", group="violations", label=f"VIOL_{v['type']}",
            display=f"{v['type']} · {v['modality']}" + (f"/{v['status']}" if v.get("status") else ""))
    for i, l in enumerate(d.get("legal_refs") or []):
        add(l.get("span"), id=f"l{i}", group="legal_refs", label=f"LEGAL_{l['kind']}",
            display=f"{l['kind']} {l.get('number') or '?'}/{l.get('year') or '?'}")
    return out


def _segments(text: str, spans: list[dict]) -> list[tuple[int, int]]:
    """Token boundaries: whitespace runs and non-whitespace runs, split at every span edge."""
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((s["start"], s["end"]))
    for i in range(1, len(text)):
        if text[i].isspace() != text[i - 1].isspace():
            cuts.add(i)
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def to_doc(annotation, vocab=None):
    """A spaCy ``Doc`` of the annotation's text with span groups named as in
    :data:`~netral_nlp.labels.SPAN_KEYS` (officials, events, violations, legal_refs) and
    all of them in ``doc.spans["netral_render"]`` (span ``id_`` = the span id)."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    d = _as_dict(annotation)
    text = d.get("text") or ""
    spans = annotation_spans(d)
    segs = _segments(text, spans)
    starts = {s["start"] for s in spans}
    ends = {s["end"] for s in spans}
    words, spaces = [], []
    for a, b in segs:
        w = text[a:b]
        # A single space after a word becomes that token's trailing whitespace, unless a span edge is there.
        if w == " " and words and not words[-1].isspace() and not spaces[-1] and a not in starts and b not in ends:
            spaces[-1] = True
            continue
        words.append(w)
        spaces.append(False)
    doc = Doc(vocab or Vocab(), words=words, spaces=spaces)
    assert doc.text == text
    doc.user_data["title"] = d.get("title") or (text.strip().split("\n", 1)[0][:120] if text.strip() else d.get("id"))
    groups: dict[str, list] = {k: [] for k in SPAN_KEYS}
    every = []
    for s in spans:
        cs = doc.char_span(s["start"], s["end"], alignment_mode="strict")
        if cs is None:  # cannot happen with the tokenisation above; skip rather than fail
            continue
        sp = Span(doc, cs.start, cs.end, label=s["label"], span_id=s["id"])
        groups[s["group"]].append(sp)
        every.append(sp)
    for g, sps in groups.items():
        if sps:
            doc.spans[SPAN_KEYS[g]] = sps
    doc.spans[RENDER_SPANS_KEY] = every
    doc.user_data["netral_display"] = {s["id"]: s["display"] for s in spans}
    return doc


_RENDERER_CLASS = None


def _text(s: str) -> str:
    """Escaped text; a carriage return as a reference, since HTML parsing would turn CR LF into LF."""
    return html.escape(s, quote=False).replace("\r", "&#13;")


def _renderer_class():
    """displaCy's SpanRenderer, with span ids on the markup and the text's own whitespace."""
    global _RENDERER_CLASS
    if _RENDERER_CLASS is not None:
        return _RENDERER_CLASS
    from spacy.displacy.render import SpanRenderer

    class NetralSpanRenderer(SpanRenderer):
        def _assemble_per_token_info(self, tokens, spans):  # noqa: D401 - same stacking as displaCy
            spans = sorted(spans, key=lambda s: (s["start_token"], -(s["end_token"] - s["start_token"]), s["label"]))
            for s in spans:
                s["render_slot"] = 0
            per_token = []
            for idx, token in enumerate(tokens):
                stack, entities = [], []
                for span in spans:
                    if span["start_token"] <= idx < span["end_token"]:
                        is_start = idx == span["start_token"]
                        if is_start:
                            span["render_slot"] = (stack[-1]["render_slot"] if stack else 0) + 1
                        stack.append(span)
                        entities.append({"label": span["label"], "is_start": is_start, "render_slot": span["render_slot"],
                                         "id": span["id"], "display": span["display"]})
                    else:
                        span["render_slot"] = 0
                per_token.append({"text": token, "entities": entities})
            return per_token

        def _render_markup(self, per_token_info):
            out = []
            for token in per_token_info:
                ents = sorted(token["entities"], key=lambda e: e["render_slot"])
                if ents and token["text"].strip():
                    word = token["text"].rstrip(" ")  # tokens come with their trailing space, kept outside the box
                    height = self.top_offset + self.span_label_offset + self.offset_step * (len(ents) - 1)
                    ids = " ".join(e["id"] for e in ents)
                    out.append(f'<span class="netral-tok" data-spans="{ids}" style="font-weight: bold; display: inline-block; '
                               f'position: relative; height: {height}px;"><span class="netral-tok-text">'
                               f'{_text(word)}</span>{self._get_span_slices(ents)}'
                               f'{self._get_span_starts(ents)}</span>{token["text"][len(word):]}')
                else:
                    out.append(_text(token["text"]))
            return "".join(out)

        def _top(self, e):
            return self.top_offset + self.offset_step * (e["render_slot"] - 1)

        def _get_span_slices(self, entities):
            return "".join(
                f'<span class="netral-slice" data-span-id="{e["id"]}" data-label="{e["label"]}" style="background: '
                f'{self.colors.get(e["label"].upper(), self.default_color)}; top: {self._top(e)}px; height: 4px; '
                f'left: -1px; width: calc(100% + 2px); position: absolute;"></span>' for e in entities)

        def _get_span_starts(self, entities):
            out = []
            for e in entities:
                if not e["is_start"]:
                    continue
                bg = self.colors.get(e["label"].upper(), self.default_color)
                out.append(f'<span class="netral-start" data-span-id="{e["id"]}" style="background: {bg}; top: {self._top(e)}px; '
                           f'height: 4px; border-top-left-radius: 3px; border-bottom-left-radius: 3px; left: -1px; '
                           f'width: calc(100% + 2px); position: absolute;"><span class="netral-label" title="{html.escape(e["label"])}" '
                           f'style="background: {bg}; z-index: 10; color: #000; top: -0.5em; padding: 2px 3px; position: absolute; '
                           f'font-size: 0.6em; font-weight: bold; line-height: 1; border-radius: 3px; white-space: nowrap">'
                           f'{html.escape(e["display"])}</span></span>')
            return "".join(out)

        def render_spans(self, tokens, spans, title):
            markup = self._render_markup(self._assemble_per_token_info(tokens, spans))
            return f'<div class="spans netral-text" style="line-height: 2.5; white-space: pre-wrap; direction: {self.direction}">{markup}</div>'

    _RENDERER_CLASS = NetralSpanRenderer
    return _RENDERER_CLASS


def render_text(annotation, *, colors_: dict | None = None, options: dict | None = None) -> str:
    """The displaCy span view of one annotation's text (an HTML fragment)."""
    doc = to_doc(annotation)
    display = doc.user_data["netral_display"]
    parsed = {"text": doc.text, "title": None, "settings": {"lang": "id", "direction": "ltr"},
              "tokens": [t.text_with_ws for t in doc],
              "spans": [{"start_token": sp.start, "end_token": sp.end, "label": sp.label_, "id": sp.id_,
                         "display": display[sp.id_]} for sp in doc.spans[RENDER_SPANS_KEY]]}
    renderer = _renderer_class()(options={**(options or {}), "colors": colors(colors_)})
    return renderer.render([parsed], page=False, minify=False)


# -- summary panel -------------------------------------------------------------------------
def _e(x) -> str:
    return "" if x is None else html.escape(str(x))


def _swatch(label: str, cols: dict) -> str:
    return f'<span class="netral-swatch" style="background:{cols.get(label, "#ddd")}"></span>'


def _table(cls: str, head: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return f'<p class="{cls} netral-empty"><em>none</em></p>'
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def _title(d: dict) -> str:
    text = (d.get("text") or "").strip()
    return d.get("title") or (text.split("\n", 1)[0][:120] if text else "") or str(d.get("id"))


def summary_html(annotation, cols: dict | None = None) -> str:
    """The summary panel of one annotation: metadata, officials, violations, events, legal references."""
    d = _as_dict(annotation)
    cols = cols or colors()
    text = d.get("text") or ""
    meta = [("id", _e(d.get("id"))), ("frame", _e(d.get("frame"))), ("relevant", _e(d.get("relevant"))),
            ("elections", _e(", ".join(d.get("elections") or []) or "-")),
            ("regions", _e("; ".join(f"{r['name']}" + (f" ({r['province']}" + (f", {r['code']}" if r.get("code") else "") + ")"
                                                          if r.get("province") else "") for r in d.get("regions") or []) or "-"))]
    for k in ("published", "outlet", "url"):
        if d.get(k):
            meta.append((k, _e(d[k])))
    meta_html = "<table class=\"netral-meta\">" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in meta) + "</table>"
    officials = d.get("officials") or []
    off_rows = [[str(i), _swatch(f"OFFICIAL_{o['category']}", cols) + _e(o["name"]), _e(o.get("position") or "-"),
                 _e(o.get("institution") or "-"), _e(o["category"]), str(len(o.get("mentions") or []))]
                for i, o in enumerate(officials)]
    viol_rows = []
    for i, v in enumerate(d.get("violations") or []):
        ev = v.get("evidence")
        actor = officials[v["actor"]]["name"] if v.get("actor") is not None and v["actor"] < len(officials) else "-"
        viol_rows.append([f"v{i}", _swatch(f"VIOL_{v['type']}", cols) + _e(v["type"]), _e(v["modality"]),
                          _e(v.get("status") or "-") + (f" ({_e(v['outcome'])})" if v.get("outcome") else ""), _e(actor),
                          _e(text[ev[0]:ev[1]]) if ev else "-"])
    ev_rows = [[f"e{i}", _swatch(f"EVENT_{e['type']}", cols) + _e(e["type"]), _e(e.get("date") or "-"),
                _e(e.get("location") or "-"), _e(text[e['trigger'][0]:e['trigger'][1]]) if e.get("trigger") else "-"]
               for i, e in enumerate(d.get("events") or [])]
    legal_rows = [[f"l{i}", _swatch(f"LEGAL_{l['kind']}", cols) + _e(l["kind"]), _e(l.get("number")), _e(l.get("year")),
                   _e(text[l['span'][0]:l['span'][1]]) if l.get("span") else "-"] for i, l in enumerate(d.get("legal_refs") or [])]
    return ('<div class="netral-summary">' + meta_html
            + "<h3>Officials</h3>" + _table("netral-officials", ["#", "name", "position", "institution", "category", "mentions"], off_rows)
            + "<h3>Violations</h3>" + _table("netral-violations", ["#", "type", "modality", "status", "actor", "evidence"], viol_rows)
            + "<h3>Events</h3>" + _table("netral-events", ["#", "type", "date", "location", "trigger"], ev_rows)
            + "<h3>Legal references</h3>" + _table("netral-legal", ["#", "kind", "number", "year", "text"], legal_rows)
            + "</div>")


def overview_html(docs: list[dict], cols: dict | None = None) -> str:
    """Counts over several annotations: frames and violation types by modality."""
    cols = cols or colors()
    ok = [d for d in docs if "error" not in d]
    frames = Counter(d.get("frame") for d in ok)
    vt = Counter((v["type"], v["modality"]) for d in ok for v in d.get("violations") or [])
    types = sorted({t for t, _ in vt}, key=lambda t: -sum(vt[(t, m)] for m in MODALITIES))
    rows = [[_swatch(f"VIOL_{t}", cols) + _e(t)] + [str(vt[(t, m)]) for m in MODALITIES] + [str(sum(vt[(t, m)] for m in MODALITIES))]
            for t in types]
    return ('<div class="netral-overview"><h2>Overview</h2>'
            f"<p>{len(docs)} documents, {sum(bool(d.get('relevant')) for d in ok)} relevant, "
            f"{len(docs) - len(ok)} errors, {sum(vt.values())} violations.</p>"
            + _table("netral-frames", ["frame", "documents"], [[_e(f), str(n)] for f, n in frames.most_common()])
            + _table("netral-violation-types", ["violation type", *MODALITIES, "total"], rows) + "</div>")


def _doc_section(d: dict, cols: dict, *, summary: bool, text: bool) -> str:
    did = _e(d.get("id"))
    if "error" in d:
        return (f'<section class="netral-doc netral-error" data-doc-id="{did}"><h2>{did}</h2>'
                f"<p>error {_e(d['error'].get('kind'))}: {_e(d['error'].get('message'))}</p></section>")
    parts = [f'<section class="netral-doc" data-doc-id="{did}"><h2>{_e(_title(d))}</h2>']
    if summary:
        parts.append(summary_html(d, cols))
    if text:
        parts.append("<h3>Text</h3>" + render_text(d, colors_=cols))
    parts.append("</section>")
    return "".join(parts)


class Rendered:
    """Rendered HTML; shows inline in Jupyter, ``str()`` is the fragment, ``save()`` a page."""

    def __init__(self, fragment: str, title: str = "netral_nlp report"):
        self.fragment = fragment
        self.title = title

    def _repr_html_(self) -> str:
        return self.fragment

    def __str__(self) -> str:
        return self.fragment

    @property
    def html(self) -> str:
        return self.fragment

    def page(self) -> str:
        """A standalone HTML document."""
        return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>{_e(self.title)}</title>\n'
                f"</head>\n<body>\n{self.fragment}\n</body>\n</html>\n")

    def save(self, path) -> Path:
        path = Path(path)
        path.write_text(self.page(), encoding="utf-8")
        return path


def render(annotations, *, summary: bool = True, text: bool = True, overview: bool | None = None,
           colors: dict | None = None, title: str = "netral_nlp report", limit: int | None = None,
           jupyter: bool | None = None) -> Rendered:
    """Render one annotation or a list of them (Annotation objects or contract dicts) as HTML.

    summary: show the summary panel (frame, elections, regions, officials, violations, events, legal refs).
    text: show the text with officials, events, violations and legal references highlighted (displaCy span style).
    overview: counts over all documents first (default: when more than one).
    colors: label -> colour overrides on top of :data:`netral_nlp.labels.DISPLACY_COLORS`.
    limit: render at most this many documents (the overview still counts all).
    jupyter: True displays the result now with IPython (it also shows inline when it is a cell's value).
    RETURNS (Rendered): ``.html``, ``.page()``, ``.save(path)``, ``_repr_html_``.
    """
    docs = [_as_dict(annotations)] if isinstance(annotations, dict) or hasattr(annotations, "to_dict") \
        else [_as_dict(a) for a in annotations]
    cols = _colors(colors)
    show_overview = len(docs) > 1 if overview is None else overview
    parts = [f'<div class="netral-report"><style>{_CSS}</style>']
    if show_overview:
        parts.append(overview_html(docs, cols))
    for d in docs[:limit] if limit is not None else docs:
        parts.append(_doc_section(d, cols, summary=summary, text=text))
    parts.append("</div>")
    out = Rendered("".join(parts), title=title)
    if jupyter:
        from IPython.display import HTML, display

        display(HTML(out.fragment))
    return out


_colors = colors  # render()'s ``colors`` argument shadows the function inside it


def read_jsonl(path) -> list[dict]:
    """Annotation records of a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_report(annotations: Iterable, path, **kwargs) -> Path:
    """Render ``annotations`` and save a standalone HTML page at ``path``."""
    return render(list(annotations), **kwargs).save(path)


def cmd_render(args) -> int:
    """``netral-nlp render ANNOTATIONS.jsonl -o report.html``."""
    import sys

    from .errors import InputError

    try:
        records = read_jsonl(args.annotations)
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read annotations from {args.annotations}: {exc}") from exc
    title = args.title or f"netral_nlp report: {Path(args.annotations).name}"
    out = render(records, title=title, limit=args.limit, text=not args.no_text).save(args.output)
    shown = len(records) if args.limit is None else min(args.limit, len(records))
    print(f"wrote {out} ({shown} of {len(records)} documents)", file=sys.stderr)
    return 0
