"""Tests of netral_nlp.text.clean on real scraped pages, HTML, Unicode damage and random input."""
from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netral_nlp.errors import InputError
from netral_nlp.text.clean import CleanText, clean, is_html

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "netral-id"
SEEDS = sorted((CORPUS / "authoring" / "seeds").glob("*.json"))
RAW_FILES = sorted((CORPUS / "raw").glob("*.txt"))
JSONL = CORPUS / "data" / "netral-id.jsonl"

# Lines of the two seed pages that are boilerplate (domain-reference section 9).
SEED_BOILERPLATE = [
    "• Whatsapp",
    "banner 468x60",
    "banner 300250",
    "banner 300x250",
    "Bacaan Lainnya",
    "Pos terkait",
    "Tinggalkan Balasan",
    "Alamat email Anda tidak akan dipublikasikan",
    "(**)",
]


def _norm(s: str) -> str:
    """What cleaning may change in a span: Unicode form, odd spaces, entities, line breaks."""
    import html

    import ftfy

    s = html.unescape(s)
    s = ftfy.fix_text(s, uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False)
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"[\u200b\u200e\u200f\u2060\ufeff\u00ad]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _check_words_map_back(ct: CleanText) -> int:
    """Every word of the cleaned text maps to the same word in the original; returns the count."""
    n = 0
    for m in re.finditer(r"\S+", ct.text):
        a, b = ct.to_original(m.start(), m.end())
        assert 0 <= a <= b <= len(ct.original)
        assert _norm(ct.original[a:b]) == _norm(m.group()), (m.group(), ct.original[a:b])
        assert ct.from_original(a, b) == (m.start(), m.end())
        n += 1
    return n


