"""netral_nlp.render: HTML views, the `netral-nlp render` report, and the page in headless Chromium.

The browser test needs Chromium and its driver (Debian: ``apt-get install -y chromium
chromium-driver``); it is skipped with the reason when they are missing. With selenium it reads
the live DOM (and computed colours); without it, ``chromium --headless --dump-dom``.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import netral_nlp
from netral_nlp.cli import main as cli_main
from netral_nlp.corpus import read_records
from netral_nlp.labels import DISPLACY_COLORS, SPAN_KEYS
from netral_nlp.render import RENDER_SPANS_KEY, annotation_spans, colors, to_doc

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def gold_docs() -> list[dict]:
    """Dev documents with officials and violations, overlapping spans among them."""
    recs = read_records("netral-id", "dev")
    picked = [r for r in recs if r["violations"] and r["officials"]][:4]
    assert picked
    return picked


def _span_texts(d: dict) -> dict[str, str]:
    return {s["id"]: d["text"][s["start"]:s["end"]] for s in annotation_spans(d)}


def test_to_doc_span_groups(gold_docs):
    d = gold_docs[0]
    doc = to_doc(d)
    assert doc.text == d["text"]
    assert len(doc.spans[SPAN_KEYS["violations"]]) == len([v for v in d["violations"] if v["evidence"]])
    for sp, v in zip(doc.spans[SPAN_KEYS["violations"]], d["violations"]):
        assert (sp.start_char, sp.end_char) == tuple(v["evidence"])
        assert sp.label_ == f"VIOL_{v['type']}"
    n_mentions = sum(len(o["mentions"]) for o in d["officials"])
    assert len(doc.spans[SPAN_KEYS["officials"]]) == n_mentions
    assert all(sp.text == _span_texts(d)[sp.id_] for sp in doc.spans[RENDER_SPANS_KEY])
    # the Doc also works with plain displaCy, one span group at a time
    from spacy import displacy

    markup = displacy.render(doc, style="span", options={"spans_key": SPAN_KEYS["violations"]}, jupyter=False)
    assert all(f"VIOL_{v['type']}" in markup for v in d["violations"])


def test_render_object_and_colours(gold_docs):
    r = netral_nlp.render(gold_docs[0])
    assert r._repr_html_() == r.html == str(r)
    assert 'class="netral-violations"' in r.html and 'class="netral-officials"' in r.html
    for v in gold_docs[0]["violations"]:
        assert f"{v['type']} · {v['modality']}" in r.html  # modality shown on the label
    cols = colors()
    for label, colour in DISPLACY_COLORS.items():  # labels.py colours are used for everything but violation shades
        if not label.startswith("VIOL_"):
            assert cols[label] == colour
    viol = [cols[f"VIOL_{t}"] for t in ("KAMPANYE", "MEDIA_SOSIAL", "MOBILISASI")]
    assert len(set(viol)) == 3  # violations coloured by type
    assert colors({"VIOL_KAMPANYE": "#000000"})["VIOL_KAMPANYE"] == "#000000"
    many = netral_nlp.render(gold_docs, limit=2)
    assert "netral-overview" in many.html and many.html.count('<section class="netral-doc"') == 2
    assert many.page().startswith("<!DOCTYPE html>")


def test_render_annotation_objects_and_errors(gold_docs):
    ann = netral_nlp.Annotation.from_dict({k: v for k, v in gold_docs[0].items() if k not in ("genre", "source")})
    r = netral_nlp.render([ann, {"id": "broken", "error": {"kind": "EncodingError", "message": "bad bytes"}}])
    assert "netral-error" in r.html and "bad bytes" in r.html
    assert netral_nlp.render(netral_nlp.Annotation(text="Tidak ada apa-apa.", id="x")).html.count("netral-tok") == 0


def test_cli_render(tmp_path, gold_docs):
    src = tmp_path / "ann.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in gold_docs), encoding="utf-8")
    out = tmp_path / "report.html"
    res = subprocess.run([sys.executable, "-m", "netral_nlp.cli", "render", str(src), "-o", str(out)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<section class="netral-doc"') == len(gold_docs)


# -- the page in headless Chromium ----------------------------------------------------------
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


_DOM_JS = """
const out = [];
for (const sec of document.querySelectorAll('section.netral-doc')) {
  const cont = sec.querySelector('div.netral-text');
  if (!cont) continue;
  const segs = [];
  for (const n of cont.childNodes) {
    if (n.nodeType === 3) { segs.push([n.data, [], []]); continue; }
    if (n.classList && n.classList.contains('netral-tok')) {
      const cols = Array.from(n.querySelectorAll(':scope > .netral-slice')).map(
          s => [s.dataset.spanId, getComputedStyle(s).backgroundColor]);
      segs.push([n.querySelector('.netral-tok-text').textContent, n.dataset.spans.split(' '), cols]);
    } else { segs.push([n.textContent, [], []]); }
  }
  const labels = {};
  for (const s of sec.querySelectorAll('.netral-start')) labels[s.dataset.spanId] = s.textContent;
  const nviol = sec.querySelectorAll('table.netral-violations tbody tr').length;
  out.push({id: sec.dataset.docId, segs: segs, labels: labels, nviol: nviol});
}
return out;
"""


def _dom_with_selenium(url: str, chromium: str, profile: Path) -> list[dict]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for f in CHROME_FLAGS + [f"--user-data-dir={profile}", "--window-size=1280,2000"]:
        opts.add_argument(f)
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=opts)
    try:
        driver.get(url)
        return driver.execute_script(_DOM_JS)
    finally:
        driver.quit()


def _dom_with_dump(url: str, chromium: str, profile: Path) -> list[dict]:
    from bs4 import BeautifulSoup, NavigableString

    res = subprocess.run([chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    soup = BeautifulSoup(res.stdout, "html.parser")
    out = []
    for sec in soup.select("section.netral-doc"):
        cont = sec.select_one("div.netral-text")
        if cont is None:
            continue
        segs = []
        for n in cont.children:
            if isinstance(n, NavigableString):
                segs.append([str(n), [], []])
            elif "netral-tok" in (n.get("class") or []):
                segs.append([n.select_one(".netral-tok-text").get_text(), n["data-spans"].split(" "), []])
            else:
                segs.append([n.get_text(), [], []])
        labels = {s["data-span-id"]: s.get_text() for s in sec.select(".netral-start")}
        out.append({"id": sec["data-doc-id"], "segs": segs, "labels": labels,
                    "nviol": len(sec.select("table.netral-violations tbody tr"))})
    return out


def _rgb(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i:i + 2], 16) for i in (0, 2, 4)))


@pytest.fixture(scope="module")
def seed_annotations(nlp) -> list[dict]:
    """The default pipeline's annotations of the raw seed articles (``nlp``: conftest's session pipeline)."""
    raw = Path(__file__).resolve().parents[1] / "corpora" / "netral-id" / "raw"
    return [nlp(f.read_text(encoding="utf-8"), id=f.stem).to_dict() for f in sorted(raw.glob("*.txt"))]


def test_report_in_headless_chromium(tmp_path, gold_docs, seed_annotations):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install -y chromium chromium-driver)")
    docs = seed_annotations + gold_docs
    src = tmp_path / "annotations.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    report = tmp_path / "report.html"
    assert cli_main(["render", str(src), "-o", str(report)]) == 0
    url = report.resolve().as_uri()
    profile = tmp_path / "chromium-profile"  # a fresh profile for every run
    try:
        import selenium  # noqa: F401
        use_selenium = shutil.which("chromedriver") is not None
    except ImportError:
        use_selenium = False
    dom = (_dom_with_selenium if use_selenium else _dom_with_dump)(url, chromium, profile)
    assert [x["id"] for x in dom] == [d["id"] for d in docs]
    cols = colors()
    n_checked = 0
    for d, page in zip(docs, dom):
        text = "".join(s[0] for s in page["segs"])
        assert text == d["text"], f"{d['id']}: the page's text differs from the annotation's"
        bounds: dict[str, list[int]] = {}
        pos = 0
        for seg_text, ids, slice_cols in page["segs"]:
            for i in ids:
                b = bounds.setdefault(i, [pos, pos + len(seg_text)])
                b[1] = pos + len(seg_text)
            for sid, colour in slice_cols:  # live DOM only: violation bars in their type's colour
                if sid.startswith("v"):
                    v = d["violations"][int(sid[1:])]
                    assert colour == _rgb(cols[f"VIOL_{v['type']}"])
            pos += len(seg_text)
        for i, v in enumerate(d["violations"]):
            if v["evidence"]:
                s, e = bounds[f"v{i}"]
                assert text[s:e] == d["text"][v["evidence"][0]:v["evidence"][1]]
                assert v["modality"] in page["labels"][f"v{i}"]
                n_checked += 1
        for i, o in enumerate(d["officials"]):
            for j, (ms, me) in enumerate(o["mentions"]):
                s, e = bounds[f"o{i}.{j}"]
                assert text[s:e] == d["text"][ms:me]
                assert o["name"] in page["labels"][f"o{i}.{j}"]
                n_checked += 1
        assert page["nviol"] == len(d["violations"])
    assert n_checked > 20

