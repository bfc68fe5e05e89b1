"""Officials on real phrasings of Indonesian news: titles, institutions, categories, names."""
import pytest
import spacy

from netral_nlp.components.officials import extract_officials
from netral_nlp.lexicons import strip_titles

NLP = spacy.blank("id")


def people(text):
    return {p.name: p for p in extract_officials(NLP(text))}


@pytest.mark.parametrize("text,name,position,category,institution", [
    ("Demikian ditegaskan Sekretaris Daerah Kabupaten Solok, Medison saat memimpin apel pagi.",
     "Medison", "Sekretaris Daerah", "ASN", "Pemerintah Kabupaten Solok"),
    ("Terpisah, Ketua Bawaslu Kabupaten Solok, Afri Memori, memaparkan ASN adalah unsur yang unik.",
     "Afri Memori", "Ketua", "PENGAWAS_PEMILU", "Bawaslu Kabupaten Solok"),
    ("Acara dihadiri oleh Pjs. Bupati Solok, Dr. Drs. Akbar Ali, AP, M.Si, dan para kepala OPD.",
     "Akbar Ali", "Penjabat Sementara Bupati", "ASN", "Pemerintah Kabupaten Solok"),
    ("Hadir pula Pj Sekda Aceh Utara Dayan Albar, S.Sos, M.AP, dan unsur Forkopimda.",
     "Dayan Albar", "Penjabat Sekretaris Daerah", "ASN", "Pemerintah Kabupaten Aceh Utara"),
    ("Apel dipimpin Plt. Bupati Blora Tri Yuli Setyowati dan dihadiri unsur Forkopimda.",
     "Tri Yuli Setyowati", "Pelaksana Tugas Bupati", "PEJABAT_POLITIK", "Pemerintah Kabupaten Blora"),
    ("Komisioner KASN dr. Rudiarto Sumarwono mengatakan kasus itu sudah diputus.",
     "Rudiarto Sumarwono", "Komisioner", "PENGAWAS_PEMILU", "KASN"),
    ("Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Gresik, Abu Hasan, S.Sos., mengatakan seluruh kepala desa sudah diingatkan.",
     "Abu Hasan", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "ASN", None),
    ("Koordinator Divisi Penanganan Pelanggaran, Data dan Informasi Bawaslu Kabupaten Malinau, Ryan Virgiawan, menjelaskan prosesnya.",
     "Ryan Virgiawan", "Koordinator Divisi Penanganan Pelanggaran, Data dan Informasi", "PENGAWAS_PEMILU", "Bawaslu Kabupaten Malinau"),
    ("Kapolres Bone AKBP Erwin Syah, S.I.K. memastikan anggotanya netral.",
     "Erwin Syah", "Kepala Kepolisian Resor", "TNI_POLRI", None),
    ("Ketua KPU Kota Medan, Mutia Atiqah, menyebut tahapan berjalan lancar.",
     "Mutia Atiqah", "Ketua", "PENYELENGGARA_PEMILU", "KPU Kota Medan"),
    ("Anggota DPRD Provinsi Jawa Tengah, Budi Prasetyo, ikut memberi sambutan.",
     "Budi Prasetyo", "Anggota DPRD", "PEJABAT_POLITIK", None),
    ("Wali Nagari Koto Baru, Syafrizal Dt. Rajo Basa, membantah tuduhan itu.",
     "Syafrizal Dt. Rajo Basa", "Wali Nagari", "PERANGKAT_DESA", "Nagari Koto Baru"),
])
def test_title_then_name(text, name, position, category, institution):
    found = people(text)
    assert name in found, found.keys()
    p = found[name]
    assert p.position == position
    assert p.category == category
    if institution is not None:
        assert p.institution == institution


def test_initials_with_lowercase_titles_and_lists():
    found = people("Di Kabupaten Kapuas, seorang guru berinisial N kedapatan ikut dalam rombongan. "
                   "Sementara tiga ASN berinisial FS, IA dan LT mengunggah foto bersama calon.")
    assert {"N", "FS", "IA", "LT"} <= set(found)
    assert found["N"].position == "Guru" and found["N"].category == "ASN"
    assert found["FS"].category == "ASN" and found["FS"].position is None  # "ASN" is a category, not a post


def test_candidate_pair_gets_head_and_deputy_roles():
    found = people("Kampanye terbatas pasangan calon bupati dan wakil bupati nomor urut 1, Arsalan Makalalag–Hartina Badu, "
                   "digelar di lapangan desa.")
    assert found["Arsalan Makalalag"].position == "Calon Bupati"
    assert found["Hartina Badu"].position == "Calon Wakil Bupati"
    assert found["Hartina Badu"].category == "CALON"


def test_later_mentions_by_part_of_name_and_by_title():
    text = ("Ketua Bawaslu Kabupaten Solok, Titony Tanjung, memberikan apresiasi. "
            "Dalam paparannya, Titony menjelaskan dasar hukum. Sekretaris Daerah Kabupaten Solok, Medison, hadir. "
            "Sekda meminta ASN netral.")
    found = people(text)
    assert [text[s:e] for s, e in found["Titony Tanjung"].mentions] == ["Titony Tanjung", "Titony"]
    assert "Sekda" in [text[s:e] for s, e in found["Medison"].mentions]


def test_headlines_and_sentence_starts_are_not_names():
    found = people("ASN Pemkab Solok Harus Netral dalam Pemilu 2024\n\n"
                   "Terpisah, Ketua Bawaslu Kabupaten Solok, Afri Memori, memaparkan aturan. Dijelaskan, ASN merupakan pilar.")
    assert set(found) == {"Afri Memori"}


def test_lurah_in_yogyakarta_kalurahan_is_village_government():
    found = people("Video yang memperlihatkan Lurah Genjahan, Kapanewon Ponjong, Agung Nugroho, beredar luas.")
    assert found["Agung Nugroho"].category == "PERANGKAT_DESA"


@pytest.mark.parametrize("raw,clean", [
    ("Dr. Drs. Akbar Ali, AP, M.Si", "Akbar Ali"),
    ("Medison, S.Sos, M.Si", "Medison"),
    ("Medison SSos MSi", "Medison"),
    ("Jhonson Purba, SH, MH", "Jhonson Purba"),
    ("dr. Sri Wahyuni, Sp.A", "Sri Wahyuni"),
    ("AKBP Budi Santoso, S.I.K., M.H.", "Budi Santoso"),
    ("Hj. Nurhayati", "Nurhayati"),
    ("Letkol Inf Yuli Hartanto", "Yuli Hartanto"),
    ("SH", "SH"),  # initials that look like a title are kept when they are the whole name
    ("Andi Sudirman", "Andi Sudirman"),
])
def test_strip_titles(raw, clean):
    assert strip_titles(raw) == clean