def _seed(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------
# The two real scraped pages
# ------------------------------------------------------------------------------------------


def test_seeds_present():
    assert len(SEEDS) >= 2 and len(RAW_FILES) >= 2


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_gold_text_exact(path):
    d = _seed(path)
    assert clean(d["raw"]).text == d["text"]


@pytest.mark.parametrize("path", RAW_FILES, ids=lambda p: p.stem)
def test_raw_file_matches_seed(path):
    raw = path.read_text(encoding="utf-8")
    seed = next(s for s in SEEDS if path.name.startswith(s.stem))
    assert clean(raw).text == _seed(seed)["text"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_no_boilerplate_left_and_paragraphs_kept(path):
    d = _seed(path)
    ct = clean(d["raw"])
    lines = ct.text.split("\n\n")
    for bad in SEED_BOILERPLATE:
        assert not any(bad in line for line in lines), bad
    assert "\n\n\n" not in ct.text and not ct.text.startswith(("\n", " ")) and not ct.text.endswith(("\n", " "))
    for para in d["text"].split("\n\n"):
        assert para in lines
    # the photo caption printed twice is kept once
    if "Sekretaris Daerah Medison pimpin apel gabungan" in d["raw"]:
        assert ct.text.count("Sekretaris Daerah Medison pimpin apel gabungan") == 1
    # body parentheses survive, closing marks do not
    assert "(15/5/2023)" in ct.text or "(21/11/2024)" in ct.text
    assert "(ASN)" in ct.text or "(KORPRI)" in ct.text
    assert "(**)" not in ct.text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_offsets_map_back(path):
    ct = clean(_seed(path)["raw"])
    assert _check_words_map_back(ct) > 300
    # whole paragraphs map back verbatim (plain text input, so the map is exact)
    start = 0
    for para in ct.text.split("\n\n"):
        a, b = ct.to_original(start, start + len(para))
        assert ct.original[a:b] == para
        start += len(para) + 2


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_removed_spans(path):
    ct = clean(_seed(path)["raw"])
    assert ct.removed
    for a, b, why in ct.removed:
        assert 0 <= a < b <= len(ct.original)
        assert why.startswith(("boilerplate:", "html:"))
        assert ct.from_original(a, b) is None, (why, ct.original[a:b])
    reasons = {w for _, _, w in ct.removed}
    if "seed-000" in path.name:
        assert {"boilerplate:ad", "boilerplate:share", "boilerplate:duplicate", "boilerplate:comment_form"} <= reasons
    else:
        assert "boilerplate:closing_mark" in reasons


def test_seed000_page_runs_into_next_article():
    raw = _seed(SEEDS[0])["raw"]
    gold = _seed(SEEDS[0])["text"]
    nxt = "Bupati Solok Buka MTQ Nagari\n\nAROSUKA - Bupati Solok membuka MTQ tingkat nagari, Selasa (16/5/2023)."
    ct = clean(raw + nxt)
    assert ct.text == gold
    assert any(w == "boilerplate:next_page" for _, _, w in ct.removed)


def test_boilerplate_off_keeps_lines():
    raw = _seed(SEEDS[0])["raw"]
    ct = clean(raw, boilerplate=False)
    assert "banner 468x60" in ct.text and "Tinggalkan Balasan" in ct.text
    assert ct.text.count("Sekretaris Daerah Medison pimpin apel gabungan") == 2
    _check_words_map_back(ct)


# ------------------------------------------------------------------------------------------
# Boilerplate patterns on other pages (general forms, not the seeds' strings)
# ------------------------------------------------------------------------------------------

BODY = [
    "JAKARTA, KOMPAS.com - Komisi Aparatur Sipil Negara (KASN) mencatat 417 laporan pelanggaran "
    "netralitas aparatur sipil negara (ASN) menjelang Pemilu 2024, Senin (15/5/2023).",
    "Ketua KASN mengatakan, sebagian besar pelanggaran berupa kampanye di media sosial. "
    "“ASN harus netral, baca juga aturannya sebelum mengunggah apa pun,” ujarnya.",
    "Menurut dia, sanksi bagi ASN yang terbukti melanggar bisa berupa hukuman disiplin sedang "
    "hingga berat sesuai PP Nomor 94 Tahun 2021 tentang Disiplin PNS (Pemilu).",
]


def _page(*inserts_between: list[str], tail: list[str] = ()) -> str:
    out = ["KASN Catat 417 Pelanggaran Netralitas ASN", ""]
    for i, para in enumerate(BODY):
        out += [para, ""]
        if i < len(inserts_between):
            out += inserts_between[i]
    out += list(tail)
    return "\n".join(out)


def _body_text(last_suffix: str = "") -> str:
    body = list(BODY)
    body[-1] += last_suffix
    return "\n\n".join(["KASN Catat 417 Pelanggaran Netralitas ASN", *body])


@pytest.mark.parametrize(
    "lines",
    [
        ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"],
        ["Advertisement", "SCROLL TO RESUME CONTENT", "Iklan"],
        ["banner 728x90", "iklan 300 x 250"],
        ["Baca Juga: Bawaslu Temukan 12 ASN Tak Netral di Sumbar"],
        ["BACA JUGA : KPU Tetapkan DPT Pilkada 2024"],
        ["Baca juga", "Mendagri Ingatkan Pj Kepala Daerah Soal Netralitas"],
        ["Baca juga Mendagri Ingatkan Pj Kepala Daerah Soal Netralitas"],
        ["Bagikan", "Share on Facebook", "Share on Twitter", "Share via WhatsApp"],
        ["Share copy link article Link Copied!", "0 SHARES 22 VIEWS", "Reading Time: 1 min read"],
        ["  • Whatsapp", "• Facebook", "A A A", "Tunggu 3.0 detik untuk membaca artikel"],
        ["Halaman : 1 2", "Selanjutnya", "Load more"],
        ["Berita Terkini:", "• Sekda Pimpin Apel Netralitas", "• Bawaslu Awasi Kampanye di Medsos"],
        ["Skip to content", "Home » Berita » Politik"],
        ["Senin, 15 Mei 2023 | 10:30 WIB", "Last Updated 2024-01-22T10:53:31Z", "[UPDATE]"],
    ],
)
def test_boilerplate_lines_between_paragraphs(lines):
    raw = _page(lines, [""] + lines)
    ct = clean(raw)
    assert ct.text == _body_text()
    for line in lines:
        assert line.strip() not in ct.text.split("\n\n")
    _check_words_map_back(ct)


@pytest.mark.parametrize(
    "tail",
    [
        ["Penulis: Rina Putri | Editor: Andi Saputra"],
        ["Editor : Rahmat Hidayat", "Reporter: Dewi", "Sumber: Antara"],
        ["Redaktur : Yuni", "Kontributor : Budi", "Laporan wartawan Tribunnews.com, Fersianus Waku"],
        ["Cek Berita dan Artikel yang lain di Google News"],
        ["Jangan lupa ikuti update berita lainnya dan follow akun google news Warta Minang"],
        ["Follow WhatsApp Channel Kompas.com untuk update berita terbaru"],
        ["Silakan baca konten menarik lainnya dari Warta Minang di Google News"],
        ["Baca berita tanpa iklan. Gabung Kompas.com+", "Nyaman tanpa iklan. Langganan Kompas.id"],
        ["Copyright © 2024 Warta Minang. All rights reserved."],
        ["Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel ini tanpa izin."],
        ["Berita Terkait", "Sekda Pimpin Apel Netralitas ASN", "Bawaslu Awasi Kampanye di Medsos"],
        ["Artikel Terkait", "", "Mendagri Ingatkan Pj Kepala Daerah", "", "banner 300x250"],
        ["Tinggalkan Komentar", "Silakan masukkan komentar anda!", "Silakan masukkan nama Anda di sini"],
        ["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
        ["This site uses Akismet to reduce spam. Learn how your comment data is processed."],
        ["0 comments: Posting Komentar", "Syarat & Ketentuan", "Tags: asn, netralitas, pemilu"],
        ["Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE."],
    ],
)
def test_boilerplate_lines_at_end(tail):
    ct = clean(_page(tail=tail))
    assert ct.text == _body_text()
    _check_words_map_back(ct)


@pytest.mark.parametrize(
    "mark",
    ["(**)", "(*)", "(red)", "(ant)", "(ygo/vry)", "(sar/hmw)", "(Gin)", "(KHN)", "(far/c6/hud)",
     "(mcr23/jpnn)", "(dtk/DAB)", "((SUR))", "(Feby Novalius)", "(Tribunlampung.co.id/Kiki Adipratama)"],
)
@pytest.mark.parametrize("sep", ["", " "])
def test_closing_marks_removed(mark, sep):
    raw = "Judul Berita\n\nIsi pertama.\n\n“ASN harus netral,” pungkasnya." + sep + mark + "\n"
    ct = clean(raw)
    assert ct.text == "Judul Berita\n\nIsi pertama.\n\n“ASN harus netral,” pungkasnya."
    assert any(w == "boilerplate:closing_mark" and ct.original[a:b] == mark for a, b, w in ct.removed)


@pytest.mark.parametrize(
    "last",
    [
        "Hal itu disampaikan pada Senin (15/5/2023)",
        "Hal itu disampaikan Senin. (15/5/2023)",
        "Pelanggaran dilaporkan ke Komisi Aparatur Sipil Negara (KASN)",
        "Pelanggaran dilaporkan oleh aparatur sipil negara. (ASN)",
        "Semua pihak menunggu hasil Pemilihan Umum (Pemilu).",
        "Ketua Bawaslu (tidak hadir) memberi sambutan (tertulis) kepada ASN (Pemilu) dan (ASN).",
    ],
)
def test_body_parentheses_kept(last):
    raw = "Judul\n\nIsi (ASN) pertama (15/5/2023) dan (Pemilu).\n\n" + last
    ct = clean(raw)
    assert ct.text == raw


def test_datelines_kept():
    for dateline in ["PIKIRANSUMBAR-", "Kab.Solok,Andalaspos – ", "JAKARTA, KOMPAS.com - ",
                     "Mataram (NTBSatu) – ", "TRIBUNJATENG.COM, KARANGANYAR - ", "Jakarta: "]:
        raw = f"Judul\n\n{dateline}Bawaslu memeriksa ASN yang diduga tidak netral.\n\nbanner 468x60"
        assert clean(raw).text == f"Judul\n\n{dateline}Bawaslu memeriksa ASN yang diduga tidak netral."


def test_quoted_speech_and_paragraphs_untouched():
    para = ("“Baca juga aturan netralitas, share informasi yang benar, dan jangan ikut kampanye. "
            "Copyright bukan urusan kami,” kata Sekda. Editor naskah itu, kata dia, sudah mundur.")
    raw = "Judul\n\n" + para + "\n\nbanner 300x250"
    assert clean(raw).text == "Judul\n\n" + para


def test_mid_page_related_heading_keeps_following_body():
    raw = ("Judul\n\nParagraf pertama yang cukup panjang untuk disebut isi berita.\n\nBerita Terkait\n\n"
           "Sanksi Tegas\n\nParagraf kedua juga bagian dari isi berita tersebut.")
    # a single short line after a mid-page heading may be a crosshead: kept
    assert clean(raw).text == ("Judul\n\nParagraf pertama yang cukup panjang untuk disebut isi berita.\n\n"
                               "Sanksi Tegas\n\nParagraf kedua juga bagian dari isi berita tersebut.")
    raw2 = raw.replace("Sanksi Tegas", "Sekda Pimpin Apel\n\nBawaslu Awasi Medsos")
    assert "Sekda Pimpin Apel" not in clean(raw2).text


LONG_BODY = ("Badan Pengawas Pemilu Kota Padang memanggil seorang aparatur sipil negara yang mengunggah "
             "foto bersama bakal calon wali kota di akun media sosialnya untuk dimintai klarifikasi pekan ini.")


def test_masthead_lines_above_title():
    title = "Bawaslu Padang Panggil ASN yang Unggah Foto Bakal Calon"
    raw = f"Warta Minang\n\nPolitik\n\n{title}\n\nwartaminang.co.id\n\n{LONG_BODY}"
    assert clean(raw).text == f"{title}\n\n{LONG_BODY}"
    # without a body paragraph (a short post) nothing is taken as masthead
    post = "Mantap\n\nPak camat ikut kampanye paslon di lapangan desa tadi pagi"
    assert clean(post).text == post


def test_lines_after_end_credit():
    raw = (f"Judul Berita Panjang Tentang Netralitas ASN\n\n{LONG_BODY}\n\nEditor: Bhegin\n\n"
           "“Jangan tunggu mampu dulu untuk memberi”\n\nKategori :\n\nPilkada 2024")
    assert clean(raw).text == f"Judul Berita Panjang Tentang Netralitas ASN\n\n{LONG_BODY}"
    # a credit above the body does not end the page
    raw2 = f"Judul Berita Panjang Tentang Netralitas ASN\n\nReporter : Dewi\n\nEditor : Andi\n\n{LONG_BODY}"
    assert clean(raw2).text == f"Judul Berita Panjang Tentang Netralitas ASN\n\n{LONG_BODY}"


def test_duplicates():
    raw = "Judul\n\nKeterangan foto panjang sekali\nKeterangan foto panjang sekali\n\nIsi berita.\n\nIsi berita."
    assert clean(raw).text == "Judul\n\nKeterangan foto panjang sekali\n\nIsi berita."
    raw = "Judul\n\nKeterangan foto\n\nbanner 468x60\n\nKeterangan foto\n\nIsi berita."
    assert clean(raw).text == "Judul\n\nKeterangan foto\n\nIsi berita."
    # a line repeated further down (a slogan opening and closing a post) is kept
    raw = "ASN harus netral!\n\nPak camat ikut kampanye.\n\nASN harus netral!"
    assert clean(raw).text == raw


# ------------------------------------------------------------------------------------------
# Unicode and whitespace
# ------------------------------------------------------------------------------------------


def test_mojibake_fixed_and_mapped():
    raw = "Judul\n\nâ€œASN harus netral,â€\x9d kata SekdaÂ\xa0Medison di CafÃ© Solok."
    ct = clean(raw)
    assert ct.text == "Judul\n\n“ASN harus netral,” kata Sekda Medison di Café Solok."
    i = ct.text.index("“")
    assert ct.original[slice(*ct.to_original(i, i + 1))] == "â€œ"
    i = ct.text.index("é")
    assert ct.original[slice(*ct.to_original(i, i + 1))] == "Ã©"
    i = ct.text.index("Medison")
    assert ct.original[slice(*ct.to_original(i, i + 7))] == "Medison"


def test_nbsp_zero_width_and_spaces():
    raw = "  Judul\u00a0Berita  \r\n\r\n\r\n\tASN\u200b  harus\u00a0\u00a0netral.\u2028Kedua   kalimat.\n\n\n"
    ct = clean(raw)
    assert ct.text == "Judul Berita\n\nASN harus netral.\nKedua kalimat."
    i = ct.text.index("harus")
    assert ct.to_original(i, i + 5) == (raw.index("harus"), raw.index("harus") + 5)
    j = ct.text.index("ASN harus")
    a, b = ct.to_original(j, j + len("ASN harus"))
    assert raw[a:b] == "ASN\u200b  harus"
    _check_words_map_back(ct)


def test_nfc():
    raw = "Kafe\u0301 di Solok, Cafe\u0301.\n\nKedua."
    ct = clean(raw)
    assert ct.text == unicodedata.normalize("NFC", "Kafe\u0301 di Solok, Cafe\u0301.\n\nKedua.")
    i = ct.text.index("é")
    assert ct.original[slice(*ct.to_original(i, i + 1))] == "e\u0301"


def test_plain_text_entities():
    raw = "Judul\n\nBKN &amp; KASN memeriksa&nbsp;ASN &#8220;tak netral&#8221;."
    ct = clean(raw)
    assert ct.text == "Judul\n\nBKN & KASN memeriksa ASN “tak netral”."
    i = ct.text.index("&")
    assert ct.original[slice(*ct.to_original(i, i + 1))] == "&amp;"


def test_empty_and_blank():
    for raw in ["", "   ", "\n\n\n", "\u200b", "banner 468x60"]:
        ct = clean(raw)
        assert ct.text == ""
        assert ct.to_original(0, 0)[0] >= 0
        assert ct.from_original(0, len(raw)) is None


def test_bad_arguments():
    ct = clean("Judul\n\nIsi.")
    with pytest.raises(InputError):
        ct.to_original(3, 100)
    with pytest.raises(InputError):
        ct.to_original(5, 2)
    with pytest.raises(InputError):
        ct.from_original(-1, 2)
    with pytest.raises(InputError):
        clean(b"bytes")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------
# HTML
# ------------------------------------------------------------------------------------------

NEWS_HTML = """<!DOCTYPE html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>Bawaslu Temukan ASN Tak Netral &#8211; Warta Minang</title>
  <style>.share{display:flex} p{margin:0}</style>
  <script>window.dataLayer = window.dataLayer || []; var x = "<p>bukan teks</p>";</script>
</head>
<body>
<nav class="menu"><ul><li><a href="/">Beranda</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Home</a> &raquo; <a href="/politik">Politik</a></div>
<article>
  <header>
    <h1 class="entry-title">Bawaslu Temukan ASN Tak Netral di Kota Padang</h1>
    <div class="entry-meta">Penulis: Rina Putri | Editor: Andi</div>
  </header>
  <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
  <figure><img src="a.jpg" alt="apel"><figcaption>Apel netralitas ASN di Balai Kota Padang</figcaption></figure>
  <div class="entry-content">
    <p><strong>PADANG, Warta Minang</strong> &ndash; Badan Pengawas Pemilu (Bawaslu) Kota Padang menemukan seorang
    aparatur sipil negara (ASN) yang mengunggah foto bersama bakal calon wali kota, Senin (14/10/2024).</p>
    <div class="ads"><ins class="adsbygoogle"></ins>ADVERTISEMENT</div>
    <p>&ldquo;Kami sudah memanggil yang bersangkutan untuk klarifikasi,&rdquo; kata Ketua Bawaslu Padang, Dewi&nbsp;Sartika.</p>
    <p><strong>Baca Juga:</strong> <a href="/x">KPU Padang Tetapkan DPT Pilkada 2024</a></p>
    <noscript><img src="pixel.gif">Aktifkan JavaScript</noscript>
    <p>Kasus ini diteruskan ke BKN &amp; Komisi ASN (KASN) untuk ditindaklanjuti.</p>
    <p>Ia mengingatkan ASN agar tidak memberi <em>like</em> atau komentar pada unggahan peserta Pilkada. (ant)</p>
    <iframe src="https://www.youtube.com/embed/x">Video</iframe>
    <script>googletag.cmd.push(function() { googletag.display("div-gpt-ad"); });</script>
  </div>
  <div class="related-posts"><h3>Berita Terkait</h3><ul><li><a href="#">Sekda Padang Pimpin Apel</a></li></ul></div>
</article>
<div id="comments"><h3>Tinggalkan Balasan</h3><form><textarea>Komentar</textarea></form></div>
<footer><p>Copyright &copy; 2024 Warta Minang</p></footer>
</body>
</html>
"""

NEWS_HTML_TEXT = (
    "Bawaslu Temukan ASN Tak Netral di Kota Padang\n\n"
    "Apel netralitas ASN di Balai Kota Padang\n\n"
    "PADANG, Warta Minang – Badan Pengawas Pemilu (Bawaslu) Kota Padang menemukan seorang aparatur "
    "sipil negara (ASN) yang mengunggah foto bersama bakal calon wali kota, Senin (14/10/2024).\n\n"
    "“Kami sudah memanggil yang bersangkutan untuk klarifikasi,” kata Ketua Bawaslu Padang, Dewi Sartika.\n\n"
    "Kasus ini diteruskan ke BKN & Komisi ASN (KASN) untuk ditindaklanjuti.\n\n"
    "Ia mengingatkan ASN agar tidak memberi like atau komentar pada unggahan peserta Pilkada."
)


def test_is_html():
    assert is_html(NEWS_HTML)
    assert is_html("<p>Satu</p><p>Dua</p>")
    for s in SEEDS:
        assert not is_html(_seed(s)["raw"])
    assert not is_html("Skor 3 <5 dan a>b, ASN <3 netral")


def test_html_page():
    ct = clean(NEWS_HTML)
    assert ct.text == NEWS_HTML_TEXT
    assert clean(NEWS_HTML, html=True).text == NEWS_HTML_TEXT
    reasons = {w for _, _, w in ct.removed}
    assert {"html:head", "html:script", "html:nav", "html:footer", "html:iframe", "html:noscript",
            "boilerplate:baca_juga", "boilerplate:closing_mark", "boilerplate:byline"} <= reasons
    for word in ["dataLayer", "Beranda", "Share", "ADVERTISEMENT", "Baca Juga", "KPU Padang",
                 "Tinggalkan", "Copyright", "Terkait", "(ant)", "Penulis", "JavaScript"]:
        assert word not in ct.text


def test_html_offsets_point_into_source():
    ct = clean(NEWS_HTML)
    n = _check_words_map_back(ct)
    assert n > 70
    # text-node words map verbatim into the HTML source
    for word in ["Bawaslu", "Sartika.", "(KASN)", "(14/10/2024).", "Pilkada."]:
        i = ct.text.index(word)
        a, b = ct.to_original(i, i + len(word))
        assert NEWS_HTML[a:b] == word
    # characters from entities map to the entity
    for ch, ent in [("–", "&ndash;"), ("“", "&ldquo;"), ("”", "&rdquo;"), ("&", "&amp;")]:
        i = ct.text.index(ch)
        a, b = ct.to_original(i, i + 1)
        assert NEWS_HTML[a:b] == ent
    i = ct.text.index("Dewi Sartika")
    a, b = ct.to_original(i, i + len("Dewi Sartika"))
    assert NEWS_HTML[a:b] == "Dewi&nbsp;Sartika"
    # a span across markup covers the markup; removed elements map to nothing
    i = ct.text.index("like")
    a, b = ct.to_original(i - len("memberi "), i + len("like"))
    assert NEWS_HTML[a:b] == "memberi <em>like"
    s = NEWS_HTML.index("<script>")
    assert ct.from_original(s, NEWS_HTML.index("</script>")) is None
    # a paragraph break between blocks maps to the markup between them, not to text
    j = ct.text.index("\n\nKasus")
    a, b = ct.to_original(j, j + 2)
    assert "<" in NEWS_HTML[a:b] and "Kasus" not in NEWS_HTML[a:b]


def test_html_fragment_and_br():
    raw = "<p>Judul Berita</p><p>Baris satu<br>baris dua &amp; tiga</p><div>Iklan</div>"
    ct = clean(raw)
    assert ct.text == "Judul Berita\n\nBaris satu\nbaris dua & tiga"
    _check_words_map_back(ct)


def test_html_body_in_widget_class_is_not_lost():
    body = "Bawaslu Kota Padang memeriksa seorang ASN yang mengunggah foto bersama bakal calon wali kota di media sosial."
    raw = f"<html><body><div class='widget main'><h1>Judul</h1><p>{body}</p></div></body></html>"
    assert clean(raw).text == "Judul\n\n" + body


def test_html_mojibake_and_unclosed_tags():
    raw = "<div><p>Judul<p>Kata SekdaÂ\xa0â€œnetralâ€\x9d di CafÃ©<li>satu<li>dua</div>"
    ct = clean(raw, html=True)
    assert ct.text == "Judul\n\nKata Sekda “netral” di Café\n\nsatu\n\ndua"
    _check_words_map_back(ct)


# ------------------------------------------------------------------------------------------
# Properties and speed
# ------------------------------------------------------------------------------------------


def _check_map(ct: CleanText, spans) -> None:
    n, m = len(ct.text), len(ct.original)
    for s, e in spans:
        a, b = ct.to_original(s, e)
        assert 0 <= a <= b <= m
        if s < e:
            assert a < b
            back = ct.from_original(a, b)
            assert back is not None
            s2, e2 = back
            assert 0 <= s2 <= s and e <= e2 <= n
            assert ct.to_original(s2, e2) == (a, b)


_ALPHABET = st.characters(blacklist_categories=("Cs",))
_TEXT = st.lists(
    st.one_of(
        _ALPHABET,
        st.sampled_from(["\n", "\n\n", " ", "\u00a0", "\u200b", "\r\n", "Ã©", "â€œ", "e\u0301", "&amp;",
                         "<p>", "</p>", "<br>", "<script>", "</script>", "&nbsp;", "(**)", ".", "“"]),
        st.sampled_from(["banner 468x60\n", "Baca Juga: ASN\n", "Pos terkait\n", "Editor: X\n",
                         "Tinggalkan Balasan\n", "Ruas yang wajib ditandai *", "• Whatsapp\n"]),
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_TEXT, html=st.sampled_from([None, True, False]), boilerplate=st.booleans(), data=st.data())
def test_property_random_input(raw, html, boilerplate, data):
    ct = clean(raw, html=html, boilerplate=boilerplate)
    assert ct.original == raw
    n = len(ct.text)
    assert "\n\n\n" not in ct.text and ct.text == ct.text.strip()
    spans = [(i, i + 1) for i in range(n)] + [(0, n), (n, n), (0, 0)]
    for _ in range(10):
        s = data.draw(st.integers(0, n))
        e = data.draw(st.integers(s, n))
        spans.append((s, e))
    _check_map(ct, spans)
    # pieces in increasing order: character starts never go backwards
    starts = [ct.to_original(i, i + 1)[0] for i in range(n)]
    assert starts == sorted(starts)
    for a, b, _why in ct.removed:
        assert 0 <= a <= b <= len(raw)


def test_speed_5mb():
    d = _seed(SEEDS[0])
    raw = (d["raw"] + "\n\n") * (5_000_000 // (len(d["raw"]) + 2) + 1)
    assert len(raw) >= 5_000_000
    t = time.perf_counter()
    ct = clean(raw)
    took = time.perf_counter() - t
    assert took < 5.0, took
    assert ct.text.startswith(d["text"][:200])
    html = "<html><body>" + "".join(f"<p>{p} &amp; lagi</p>\n" for p in d["text"].split("\n\n")) * 1000 + "</body></html>"
    t = time.perf_counter()
    clean(html)
    assert time.perf_counter() - t < 10.0


# ------------------------------------------------------------------------------------------
# The compiled corpus: every record with a scraped "raw"
# ------------------------------------------------------------------------------------------


def _records_with_raw():
    if not JSONL.exists():
        return []
    out = []
    with JSONL.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if rec.get("raw"):
                    out.append(rec)
    return out


_RECORDS = _records_with_raw()

def _record_param(rec):
    return pytest.param(rec, id=str(rec.get("id")))


@pytest.mark.skipif(not _RECORDS, reason=f"{JSONL} absent or without raw records")
@pytest.mark.parametrize("rec", [_record_param(r) for r in _RECORDS])
def test_corpus_raw_records(rec):
    ct = clean(rec["raw"])
    paras = [p for p in rec["text"].split("\n\n") if p.strip()]
    missing = [p for p in paras if p not in ct.text]
    assert not missing, missing
    text_lines = {line.strip() for line in rec["text"].split("\n") if line.strip()}
    raw_only = {line.strip() for line in rec["raw"].split("\n") if line.strip()} - text_lines
    left = [line for line in ct.text.split("\n") if line.strip() in raw_only]
    assert not left, left


@pytest.mark.parametrize(
    "header,footer",
    [
        (  # Kompas-like
            ["Kompas.com - 15/05/2023, 10:30 WIB", "Penulis Fika Nurul Ulya | Editor Bagus Santosa", "Lihat Foto",
             "Dengarkan berita ini"],
            ["Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses "
             "berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbed",
             "Pastikan kamu sudah install aplikasi WhatsApp ya.",
             "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di "
             "Grup Telegram \"Kompas.com News Update\", caranya klik link https://t.me/kompascomupdate, kemudian join."],
        ),
        (  # Tribun-like
            ["Laporan Wartawan Tribunnews.com, Fersianus Waku", "TRIBUNNEWS.COM"],
            ["Artikel ini telah tayang di Tribunnews.com dengan judul KASN Catat 417 Pelanggaran, "
             "https://www.tribunnews.com/nasional/2023/05/15/kasn", "Penulis: Fersianus Waku", "Editor: Johnson Simanjuntak"],
        ),
        (  # CNN/detik-like
            ["Senin, 15 Mei 2023 10:30 WIB", "[Gambas:Video CNN]"],
            ["(idn/idn)", "[Gambas:Video 20detik]"],
        ),
    ],
)
def test_other_site_layouts(header, footer):
    raw = "\n".join(["KASN Catat 417 Pelanggaran Netralitas ASN", *header, "", "\n\n".join(BODY), "", *footer])
    assert clean(raw).text == _body_text()


def _all_records():
    if not JSONL.exists():
        return []
    with JSONL.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


_ALL_RECORDS = _all_records()


def _fixed_point_param(rec):
    return pytest.param(rec, id=str(rec.get("id")))


@pytest.mark.skipif(not _ALL_RECORDS, reason=f"{JSONL} absent")
@pytest.mark.parametrize("rec", [_fixed_point_param(r) for r in _ALL_RECORDS])
def test_corpus_clean_text_is_fixed_point(rec):
    """Cleaning an already clean text changes nothing: no body line looks like boilerplate."""
    ct = clean(rec["text"])
    assert ct.text == rec["text"], [(w, rec["text"][a:b]) for a, b, w in ct.removed]


@pytest.mark.parametrize(
    "line",
    [
        "1 wa » 1.a )tags: /Home » ab/Home » *1Penulis: x Home » » views ab» share (Penulis: x | Home » a 12 " * 4,
        "Penulis: " * 45,
        "» " * 200,
        "1 " * 200,
        "(a/b " * 80 + ".",
    ],
)
def test_no_pathological_regex_time(line):
    raw = ("Judul\n\n" + line[:400] + "\n") * 50
    t = time.perf_counter()
    clean(raw)
    assert time.perf_counter() - t < 1.0
