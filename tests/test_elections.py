"""Tests for netral_nlp.rules.elections."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.labels import is_election_code
from netral_nlp.rules.elections import ElectionMatch, elections_in, find_elections

# (sentence, expected surface, expected code), no reference year
CASES = [
    ("ASN Kabupaten Solok harus netral menjelang penyelenggaraan Pemilihan Umum (Pemilu) 2024.",
     "Pemilihan Umum (Pemilu) 2024", "PEMILU_2024"),
    ("Bawaslu mengingatkan ASN agar netral dalam Pemilu 2024 mendatang.", "Pemilu 2024", "PEMILU_2024"),
    ("Pada Pemilu Serentak 2019 lalu, ada beberapa kasus pelanggaran netralitas.", "Pemilu Serentak 2019", "PEMILU_2019"),
    ("Banyak ASN terjebak politik praktis saat Pilpres 2024.", "Pilpres 2024", "PEMILU_2024"),
    ("Caleg itu gagal melenggang ke DPRD pada Pileg 2019.", "Pileg 2019", "PEMILU_2019"),
    ("KASN menerima 99 laporan selama Pemilihan Presiden dan Wakil Presiden 2019.",
     "Pemilihan Presiden dan Wakil Presiden 2019", "PEMILU_2019"),
    ("Tahapan Pemilihan Legislatif 2024 sudah memasuki masa kampanye.", "Pemilihan Legislatif 2024", "PEMILU_2024"),
    ("Jumlah pelanggaran pada Pilkada Serentak 2020 tercatat 917 kasus.", "Pilkada Serentak 2020", "PILKADA_2020"),
    ("Sukseskan Pilkada 2024 dengan menjaga netralitas ASN.", "Pilkada 2024", "PILKADA_2024"),
    ("Sengketa hasil Pemilukada 2018 masih diingat warga.", "Pemilukada 2018", "PILKADA_2018"),
    ("Salah satu calon di Pilgub Sumbar 2024 adalah bupati aktif.", "Pilgub Sumbar 2024", "PILKADA_2024"),
    ("Bawaslu menangani dugaan pelanggaran ASN di Pilbup Solok 2020.", "Pilbup Solok 2020", "PILKADA_2020"),
    ("Menantu presiden maju di Pilwalkot Medan 2020.", "Pilwalkot Medan 2020", "PILKADA_2020"),
    ("Jelang Pilwako 2024, Pemko mengumpulkan para lurah.", "Pilwako 2024", "PILKADA_2024"),
    ("Pemerintah Kabupaten Solok menyambut Pemilihan Kepala Daerah (Pilkada) Serentak 2024 dengan sosialisasi.",
     "Pemilihan Kepala Daerah (Pilkada) Serentak 2024", "PILKADA_2024"),
    ("KPU menetapkan tiga pasangan calon dalam Pemilihan Gubernur dan Wakil Gubernur Jawa Timur 2024.",
     "Pemilihan Gubernur dan Wakil Gubernur Jawa Timur 2024", "PILKADA_2024"),
    ("Tahapan Pemilihan Bupati dan Wakil Bupati Solok Tahun 2020 ditunda karena pandemi.",
     "Pemilihan Bupati dan Wakil Bupati Solok Tahun 2020", "PILKADA_2020"),
    ("Sebanyak 120 desa akan menggelar Pilkades serentak 2021 pada bulan Juni.", "Pilkades serentak 2021", "PILKADES_2021"),
    ("Panitia pemilihan kepala desa 2023 mulai membuka pendaftaran.", "pemilihan kepala desa 2023", "PILKADES_2023"),
    ("Sengketa Pilkades 2019 di desa itu belum selesai.", "Pilkades 2019", "PILKADES_2019"),
    ("Wali nagari petahana kembali maju dalam pemilihan wali nagari 2022.", "pemilihan wali nagari 2022", "PILKADES_2022"),
    ("Perangkat desa diminta netral pada pemilihan kuwu serentak 2021 di Cirebon.", "pemilihan kuwu serentak 2021", "PILKADES_2021"),
    ("Situasi pasca Pemilu 2024 berangsur kondusif.", "Pemilu 2024", "PEMILU_2024"),
    ("wkwk pns kok ikut kampanye, pileg thn 2019 juga gitu", "pileg thn 2019", "PEMILU_2019"),
    ("awas asn jangan ikut2an pilpres 2024 ya", "pilpres 2024", "PEMILU_2024"),
    ("Ayo sukseskan #Pemilu2024 dengan damai", "Pemilu2024", "PEMILU_2024"),
    ("Jaga netralitas di Pemilu '24!", "Pemilu '24", "PEMILU_2024"),
    ("SELAMAT MENYUKSESKAN PILKADA SERENTAK 2024", "PILKADA SERENTAK 2024", "PILKADA_2024"),
    ("Petahana kalah pada Pilkada DKI Jakarta 2017.", "Pilkada DKI Jakarta 2017", "PILKADA_2017"),
    ("Ribuan TPS disiapkan untuk Pemilihan Serentak 2019 di provinsi ini.", "Pemilihan Serentak 2019", "PEMILU_2019"),
]


@pytest.mark.parametrize("sentence,surface,code", CASES)
def test_election_phrasings(sentence, surface, code):
    matches = find_elections(sentence)
    assert [(m.code, sentence[m.start:m.end]) for m in matches] == [(code, surface)]


def test_case_count():
    assert len(CASES) >= 25


@pytest.mark.parametrize(
    "sentence,codes",
    [
        ("ASN wajib netral dalam Pemilu dan Pilkada 2024.", ["PEMILU_2024", "PILKADA_2024"]),
        ("Pedoman Netralitas ASN dalam Penyelenggaraan Pemilu dan Pemilihan Serentak 2024.", ["PEMILU_2024", "PILKADA_2024"]),
        ("Pengawasan netralitas pada Pemilihan Umum dan Pemilihan Tahun 2024.", ["PEMILU_2024", "PILKADA_2024"]),
        ("Pileg, Pilpres dan Pilkada 2024 digelar pada tahun yang sama.", ["PEMILU_2024", "PILKADA_2024"]),
        ("Bandingkan Pemilu 2019 dan 2024: pelanggaran ASN naik.", ["PEMILU_2019", "PEMILU_2024"]),
        ("Data Bawaslu pada pemilu 2019 menunjukkan ASN rawan; kini jelang Pemilu 2024.", ["PEMILU_2019", "PEMILU_2024"]),
        ("Setelah Pemilu 2019, perhatian beralih ke Pilkada 2020.", ["PEMILU_2019", "PILKADA_2020"]),
    ],
)
def test_several_codes(sentence, codes):
    assert elections_in(sentence) == codes


def test_coordinated_spans():
    text = "ASN wajib netral dalam Pemilu dan Pilkada 2024."
    got = [(m.code, text[m.start:m.end]) for m in find_elections(text)]
    assert got == [("PEMILU_2024", "Pemilu dan Pilkada 2024"), ("PILKADA_2024", "Pilkada 2024")]


@pytest.mark.parametrize(
    "sentence,reference_year,codes",
    [
        ("ASN harus netral menjelang pemilu.", 2023, ["PEMILU_2024"]),
        ("ASN harus netral menjelang pemilu.", 2024, ["PEMILU_2024"]),
        ("ASN harus netral menjelang pemilu.", 2018, ["PEMILU_2019"]),
        ("ASN harus netral menjelang pemilu.", 2019, ["PEMILU_2019"]),
        ("ASN harus netral menjelang pemilu.", 2021, []),
        ("ASN harus netral menjelang pemilu.", None, []),
        ("Kami berharap sinergi ini berlanjut hingga masa tenang Pilkada nanti.", 2024, ["PILKADA_2024"]),
        ("Kami berharap sinergi ini berlanjut hingga masa tenang Pilkada nanti.", 2020, ["PILKADA_2020"]),
        ("Kami berharap sinergi ini berlanjut hingga masa tenang Pilkada nanti.", 2022, []),
        ("Pilkades digelar bulan depan.", 2021, []),
        ("Berbeda dengan Pilpres, Pilkada melibatkan tokoh lokal.", 2024, ["PEMILU_2024", "PILKADA_2024"]),
        ("Pemilu 2019 lalu banyak kasus; pemilu kali ini harus lebih baik.", 2023, ["PEMILU_2019", "PEMILU_2024"]),
        ("ASN harus netral menjelang pemilu.", 1990, []),
    ],
)
def test_bare_mentions_with_reference_year(sentence, reference_year, codes):
    assert elections_in(sentence, reference_year) == codes


@pytest.mark.parametrize(
    "sentence",
    [
        "Panitia pemilu raya mahasiswa 2024 menetapkan ketua BEM terpilih.",
        "Warga menggelar pemilihan ketua RT 2024 secara musyawarah.",
        "Dinas Pariwisata menggelar pemilihan putri pariwisata 2024.",
        "Senat memulai pemilihan rektor 2024 pekan depan.",
        "Sejarah Pemilu 1955 sering dijadikan rujukan.",
        "Pemilu 2034 masih jauh.",
        "Menjelang pilkada 24 kabupaten di provinsi ini bersiap.",
        "Pemilu dan pemilihan ketua RT 2024 sama-sama penting.",
        "Kepemiluan dan pemiluan bukan kata yang sama.",
    ],
)
def test_negatives(sentence):
    assert elections_in(sentence) == []


def test_bare_chain_member_needs_a_year():
    # "pemilihan" after "Pemilu" is Pilkada only with a shared year.
    assert elections_in("Pemilu dan pemilihan ketua RT 2024 sama-sama penting.", 2024) == ["PEMILU_2024"]


def test_codes_follow_contract_pattern():
    text = "Pemilu 2019, Pilkada 2020, Pilkades 2021, Pemilu dan Pilkada 2024, pemilu, pilkada."
    codes = elections_in(text, 2024)
    assert codes == ["PEMILU_2019", "PILKADA_2020", "PILKADES_2021", "PEMILU_2024", "PILKADA_2024"]
    assert all(is_election_code(c) for c in codes)


def test_match_frozen_and_empty_input():
    m = find_elections("Pemilu 2024")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.code = "X"  # type: ignore[misc]
    assert find_elections("") == [] and elections_in(None) == []  # type: ignore[arg-type]


_PIECES = ["Pemilu", "pemilu", "Pilkada", "Pilkades", "Pemilihan", "Umum", "dan", "Serentak", "2024", "'24", "(",
           ")", "Tahun", ",", "Wakil", "Bupati", "Raya", "1999", "2029", "Sumbar", "/"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=20), st.sampled_from(_PIECES)), max_size=25).map(" ".join),
    st.one_of(st.none(), st.integers(min_value=-10, max_value=10000)),
)
def test_random_text_never_crashes(text, reference_year):
    matches = find_elections(text, reference_year)
    for m in matches:
        assert isinstance(m, ElectionMatch)
        assert 0 <= m.start < m.end <= len(text)
        assert is_election_code(m.code)
        assert 1999 <= int(m.code.rsplit("_", 1)[1]) <= 2029
    assert elections_in(text, reference_year) == list(dict.fromkeys(m.code for m in matches))
