"""Tests for netral_nlp.rules.legal_refs."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.labels import LEGAL_KINDS
from netral_nlp.rules.legal_refs import LegalRefMatch, find_legal_refs

# (sentence, expected surface, kind, number, year)
CASES = [
    ("Hal itu sudah diatur dalam Pasal 2 Huruf f UU Nomor 5 tahun 2014 penyelenggaraan kebijakan dan manajemen ASN.",
     "UU Nomor 5 tahun 2014", "UU", "5", 2014),
    ("Sebagai ASN sudah ada regulasinya yakni UU Nomor 5 Tahun 2014 yang harus ditaati terus.",
     "UU Nomor 5 Tahun 2014", "UU", "5", 2014),
    ("Netralitas ASN diatur dalam UU No 5/2014 tentang Aparatur Sipil Negara.", "UU No 5/2014", "UU", "5", 2014),
    ("Larangan itu tercantum dalam UU No. 5/2014, kata Ketua Bawaslu.", "UU No. 5/2014", "UU", "5", 2014),
    ("Kampanye yang melibatkan ASN dilarang oleh UU 10/2016 tentang Pilkada.", "UU 10/2016", "UU", "10", 2016),
    ("Pasal 280 ayat (2) UU No. 7 Tahun 2017 tentang Pemilu melarang pelaksana kampanye melibatkan ASN.",
     "UU No. 7 Tahun 2017", "UU", "7", 2017),
    ("Ketentuan itu kini diatur dalam Undang-Undang Nomor 20 Tahun 2023 tentang ASN yang berlaku sejak Oktober.",
     "Undang-Undang Nomor 20 Tahun 2023", "UU", "20", 2023),
    ("Menurut Undang-undang (UU) Nomor 10 Tahun 2016, kepala desa dilarang membuat keputusan yang menguntungkan paslon.",
     "Undang-undang (UU) Nomor 10 Tahun 2016", "UU", "10", 2016),
    ("Hal ini sesuai Undang - Undang Nomor 10 tahun 2023 tentang ASN, ujar Camat.",
     "Undang - Undang Nomor 10 tahun 2023", "UU", "10", 2023),
    ("Sanksi disiplin mengacu pada PP 94 tahun 2021 tentang Disiplin PNS.", "PP 94 tahun 2021", "PP", "94", 2021),
    ("Pelanggaran itu bisa dijatuhi hukuman sesuai PP No. 94/2021.", "PP No. 94/2021", "PP", "94", 2021),
    ("Kode etik PNS diatur dalam PP Nomor: 42 Tahun 2004 tentang Pembinaan Jiwa Korps.",
     "PP Nomor: 42 Tahun 2004", "PP", "42", 2004),
    ("Dulu sanksinya berdasar Peraturan Pemerintah (PP) Nomor 53 Tahun 2010 tentang Disiplin PNS.",
     "Peraturan Pemerintah (PP) Nomor 53 Tahun 2010", "PP", "53", 2010),
    ("Penanganan temuan mengacu pada Perbawaslu Nomor 6 Tahun 2024 tentang pengawasan netralitas.",
     "Perbawaslu Nomor 6 Tahun 2024", "PERBAWASLU", "6", 2024),
    ("Laporan ditangani sesuai Peraturan Bawaslu Nomor 7 Tahun 2022 tentang Penanganan Temuan dan Laporan.",
     "Peraturan Bawaslu Nomor 7 Tahun 2022", "PERBAWASLU", "7", 2022),
    ("Jadwal tahapan tertuang dalam PKPU Nomor 2 Tahun 2024 tentang Tahapan dan Jadwal Pilkada.",
     "PKPU Nomor 2 Tahun 2024", "PKPU", "2", 2024),
    ("Pendaftaran paslon diatur Peraturan KPU No 8 Tahun 2024 tentang Pencalonan.",
     "Peraturan KPU No 8 Tahun 2024", "PKPU", "8", 2024),
    ("KASN resmi dibubarkan lewat Perpres Nomor 92 Tahun 2024 tentang BKN.", "Perpres Nomor 92 Tahun 2024", "PERPRES", "92", 2024),
    ("Presiden menandatangani Peraturan Presiden Nomor 91 Tahun 2024 tentang Kementerian PANRB.",
     "Peraturan Presiden Nomor 91 Tahun 2024", "PERPRES", "91", 2024),
    ("Pj kepala daerah wajib mematuhi Permendagri Nomor 1 Tahun 2023 soal cuti.", "Permendagri Nomor 1 Tahun 2023", "PERMEN", "1", 2023),
    ("Teknisnya diatur Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja.",
     "Peraturan Menteri PANRB Nomor 6 Tahun 2022", "PERMEN", "6", 2022),
    ("Larangan like dan share tertuang dalam SE MenPANRB Nomor B/71/M.SM.00.00/2017 tanggal 27 Desember 2017.",
     "SE MenPANRB Nomor B/71/M.SM.00.00/2017", "SE", "B/71/M.SM.00.00/2017", 2017),
    ("Kemudian terbit Surat Edaran Nomor: B/94/M.SM.00.00/2019 menjelang Pemilu 2019.",
     "Surat Edaran Nomor: B/94/M.SM.00.00/2019", "SE", "B/94/M.SM.00.00/2019", 2019),
    ("ASN yang pasangannya maju Pilkada wajib netral sesuai SE Menteri PANRB Nomor 18/2023.",
     "SE Menteri PANRB Nomor 18/2023", "SE", "18", 2023),
    ("Pegawai non-ASN juga terikat SE Nomor 1 Tahun 2023 tentang netralitas PPNPN.", "SE Nomor 1 Tahun 2023", "SE", "1", 2023),
    ("Bupati menerbitkan Surat Edaran Bupati Kukar Nomor P-20/PKAP/800.1.10/10/2024 tentang netralitas ASN.",
     "Surat Edaran Bupati Kukar Nomor P-20/PKAP/800.1.10/10/2024", "SE", "P-20/PKAP/800.1.10/10/2024", 2024),
    ("Sekda menerbitkan SE No 800/1109/29 kepada seluruh kepala OPD di Klaten.", "SE No 800/1109/29", "SE", "800/1109/29", None),
    ("Pedoman pengawasan netralitas ada dalam SKB Nomor 2 Tahun 2022 yang ditandatangani lima lembaga.",
     "SKB Nomor 2 Tahun 2022", "SKB", "2", 2022),
    ("Pedoman itu ditetapkan dengan Keputusan Bersama MenPANRB, Mendagri, Kepala BKN, Ketua KASN, dan Ketua Bawaslu "
     "Nomor 2 Tahun 2022, Nomor 800-5474 Tahun 2022, Nomor 246 Tahun 2022, Nomor 30 Tahun 2022, "
     "Nomor 1447.1/PM.01/K.1/09/2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN.",
     "Keputusan Bersama MenPANRB, Mendagri, Kepala BKN, Ketua KASN, dan Ketua Bawaslu Nomor 2 Tahun 2022", "SKB", "2", 2022),
    ("Hal itu diatur dalam Perda Nomor 3 Tahun 2019 tentang Pemilihan Kepala Desa.", "Perda Nomor 3 Tahun 2019", "PERDA", "3", 2019),
    ("Gubernur menetapkan Pergub Nomor 12 Tahun 2023 tentang kode etik pegawai.", "Pergub Nomor 12 Tahun 2023", "LAINNYA", "12", 2023),
    ("Tahapan pilkades mengikuti Perbup No. 40 Tahun 2023, kata Kadis PMD.", "Perbup No. 40 Tahun 2023", "LAINNYA", "40", 2023),
    ("Pemerintah wajib membentuk lembaga independen sesuai Putusan MK Nomor 121/PUU-XXII/2024.",
     "Putusan MK Nomor 121/PUU-XXII/2024", "LAINNYA", "121/PUU-XXII/2024", 2024),
    ("Anggota Polri terikat Perpol Nomor 7 Tahun 2022 tentang Kode Etik Profesi.", "Perpol Nomor 7 Tahun 2022", "LAINNYA", "7", 2022),
    ("Aturan disiplin dijabarkan lebih lanjut dalam Peraturan BKN Nomor 6 Tahun 2022.", "Peraturan BKN Nomor 6 Tahun 2022", "LAINNYA", "6", 2022),
    ("gaes inget ya asn itu dilarang kampanye, ada di uu no 7 tahun 2017 pasal 280",
     "uu no 7 tahun 2017", "UU", "7", 2017),
    ("Hal itu diatur dalam Undang-Undang Republik Indonesia Nomor 5 Tahun 2014 tentang ASN.",
     "Undang-Undang Republik Indonesia Nomor 5 Tahun 2014", "UU", "5", 2014),
    ("Sanksi sesuai Pasal 5 huruf n angka 5 PP Nomor 94/2021 tentang Disiplin PNS.", "PP Nomor 94/2021", "PP", "94", 2021),
    ("Gubernur juga mengirim Surat Gubernur Sumbar nomor 800/254/IV.1/BKD ke bupati dan wali kota.",
     "Surat Gubernur Sumbar nomor 800/254/IV.1/BKD", "SE", "800/254/IV.1/BKD", None),
    ("Hal tersebut tertuang dalam UU Pemilu No 7 tahun 2017.", "UU Pemilu No 7 tahun 2017", "UU", "7", 2017),
    ("Aturan cuti ada di Peraturan Menteri Dalam Negeri (Permendagri) Nomor 1 Tahun 2023.",
     "Peraturan Menteri Dalam Negeri (Permendagri) Nomor 1 Tahun 2023", "PERMEN", "1", 2023),
    ("Netralitas ASN diatur dalam UU ASN 20/2023 dan aturan turunannya.", "UU ASN 20/2023", "UU", "20", 2023),
    ("Pasal 14 huruf I angka 3 dan 4 PP 94/2021 mengatur hukuman disiplin sedang.", "PP 94/2021", "PP", "94", 2021),
    ("KASN dibubarkan berdasarkan Perpres Nomor 91 Tahun 2014 tentang Kementerian PANRB.",  # misprint kept
     "Perpres Nomor 91 Tahun 2014", "PERPRES", "91", 2014),
    ("Ia merujuk pada UU 7 Tahun 2023 tentang Pemilu.", "UU 7 Tahun 2023", "UU", "7", 2023),  # misprint kept
    ("Prosedur diatur Peraturan Komisi Pemilihan Umum Nomor 15 Tahun 2023 tentang Kampanye.",
     "Peraturan Komisi Pemilihan Umum Nomor 15 Tahun 2023", "PKPU", "15", 2023),
    ("Ketentuan SKB 5 Menteri Nomor 2 Tahun 2022 wajib dipatuhi semua OPD.", "SKB 5 Menteri Nomor 2 Tahun 2022", "SKB", "2", 2022),
    ("Pedoman ini mengacu pada Surat Keputusan Bersama (SKB) Nomor 2 Tahun 2022 tentang netralitas ASN.",
     "Surat Keputusan Bersama (SKB) Nomor 2 Tahun 2022", "SKB", "2", 2022),
]


@pytest.mark.parametrize("sentence,surface,kind,number,year", CASES)
def test_single_reference(sentence, surface, kind, number, year):
    refs = find_legal_refs(sentence)
    assert len(refs) == 1, refs
    ref = refs[0]
    assert sentence[ref.start:ref.end] == surface
    assert (ref.kind, ref.number, ref.year) == (kind, number, year)


def test_case_count():
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Titony menjelaskan dasar hukum netralitas ASN, termasuk UU Nomor 20 Tahun 2023 tentang ASN, "
         "PP Nomor 94 Tahun 2021 tentang Disiplin PNS, dan PP Nomor 11 Tahun 2017 tentang Manajemen PNS.",
         [("UU", "20", 2023, "UU Nomor 20 Tahun 2023"), ("PP", "94", 2021, "PP Nomor 94 Tahun 2021"),
          ("PP", "11", 2017, "PP Nomor 11 Tahun 2017")]),
        ("Rujukannya PP Nomor 94 Tahun 2021 dan PP Nomor 11 Tahun 2017.",
         [("PP", "94", 2021, "PP Nomor 94 Tahun 2021"), ("PP", "11", 2017, "PP Nomor 11 Tahun 2017")]),
        ("Hal itu diatur UU Nomor 5 Tahun 2014 juncto UU Nomor 20 Tahun 2023.",
         [("UU", "5", 2014, "UU Nomor 5 Tahun 2014"), ("UU", "20", 2023, "UU Nomor 20 Tahun 2023")]),
        ("Sanksi pidana diatur UU Nomor 7 Tahun 2017 dan Nomor 10 Tahun 2016 tentang pemilihan.",
         [("UU", "7", 2017, "UU Nomor 7 Tahun 2017"), ("UU", "10", 2016, "Nomor 10 Tahun 2016")]),
        ("Yang dipakai bukan UU ASN, melainkan PP Nomor 94 Tahun 2021.", [("PP", "94", 2021, "PP Nomor 94 Tahun 2021")]),
    ],
)
def test_lists(sentence, expected):
    got = [(r.kind, r.number, r.year, sentence[r.start:r.end]) for r in find_legal_refs(sentence)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "ASN wajib netral sesuai UU ASN dan UU Pemilu.",
        "Hal itu melanggar pasal 280 ayat (2) huruf f.",
        "Paslon nomor urut 2 menggelar kampanye akbar di Lapangan Merdeka.",
        "Laporan bisa disampaikan ke Nomor 08123456789 milik Bawaslu.",
        "Tahun 2024 adalah tahun politik bagi ASN.",
        "Dia ganti foto PP 2 kali sehari setelah debat capres.",
        "Tiket PP Jakarta-Padang 2 tahun 2024 naik, keluh warga.",
        "Aturan tentang ini ada di SKB 5 Menteri yang diteken tahun 2022.",
        "foto pp no 2 kemarin bagus banget",
        "Informasi lengkap di https://jdih.example.go.id/uu/No/5/2014 dan admin@pp.go.id.",
        "Regulasi itu diatur dalam UU tentang ASN yang baru disahkan DPR.",
        "Peraturan Nomor 5 Tahun 2014 itu sudah dicabut.",
    ],
)
def test_negatives(sentence):
    assert find_legal_refs(sentence) == []


def test_not_inside_words():
    assert find_legal_refs("Kata MUUNomor 5 Tahun 2014 dan APP 94 tahun 2021 bukan rujukan.") == []


def test_match_is_frozen_and_serializable():
    ref = find_legal_refs("sesuai UU Nomor 5 tahun 2014")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.kind = "PP"  # type: ignore[misc]
    assert ref.to_dict() == {"kind": "UU", "number": "5", "year": 2014, "span": [7, 28]}


def test_empty_and_non_string():
    assert find_legal_refs("") == []
    assert find_legal_refs(None) == []  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(["UU", "PP", "Nomor", "No.", "Tahun", "2014", "5/2014", "SE", "Surat Edaran", "(UU)",
                             "Keputusan Bersama", "/", "-", " ", ",", "dan", "B/71/M.SM.00.00/2017", "Perbup", "uu no"]),
        ),
        max_size=25,
    ).map(" ".join)
)
def test_random_text_never_crashes(text):
    refs = find_legal_refs(text)
    last_end = -1
    for r in refs:
        assert isinstance(r, LegalRefMatch)
        assert 0 <= r.start < r.end <= len(text)
        assert r.start >= last_end
        last_end = r.end
        assert r.kind in LEGAL_KINDS
        assert r.number and r.number in text[r.start:r.end]
        assert r.year is None or isinstance(r.year, int)
