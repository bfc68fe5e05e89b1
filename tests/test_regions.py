"""Tests for netral_nlp.components.regions and the region facts in netral_nlp.gazetteer."""
from __future__ import annotations

import pytest

from netral_nlp.components.regions import find_regions
from netral_nlp.gazetteer import AMBIGUOUS_ALIASES, NAME_VARIANTS, REGENCY_ALIASES, get_gazetteer


def names(text: str) -> list[str]:
    """Official names of the regions found, in order of first mention."""
    out: list[str] = []
    for _, _, r in find_regions(text):
        if r.name not in out:
            out.append(r.name)
    return out


# (text, regions expected in the result)
FOUND = [
    # joined spellings of two-word names, and a joined official name written apart
    ("Panwaslu Kota Tanjungpinang memanggil seorang lurah.", ["Kota Tanjung Pinang"]),
    ("Rapat pleno Bawaslu Pangkalpinang digelar tertutup.", ["Kota Pangkal Pinang"]),
    ("Kasus itu terjadi di Kota Palangka Raya pekan lalu.", ["Kota Palangkaraya"]),
    ("Bawaslu Kota Bau-Bau menerima laporan warga.", ["Kota Bau Bau"]),
    # usual short forms of kabupaten
    ("Seorang guru PPPK di Lotim dilaporkan karena unggahan dukungan.", ["Kabupaten Lombok Timur"]),
    ("Pj Bupati Kukar meminta ASN tidak ikut kampanye.", ["Kabupaten Kutai Kartanegara"]),
    ("Sekda OKI mengumpulkan para kepala desa.", ["Kabupaten Ogan Komering Ilir"]),
    # titles written in lower case
    ("Dua ASN ikut deklarasi calon wali kota Bengkulu.", ["Kota Bengkulu"]),
    ("Camat itu mendampingi bupati Lahat saat reses.", ["Kabupaten Lahat"]),
    # a capitalised locative at the start of a sentence
    ("Di Pinrang, seorang lurah mengunggah foto bersama calon.", ["Kabupaten Pinrang"]),
    # a province and its capital share a name: bare or after "di" it is the province
    ("Pemantauan di Jambi menemukan pola yang sama.", ["Jambi"]),
    # a name that is also a province alias is the province, not the kabupaten inside it
    ("ASN di Bangka Belitung diminta netral.", ["Kepulauan Bangka Belitung"]),
    # lists continue a place with others of the same province
    ("Laporan datang dari Kabupaten Klaten 6 kasus, Boyolali 4 kasus, dan Wonogiri.",
     ["Kabupaten Klaten", "Kabupaten Boyolali", "Kabupaten Wonogiri"]),
    ("Pilkades ditunda di dua kabupaten, yakni Sinjai dan Wajo.", ["Kabupaten Sinjai", "Kabupaten Wajo"]),
    # hashtags and handles
    ("Kades ikut joget di panggung kampanye 😅 #PilkadaLamteng2024", ["Kabupaten Lampung Tengah"]),
    ("Tolong dicek @bawaslu_kukar", ["Kabupaten Kutai Kartanegara"]),
    ("Baliho pejabat di mana-mana #PilkadaKabBekasi", ["Kabupaten Bekasi"]),
    ("Spanduk calon terpasang di depan kantor desa #PilkadaKotabaru", ["Kabupaten Kotabaru"]),
    # a hashtag follows the level the text gives
    ("Kepala dinas hadir di acara pasangan calon bupati Malang. #PilkadaMalang",
     ["Kabupaten Malang"]),
    # a hotel carries its city's name
    ("Bimtek netralitas digelar di Hotel Grand Mutiara Pekanbaru, Rabu (2/10/2024).", ["Kota Pekanbaru"]),
    # capitals in headlines and broadcast messages, after a title or body
    ("*INFO PENTING* DEBAT PILGUB SUMATERA BARAT DIGELAR MALAM INI", ["Sumatera Barat"]),
    ("PEMKAB GARUT DAN PEMKOT BANDUNG GELAR APEL NETRALITAS", ["Kabupaten Garut", "Kota Bandung"]),
    # Jakarta is the province after a title or body
    ("Pemprov Jakarta menerbitkan edaran netralitas, DPRD DKI ikut mengawasi.", ["Daerah Khusus Ibukota Jakarta"]),
    # no kabupaten/kota named: a uniquely named kecamatan gives it
    ("Camat Duren Sawit diperiksa pengawas.", ["Kota Administrasi Jakarta Timur"]),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_regions_found(text, expected):
    assert names(text) == expected


# (text, regions that must not be in the result)
NOT_FOUND = [
    # the place where a speaker was quoted, only
    ("\"Kami sudah memeriksa tiga saksi,\" kata Hendra di Pekanbaru, Selasa (8/10/2024).", ["Kota Pekanbaru"]),
    # the author's place in an opinion piece
    ("Oleh: Rudi Hartono, dosen ilmu politik di Palembang\n\nNetralitas ASN kembali diuji.", ["Kota Palembang"]),
    # a comparison with other places
    ("Kejadian serupa juga ditemukan di kabupaten lain di Jawa Timur.", ["Jawa Timur"]),
    # the national capital as a venue; a dateline on the line after a title
    ("Rapat koordinasi digelar di Jakarta, Kamis (5/9/2024).", ["Daerah Khusus Ibukota Jakarta"]),
    ("Pj Bupati Cek Kesiapan KPU\n\nMERAUKE – Penjabat bupati meninjau gudang logistik.", ["Kabupaten Merauke"]),
    # where a national body's regional office sits; a statement's venue closing the sentence
    ("Bawaslu Sulbar berkoordinasi ke Kantor Regional IV BKN di Makassar pada 27 September 2024.", ["Kota Makassar"]),
    ('"Kami kawal," ujar seorang anggota Bawaslu Sumut di Medan.', ["Kota Medan"]),
    # a home town or an electoral district
    ("Seorang caleg asal Kabupaten Agam membagikan kalender di kantor camat.", ["Kabupaten Agam"]),
    ("Kepala sekolah itu mengajak guru memilih caleg DPR RI dapil Sulsel.", ["Sulawesi Selatan"]),
    # institutions and NGOs carrying a place name
    ("Dosen Universitas Jambi menjadi ahli dalam sidang.", ["Jambi"]),
    ("Aktivis JPPR Sumsel meminta pengawas bertindak.", ["Sumatera Selatan"]),
    ("Gaji pegawai dibayarkan lewat Bank Jateng.", ["Jawa Tengah"]),
    # a province-level body is not a kota of the same name
    ("Personel Polda Metro Jaya berjaga di kantor KPU.", ["Kota Metro"]),
    # "X Raya" is a cultural area, not the kabupaten
    ("Sangadi adalah sebutan kepala desa di Bolaang Mongondow Raya.", ["Kabupaten Bolaang Mongondow"]),
    # all-capital short forms are also people's initials
    ("Kepala desa berinisial SBB diperiksa Bawaslu Kabupaten Bogor.", ["Kabupaten Seram Bagian Barat"]),
    # a short form that is also a word needs a context word
    ("Mateng banget ide kampanye paslon ini.", ["Kabupaten Mamuju Tengah"]),
]


@pytest.mark.parametrize("text,absent", NOT_FOUND)
def test_regions_not_found(text, absent):
    got = names(text)
    for name in absent:
        assert name not in got


def test_slogan_hashtags_are_no_kecamatan():
    # "Damai" is also a kecamatan; after an election prefix it is a slogan
    assert names("Ayo ke TPS! #PemiluDamai #PilkadaDamai") == []


def test_passing_mention_kept_when_named_otherwise():
    text = ("Bawaslu Kota Pekanbaru meneruskan temuan itu ke BKN. "
            "\"Berkasnya sudah lengkap,\" ujar Hendra di Pekanbaru, Senin (7/10/2024).")
    assert names(text) == ["Kota Pekanbaru"]


def test_aliases_name_gazetteer_regions():
    gaz = get_gazetteer()
    aliases = gaz.regency_aliases()  # raises on an alias naming no region
    assert set(aliases) == set(REGENCY_ALIASES) | set(NAME_VARIANTS)
    assert AMBIGUOUS_ALIASES <= set(REGENCY_ALIASES)
    assert gaz.parent(gaz.by_code["31.75"]).name == "Daerah Khusus Ibukota Jakarta"


def test_mentions_do_not_overlap_and_are_ordered():
    text = "Bupati Lombok Timur dan Wali Kota Mataram hadir di Lotim bersama Gubernur NTB. #PilkadaLotim"
    found = find_regions(text)
    assert [s for s, _, _ in found] == sorted(s for s, _, _ in found)
    for (s1, e1, _), (s2, e2, _) in zip(found, found[1:]):
        assert e1 <= s2
