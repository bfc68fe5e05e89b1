"""Robustness of the public API (issue 8): bad input, offline use, safe model loading, determinism.

Every input gives an Annotation that follows the output contract, or a typed exception of
:mod:`netral_nlp.errors` whose message says what to do; never an error from deep inside a
dependency. Loading a pipeline costs several seconds, so the tests share the session pipeline
(``nlp`` in conftest.py) and one freshly loaded pipeline (``fresh``), loaded while the network and
pickle calls are recorded; one subprocess checks a clean interpreter the same way.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import netral_nlp
from netral_nlp import errors
from netral_nlp.pipeline import Pipeline
from netral_nlp.schema import validate_record
from netral_nlp.text.language import guess_language

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpora" / "netral-id" / "raw"
DEFAULT_MODEL = ROOT / "netral_nlp" / "models" / "default"


def check_annotation(ann, original: str | None = None) -> dict:
    """The annotation follows the contract, every span is in range and non-empty, and maps back."""
    assert isinstance(ann, netral_nlp.Annotation)
    d = ann.to_dict()
    assert validate_record(d) == [], validate_record(d)
    assert ann.lang in ("id", "en", "jv", "ms", "und")
    text = ann.text
    spans = [m for o in ann.officials for m in o.mentions]
    spans += [e.trigger for e in ann.events] + [v.evidence for v in ann.violations] + [l.span for l in ann.legal_refs]
    for s in spans:
        if s is None:
            continue
        assert 0 <= s[0] < s[1] <= len(text), (s, len(text))
        assert text[s[0]:s[1]].strip(), s
        if original is not None:
            a, b = ann.original_span(s)
            assert 0 <= a < b <= len(original), (s, (a, b), len(original))
    for o in ann.officials:
        assert o.mentions, o
    json.dumps(d)  # serialisable
    return d


# ------------------------------------------------------------------------------------------
# 1. Bad input
# ------------------------------------------------------------------------------------------

EN = [
    "The Election Supervisory Agency said on Monday that it had found dozens of civil servants attending "
    "campaign events for regional head candidates.",
    "Civil servants are required to remain politically neutral, and those who post support for a candidate on "
    "social media may face disciplinary sanctions.",
    "A village head in Central Java was reported to the election watchdog after he was seen wearing a campaign "
    "shirt at a rally last week.",
]
JV = [
    "Para pegawai negeri kudu netral ing pemilu, ora kena melu kampanye lan ora kena ndhukung calon sing endi wae.",
    "Pak lurah ngendika yen warga desa kudu teka menyang TPS lan milih miturut atine dhewe, ora amarga diwenehi "
    "dhuwit.",
    "Kula nyuwun pangapunten, panjenengan sampun mirsani menawi para abdi negara mboten pareng ndherek kampanye "
    "wonten ing pilkada menika.",
    "Bupati ngelingake kabeh ASN supaya ora melu-melu politik praktis, amarga yen konangan bakal oleh sanksi saka "
    "pemerintah.",
    "Aku krungu kabar yen camat kuwi wis dilaporke menyang Bawaslu merga ngunggah foto karo calon bupati ing "
    "Facebook.",
]
MS = [
    "Kerajaan menegaskan bahawa penjawat awam tidak boleh terlibat dalam kempen pilihan raya kerana ia "
    "bertentangan dengan peraturan perkhidmatan awam.",
    "Beliau berkata pegawai kerajaan perlu bersikap neutral semasa pilihan raya umum dan tidak menyokong "
    "mana-mana parti politik secara terbuka.",
    "Suruhanjaya Pilihan Raya akan mengambil tindakan terhadap mana-mana kakitangan awam yang didapati berkempen "
    "untuk calon tertentu.",
    "Ketua Setiausaha Negara mengingatkan pegawai awam bahawa mereka masih tertakluk kepada tatakelakuan walaupun "
    "di luar waktu pejabat.",
    "Polis telah membuka kertas siasatan selepas menerima laporan mengenai seorang guru yang berceramah politik "
    "di sekolah.",
]
ID = [
    "Badan Pengawas Pemilu menemukan seorang ASN yang ikut berkampanye untuk calon bupati dalam Pilkada 2024 di "
    "Kabupaten Sleman.",
    "Kepala daerah mengingatkan seluruh aparatur sipil negara agar menjaga netralitas dan tidak terlibat politik "
    "praktis menjelang pemilu.",
    "KASN merekomendasikan sanksi disiplin sedang kepada kepala dinas yang terbukti mengerahkan pegawainya untuk "
    "menghadiri kampanye.",
    "Sekda menegaskan bahwa ASN yang terbukti tidak netral akan dikenai sanksi sesuai PP Nomor 94 Tahun 2021 "
    "tentang Disiplin PNS.",
    "gak nyangka pak camat ikut kampanye, udah jelas ASN harus netral kok malah pasang foto bareng paslon, "
    "lapor aja ke bawaslu",
    # Indonesian posts that use "boleh" a lot were once guessed as Malay.
    "*INFO PENTING BUAT ASN*\n\nboleh dampingi suami/istri waktu daftar ke KPU\nboleh hadir pas kampanye tp "
    "GAK BOLEH ikut aktif\nboleh foto bareng tapi jangan diunggah ke medsos ya",
]


@pytest.mark.parametrize("lang,text", [("en", t) for t in EN] + [("jv", t) for t in JV] + [("ms", t) for t in MS])
def test_other_languages_not_relevant(nlp, lang, text):
    assert guess_language(text) == lang
    ann = nlp(text)
    check_annotation(ann, text)
    assert ann.lang == lang
    assert ann.relevant is False and ann.frame == "LAIN"


@pytest.mark.parametrize("text", ID)
def test_indonesian_guessed(nlp, text):
    assert guess_language(text) == "id"
    assert nlp(text).lang == "id"


def test_language_guess_not_fooled_by_a_cut_word():
    # 20,000 characters are read: a cut "ASN" must not become the English "as".
    assert guess_language("ASN ikut kampanye " * 2000) == "id"
    # one English word in a long Indonesian text is a quote, not the language
    assert guess_language("Bupati Sleman menghadiri kampanye calon bupati di lapangan the desa " * 3) == "id"


def test_corpus_texts_are_indonesian():
    path = ROOT / "corpora" / "netral-id" / "data" / "netral-id.jsonl"
    if not path.exists():
        pytest.skip("corpus absent")
    with path.open(encoding="utf-8") as fh:
        wrong = [(r["id"], guess_language(r["text"])) for r in map(json.loads, filter(str.strip, fh))
                 if guess_language(r["text"]) != "id"]
    assert not wrong


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u200b\ufeff", "   \n" * 1000])
def test_empty_and_whitespace(nlp, text):
    ann = nlp(text)
    check_annotation(ann, text)
    assert ann.text == "" and ann.lang == "und" and ann.relevant is False
    assert not (ann.officials or ann.events or ann.violations or ann.legal_refs)


@pytest.mark.parametrize("value", [None, 5, 3.5, ["teks"], {"text": "x"}, memoryview(b"abc"), object()])
def test_non_text_input(nlp, value):
    with pytest.raises(errors.InputError, match="expected text as str or bytes"):
        nlp(value)


def test_bad_id(nlp):
    with pytest.raises(errors.InputError, match="str"):
        nlp("Bupati ikut kampanye.", id=5)
    with pytest.raises(errors.InputError, match="'text' field"):
        list(nlp.pipe([{"body": "x"}]))


def test_binary_bytes(nlp):
    with pytest.raises(errors.EncodingError, match="binary"):
        nlp(bytes(range(256)) * 40)
    with pytest.raises(errors.EncodingError, match="neither UTF-8 nor cp1252"):
        nlp(bytes(range(1, 256)) * 40)  # no NUL, but 0x81 is undefined in cp1252
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200)
    with pytest.raises(errors.EncodingError):
        nlp(png)


def test_surrogates(nlp):
    with pytest.raises(errors.EncodingError, match="surrogate"):
        nlp("ASN ikut kampanye \udcff di desa")
    # bytes with odd bytes are decoded (cp1252), never turned into surrogates
    check_annotation(nlp(b"ASN ikut kampanye \xff di desa"))


@pytest.mark.parametrize("enc", ["cp1252", "latin-1", "utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_encodings(nlp, enc):
    text = "Kepala desa à Sleman “menghadiri” kampanye calon bupati – kata Bawaslu, café."
    if enc == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("–", "-")
    ann = nlp(text.encode(enc))
    check_annotation(ann)
    assert ann.text == text
    assert ann.lang == "id"


def test_mojibake_repaired(nlp):
    raw = "Kata Sekda â€œnetralâ€\x9d bagi ASN di CafÃ© Sleman, ujar Bawaslu pada Senin."
    ann = nlp(raw)
    check_annotation(ann, raw)
    assert "“netral”" in ann.text and "Café" in ann.text and "Ã" not in ann.text
    s = ann.text.index("Café")
    a, b = ann.original_span((s, s + 4))
    assert raw[a:b] == "CafÃ©"


def test_html_scripts_and_styles(nlp):
    raw = ("<!DOCTYPE html><html><head><title>Berita</title><style>p { color: red } .x::before "
           "{ content: 'Bupati Palsu' }</style><script>var nama = 'Camat Palsu'; alert('kampanye');</script></head>"
           "<body><nav>Beranda | Politik</nav><article><h1>ASN Ikut Kampanye</h1>"
           "<p>Bawaslu Kabupaten Sleman menemukan Camat Depok, Budi Santoso, menghadiri kampanye calon bupati "
           "pada Senin (14/10/2024).</p><script type=\"text/javascript\">document.write('<p>iklan</p>')</script>"
           "<p>Ia terancam sanksi sesuai PP Nomor 94 Tahun 2021 &amp; UU ASN.</p><noscript>aktifkan JS</noscript>"
           "</article><footer>&copy; 2024</footer></body></html>")
    ann = nlp(raw)
    d = check_annotation(ann, raw)
    for gone in ("alert", "color", "Palsu", "iklan", "document.write", "aktifkan", "Beranda"):
        assert gone not in ann.text, gone
    assert "PP Nomor 94 Tahun 2021 & UU ASN" in ann.text
    assert d["legal_refs"], d
    for lr in ann.legal_refs:
        a, b = ann.original_span(lr.span)
        assert raw[a:b].startswith("PP")


def test_emoji_heavy_post(nlp):
    raw = ("😡😡😡 ASN kok ikut kampanye?? 🙄🙄 pak camat foto bareng paslon 👉👉 #netralitasASN @bawaslu_RI "
           "🇮🇩🇮🇩 udah lapor ke bawaslu blm sih 🤔🤔\n\n👍🏽👍🏽👍🏽 🧕🏻‍💻 ❤️‍🔥 " * 3)
    ann = nlp(raw)
    check_annotation(ann, raw)
    assert ann.lang == "id"
    only_emoji = "😡🙄👉🇮🇩🤔👍🏽🧕🏻‍💻❤️‍🔥" * 50
    ann = nlp(only_emoji)
    check_annotation(ann, only_emoji)
    assert ann.lang == "und" and not ann.relevant


def test_text_too_long(nlp):
    seed = (RAW / "seed-004-andalaspos-2024-11-21.txt").read_text(encoding="utf-8")
    five_mb = (seed + "\n\n") * (5_000_000 // (len(seed) + 2) + 1)
    assert len(five_mb) >= 5_000_000
    t = time.perf_counter()
    with pytest.raises(errors.TextTooLongError, match="max_length") as exc:
        nlp(five_mb, id="dump-1")
    assert "2,000,000" in str(exc.value) and "dump-1" in str(exc.value) and "split" in str(exc.value)
    with pytest.raises(errors.TextTooLongError):
        nlp(five_mb.encode("utf-8"))
    assert time.perf_counter() - t < 5.0  # refused up front, not after annotating
    small = Pipeline(nlp.nlp, max_length=1000)
    with pytest.raises(errors.TextTooLongError, match="1,000"):
        small(seed)
    check_annotation(small(seed[:1000]))


def test_many_election_mentions_not_quadratic(nlp):
    """6,000 election mentions: the component reads doc.text once (it was rebuilt per match: ~90 s)."""
    doc = nlp.make_doc("Pemilu 2024 dan Pilkada 2024. " * 3000)
    t = time.perf_counter()
    nlp.nlp.get_pipe("netral_elections")(doc)
    assert time.perf_counter() - t < 5.0
    assert doc._.netral_elections == ["PEMILU_2024", "PILKADA_2024"]


@pytest.mark.parametrize("text", [
    "!" * 100_000,  # spaCy's prefix/suffix loop was quadratic in a run without spaces: minutes
    "(" * 30_000 + ")" * 30_000,
    "a" * 100_000,
    "<div>" * 20_000 + "ASN ikut kampanye" + "</div>" * 20_000,
    "<p" * 20_000,
    "https://example.com/a?b=c&d=e " * 2000,
    "&amp;" * 20_000,
    "Ã©" * 20_000,
    "e" + "\u0301" * 20_000,
    "👨\u200d" * 10_000,
    "\n".join(["Baca Juga: x"] * 10_000),
    "data:image/png;base64," + "iVBORw0KGgo" * 5000 + " Bupati Sleman ikut kampanye pilkada.",
], ids=["bang", "parens", "letters", "nested-div", "open-tags", "urls", "entities", "mojibake", "combining",
        "zwj", "baca-juga", "base64"])
def test_degenerate_long_inputs(nlp, text):
    t = time.perf_counter()
    ann = nlp(text)
    check_annotation(ann, text)
    assert time.perf_counter() - t < 15.0


def test_tokenize_long_runs_keeps_text(nlp):
    from netral_nlp.pipeline import _tokenize

    for text in ["abc " + "!" * 450 + " def", "!" * 250, " " + "b" * 201 + "\n\nSenin " + "c" * 999, "biasa saja."]:
        doc = _tokenize(nlp.nlp, text)
        assert doc.text == text
        assert max(len(t) for t in doc) <= 100


def test_whitespace_unit_after_kepala(nlp):
    """Found by the fuzz run: "Kepala" then a line break gave an empty unit and an IndexError."""
    raw = ("<html><body><div> menjemput rombongan paslon.\n\nPada hari itu pula, rombongan kampanye bergerak ke Desa "
           "Langi. Kepala <br>Follow us on Instagram<p>gi ikut deklarasi tolak politik uang bareng Bawaslu Prabumulih "
           "& temen2 BEM di lapangan Pemkot 🙌 rame bgt, ada jg ibu2 majelis taklim\n\nintinya: pilkada 27 nov jgn "
           "mau disogok, amplop 100rb gak sebandi</p></body></html>")
    check_annotation(nlp(raw), raw)


def test_pipe_mixed_bad_records(nlp):
    out = list(nlp.pipe(["", b"ASN ikut kampanye", {"text": "Bupati hadir.", "id": "a"}]))
    assert [a.id for a in out] == [None, None, "a"]
    for a in out:
        check_annotation(a)
    with pytest.raises(errors.ConfigError):
        list(nlp.pipe(["x"], n_process=0))


# ------------------------------------------------------------------------------------------
# 3. Offline guarantee, 4. safe loading (load once, recording), 5. determinism
# ------------------------------------------------------------------------------------------

_SUBPROCESS = textwrap.dedent(r"""
    import json, pickle, socket, sys
    calls = []
    def refuse(name):
        def f(*a, **k):
            calls.append([name, repr(a)[:200]])
            raise OSError(f"network disabled in this check: {name}")
        return f
    socket.socket.connect = refuse("connect")
    socket.socket.connect_ex = refuse("connect_ex")
    socket.getaddrinfo = refuse("getaddrinfo")
    socket.create_connection = refuse("create_connection")
    unpickled = []
    def no_pickle(name, real):
        def f(*a, **k):
            unpickled.append(name)
            return real(*a, **k)
        return f
    pickle.load = no_pickle("load", pickle.load)
    pickle.loads = no_pickle("loads", pickle.loads)
    import netral_nlp
    nlp = netral_nlp.load()
    texts = json.loads(sys.stdin.read())
    out = [json.dumps(nlp(t).to_dict()) for t in texts]
    try:
        import netral_nlp.backends.indobert  # noqa: F401
        indobert = "imported"
    except ImportError as exc:  # optional dependency missing
        indobert = f"absent: {exc}"
    print(json.dumps({"calls": calls, "unpickled": unpickled, "out": out, "indobert": indobert}))
""")


def _inputs() -> list[str]:
    raws = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    return raws + ID + EN[:1] + JV[:1] + MS[:1] + ["", "😡 ASN kampanye 🙄", "<p>Camat <b>ikut</b> kampanye</p><p>lagi</p>"]


@pytest.fixture(scope="module")
def subprocess_run():
    """A fresh interpreter that loads and runs the default pipeline with the network and pickle refused.

    Started first, so that it runs while this process loads its own second pipeline.
    """
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env.pop("PYTHONHASHSEED", None)  # a different hash seed than this process
    proc = subprocess.Popen([sys.executable, "-c", _SUBPROCESS], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=str(ROOT), env=env)
    proc.stdin.write(json.dumps(_inputs()))
    proc.stdin.close()
    holder = {}

    def result():
        if "r" not in holder:
            stdout = proc.stdout.read()
            stderr = proc.stderr.read()
            rc = proc.wait(timeout=300)
            assert rc == 0, stderr[-3000:]
            holder["r"] = json.loads(stdout.strip().splitlines()[-1])
        return holder["r"]

    yield result
    if proc.poll() is None:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def fresh(subprocess_run, monkeypatch_module):
    """A second, separately loaded default pipeline; network and unpickling calls during load and use recorded."""
    calls = []

    def recorder(name, real=None):
        def f(*a, **k):
            calls.append((name, repr(a)[:200]))
            if real is not None:
                return real(*a, **k)
            raise OSError(f"network disabled in this check: {name}")
        return f

    m = monkeypatch_module
    m.setattr(socket.socket, "connect", recorder("connect"))
    m.setattr(socket.socket, "connect_ex", recorder("connect_ex"))
    m.setattr(socket, "getaddrinfo", recorder("getaddrinfo"))
    m.setattr(socket, "create_connection", recorder("create_connection"))
    m.setattr(pickle, "load", recorder("pickle.load", pickle.load))
    m.setattr(pickle, "loads", recorder("pickle.loads", pickle.loads))
    m.setattr(pickle, "Unpickler", recorder("pickle.Unpickler", pickle.Unpickler))
    t = time.perf_counter()
    pipe = netral_nlp.load()
    load_s = time.perf_counter() - t
    outs = [json.dumps(pipe(text).to_dict()) for text in _inputs()]
    recorded = list(calls)
    m.undo()
    return {"nlp": pipe, "calls": recorded, "outs": outs, "load_s": load_s}


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_offline_guard_blocks_non_loopback():
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    for addr in [("203.0.113.7", 443), ("huggingface.co", 443), ("2001:db8::1", 80, 0, 0)]:
        family = socket.AF_INET6 if ":" in addr[0] else socket.AF_INET
        try:
            s = socket.socket(family, socket.SOCK_STREAM)
        except OSError:
            continue
        with s:
            s.settimeout(0.5)
            with pytest.raises(RuntimeError, match="network access attempted"):
                s.connect(addr)


def test_offline_guard_allows_loopback():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as c:
            c.settimeout(2)
            c.connect(srv.getsockname())


def test_load_and_annotate_make_no_connection(fresh):
    assert not [c for c in fresh["calls"] if not c[0].startswith("pickle")], fresh["calls"]


def test_load_never_unpickles(fresh):
    assert not [c for c in fresh["calls"] if c[0].startswith("pickle")], fresh["calls"]


def test_fresh_interpreter_offline_and_no_pickle(subprocess_run):
    r = subprocess_run()
    assert r["calls"] == [], r["calls"]
    assert r["unpickled"] == [], r["unpickled"]
    assert r["indobert"] == "imported" or r["indobert"].startswith("absent")


def test_default_model_files_are_safe():
    from netral_nlp.models_io import check_files, check_no_pickles

    check_no_pickles(DEFAULT_MODEL)
    check_files(DEFAULT_MODEL)
    suffixes = {f.suffix for f in DEFAULT_MODEL.rglob("*") if f.is_file()}
    assert not suffixes & {".pkl", ".pickle", ".pt", ".pth", ".joblib", ".ckpt"}


def test_deterministic_across_loads(nlp, fresh):
    mine = [json.dumps(nlp(t).to_dict()) for t in _inputs()]
    assert mine == fresh["outs"]
    again = [json.dumps(nlp(t).to_dict()) for t in _inputs()]
    assert again == mine


def test_deterministic_in_fresh_subprocess(nlp, subprocess_run):
    mine = [json.dumps(nlp(t).to_dict()) for t in _inputs()]
    assert subprocess_run()["out"] == mine


def test_deterministic_across_n_process(nlp):
    texts = _inputs()
    one = [json.dumps(a.to_dict()) for a in nlp.pipe(texts, n_process=1)]
    two = [json.dumps(a.to_dict()) for a in nlp.pipe(texts, n_process=2, batch_size=3)]
    assert one == two
    assert one == [json.dumps(nlp(t).to_dict()) for t in texts]


# ------------------------------------------------------------------------------------------
# 4. Damaged model directories
# ------------------------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL, d)
    return d


def _garbage(d):
    (d / "ner" / "model").write_bytes(b"\x00garbage\xff\xfe" * 500)
    return d / "ner" / "model", "corrupted"


def _truncate(rel):
    def f(d):
        p = d / rel
        b = p.read_bytes()
        p.write_bytes(b[: len(b) // 2])
        return p, "truncated"
    return f


def _remove(rel):
    def f(d):
        (d / rel).unlink()
        return d, f"{rel} is missing"
    return f


def _pickle_file(rel, protocol):
    def f(d):
        (d / rel).write_bytes(pickle.dumps({"weights": [0.1, 0.2], "note": "x"}, protocol=protocol))
        return d / rel, "unpickling"
    return f


def _version(d):
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
    meta["version"] = "9.0.0"
    (d / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return d, "9.0.0 is incompatible"


def _bad_meta(d):
    (d / "meta.json").write_text('{"lang": "id", "version": ', encoding="utf-8")
    return d / "meta.json", "corrupted"


@pytest.mark.parametrize(
    "damage,error",
    [
        pytest.param(_garbage, errors.ModelLoadError, id="garbage-ner-model"),
        pytest.param(_truncate("ner/model"), errors.ModelLoadError, id="truncated-ner-model"),
        pytest.param(_truncate("textcat_frame/model"), errors.ModelLoadError, id="truncated-textcat-model"),
        pytest.param(_truncate("vocab/strings.json"), errors.ModelLoadError, id="truncated-strings"),
        pytest.param(_truncate("tokenizer"), errors.ModelLoadError, id="truncated-tokenizer"),
        pytest.param(_truncate("vocab/vectors"), errors.ModelLoadError, id="truncated-vectors"),
        pytest.param(_remove("meta.json"), errors.ModelLoadError, id="missing-meta"),
        pytest.param(_remove("config.cfg"), errors.ModelLoadError, id="missing-config"),
        pytest.param(_pickle_file("x.pkl", 4), errors.UnsafeModelError, id="pkl"),
        pytest.param(_pickle_file("ner/weights.bin", 4), errors.UnsafeModelError, id="pickled-bin"),
        pytest.param(_pickle_file("ner/weights.bin", 0), errors.UnsafeModelError, id="pickled-bin-protocol0"),
        pytest.param(_pickle_file("ner/extra", 2), errors.UnsafeModelError, id="pickle-without-suffix"),
        pytest.param(_version, errors.ModelLoadError, id="version-9"),
        pytest.param(_bad_meta, errors.ModelLoadError, id="corrupted-meta"),
    ],
)
def test_damaged_model_dir(tmp_path, monkeypatch, damage, error):
    d = _copy(tmp_path)
    where, problem = damage(d)
    unpickled = []
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: unpickled.append(a) or None)
    monkeypatch.setattr(pickle, "load", lambda *a, **k: unpickled.append(a) or None)
    t = time.perf_counter()
    with pytest.raises(error) as exc:
        netral_nlp.load(model=d)
    msg = str(exc.value)
    assert str(where) in msg, msg
    assert problem in msg, msg
    assert msg.startswith(f"[{error.code}]")
    assert not unpickled
    assert time.perf_counter() - t < 10, "a damaged directory is refused before spaCy loads it"


def test_missing_model_dir(tmp_path):
    with pytest.raises(errors.ModelLoadError, match="not found") as exc:
        netral_nlp.load(model=tmp_path / "nope")
    assert str(tmp_path / "nope") in str(exc.value)


def test_model_path_is_a_file(tmp_path):
    f = tmp_path / "model.bin"
    f.write_bytes(b"\x00" * 10)
    with pytest.raises(errors.ModelLoadError, match="is a file, not a model directory"):
        netral_nlp.load(model=f)


@pytest.mark.parametrize("bad", [0, -5, "1000", 2.5, None, True])
def test_bad_max_length(nlp, bad):
    with pytest.raises(errors.ConfigError, match="max_length"):
        Pipeline(nlp.nlp, max_length=bad)


def test_pickle_detection_has_no_false_alarm_on_text(tmp_path):
    from netral_nlp.models_io import _is_pickle_stream

    for i, txt in enumerate(["hello.", "Model weights v1.", "a.b.c.", "README: see docs.", "{}."]):
        f = tmp_path / f"t{i}"
        f.write_text(txt)
        assert not _is_pickle_stream(f), txt


def test_case_folding_oddities_next_to_titles(nlp):
    # re.I matches the long s and the Kelvin sign as "s"/"k"; a title written with them once
    # raised KeyError in the initials rule.
    for text, name in [("Kemarin pak kadeſ HR ikut kampanye paslon di Pilkada 2024.", "HR"),
                       ("Pak \u212aades RM hadir di acara kampanye Pilkada 2024.", "RM")]:
        assert [o.name for o in nlp(text).officials] == [name]


def test_processed_doc_copies_pickles_and_survives_docbin(nlp):
    import copy
    import pickle

    from spacy.tokens import DocBin

    from netral_nlp.components.base import sentences

    text = ("Jakarta - Camat Sukamaju, Budi Santoso, hadir dalam kampanye paslon pada Senin (7/10/2024). "
            "Bawaslu memanggil Budi untuk klarifikasi pada Rabu (9/10/2024).")
    doc = nlp.nlp(text)
    sents = sentences(doc)
    assert len(sents) == 2
    assert pickle.loads(pickle.dumps(doc)).text == text
    assert copy.deepcopy(doc).text == text
    assert doc.copy().text == text
    db = DocBin(store_user_data=True)
    db.add(doc)
    restored = next(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.nlp.vocab))
    assert [s.text for s in sentences(restored)] == [s.text for s in sents]
    events = nlp.nlp.get_pipe("netral_events")(restored)._.netral_events
    assert {e["type"] for e in events} >= {"PEMERIKSAAN"}


def test_loading_keeps_pytorch_out_of_thinc_but_importable():
    """thinc would import PyTorch (1.5 s) at spaCy's import; the default pipeline does not need it,
    and torch stays importable afterwards; NETRAL_NLP_THINC_TORCH=1 keeps thinc's own behaviour."""
    code = ("import sys, netral_nlp; nlp = netral_nlp.load(); a = 'torch' in sys.modules; "
            "import thinc.compat, torch; print(a, thinc.compat.has_torch, float(torch.ones(2).sum()))")
    env = {k: v for k, v in os.environ.items() if k != "NETRAL_NLP_THINC_TORCH"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout.split()
    assert out == ["False", "False", "2.0"]
    env["NETRAL_NLP_THINC_TORCH"] = "1"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout.split()
    assert out == ["True", "True", "2.0"]
