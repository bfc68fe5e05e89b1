"""Tests for netral_nlp.rules.dates."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral_nlp.rules.dates import DateMatch, find_dateline_date, find_dates, parse_date

D = dt.date
REF = D(2024, 11, 21)  # a Thursday

# (sentence, expected surface, expected date) against REF
CASES = [
    ("Medison memimpin apel pagi, Senin (15/5/2023) di Lapangan Kantor Bupati Solok.", "Senin (15/5/2023)", D(2023, 5, 15)),
    ("Acara ini berlangsung di Ruang Rapat Sekretaris Daerah pada Kamis (21/11/2024).", "Kamis (21/11/2024)", D(2024, 11, 21)),
    ("Bawaslu memanggil kepala desa itu untuk klarifikasi, Selasa (19/11).", "Selasa (19/11)", D(2024, 11, 19)),
    ("Sosialisasi digelar di aula kantor camat (21/11).", "(21/11)", D(2024, 11, 21)),
    ("Apel netralitas ASN digelar pada 15 Mei 2023 di halaman kantor bupati.", "15 Mei 2023", D(2023, 5, 15)),
    ("Padang, Kamis, 21 November 2024 - Bawaslu Sumbar merilis temuan pelanggaran.", "Kamis, 21 November 2024", D(2024, 11, 21)),
    ("Surat itu ditandatangani tanggal 21-11-2024 oleh Pjs Bupati.", "21-11-2024", D(2024, 11, 21)),
    ("Rekomendasi KASN tertanggal 21/11/2024 sudah diterima BKPSDM.", "21/11/2024", D(2024, 11, 21)),
    ("Last Updated 2024-11-21T10:53:31Z", "2024-11-21", D(2024, 11, 21)),
    ("Deklarasi itu digelar pada 15 Mei di rumah makan milik timses.", "15 Mei", D(2024, 5, 15)),
    ("Oknum camat itu menghadiri deklarasi paslon pada 3 Oktober lalu.", "3 Oktober lalu", D(2024, 10, 3)),
    ("Pemungutan suara digelar Rabu (9/12/2020) malam hari.", "Rabu (9/12/2020)", D(2020, 12, 9)),
    ("Hari pencoblosan Pilkada jatuh pada 27 Nov 2024 serentak se-Indonesia.", "27 Nov 2024", D(2024, 11, 27)),
    ("Foto itu diunggah pada 3 Ags 2024 di akun Facebook miliknya.", "3 Ags 2024", D(2024, 8, 3)),
    ("Panwascam menerima laporan warga pada 12 Agt 2024.", "12 Agt 2024", D(2024, 8, 12)),
    ("Laporan masuk pada 5 Agu 2024, kata Ketua Bawaslu.", "5 Agu 2024", D(2024, 8, 5)),
    ("Penetapan paslon dilakukan 22 Sept 2024 di kantor KPU.", "22 Sept 2024", D(2024, 9, 22)),
    ("Masa kampanye dimulai 25 Sep 2024 dan berakhir 23 Nov 2024.", "25 Sep 2024", D(2024, 9, 25)),
    ("Sidang etik digelar 14 Okt 2024 di Jakarta.", "14 Okt 2024", D(2024, 10, 14)),
    ("Pengumuman itu disampaikan 31 Des 2023 malam.", "31 Des 2023", D(2023, 12, 31)),
    ("SE itu terbit pada 3 Jan 2023 untuk pegawai non-ASN.", "3 Jan 2023", D(2023, 1, 3)),
    ("Rapat koordinasi digelar 14 Februari 2024 bertepatan hari pencoblosan.", "14 Februari 2024", D(2024, 2, 14)),
    ("Warga melapor ke Panwaslu 12 Nopember 2024.", "12 Nopember 2024", D(2024, 11, 12)),
    ("Camat itu diperiksa Bawaslu kemarin terkait unggahannya.", "kemarin", D(2024, 11, 20)),
    ("Bawaslu menggelar apel siaga hari ini di halaman kantor.", "hari ini", D(2024, 11, 21)),
    ("Video itu viral sejak kemarin lusa di grup WhatsApp.", "kemarin lusa", D(2024, 11, 19)),
    ("Kepala desa itu menghadiri kampanye Senin lalu di Kecamatan Gunung Talang.", "Senin lalu", D(2024, 11, 18)),
    ("ASN tersebut sudah dipanggil Senin kemarin untuk klarifikasi.", "Senin kemarin", D(2024, 11, 18)),
    ("Pemeriksaan dilakukan Kamis lalu oleh tim Gakkumdu.", "Kamis lalu", D(2024, 11, 14)),
    ("Hasil kajian akan diumumkan Jumat depan, ujarnya.", "Jumat depan", D(2024, 11, 22)),
    # the weekday of the week before (or after) the reference's week, Monday to Sunday
    ("Laporan itu masuk ke Panwaslu pada Kamis pekan lalu.", "Kamis pekan lalu", D(2024, 11, 14)),
    ("Camat itu sudah diklarifikasi Rabu minggu lalu.", "Rabu minggu lalu", D(2024, 11, 13)),
    ("Sidang disiplin dijadwalkan Senin pekan depan.", "Senin pekan depan", D(2024, 11, 25)),
    ("Salat Jumat dilanjutkan sosialisasi Jum'at (22/11/2024) di masjid raya.", "Jum'at (22/11/2024)", D(2024, 11, 22)),
    ("Kegiatan diadakan pada Minggu (17/11/2024) di lapangan.", "Minggu (17/11/2024)", D(2024, 11, 17)),
]


@pytest.mark.parametrize("sentence,surface,expected", CASES)
def test_date_phrasings(sentence, surface, expected):
    matches = find_dates(sentence, REF)
    assert matches, sentence
    m = matches[0]
    assert sentence[m.start:m.end] == surface == m.text
    assert m.date == expected


def test_case_count():
    assert len(CASES) >= 25


@pytest.mark.parametrize(
    "sentence",
    [
        "Pengumuman hasil seleksi dijadwalkan Agustus 2024.",
        "Pekan lalu Bawaslu menerima tiga laporan.",
        "Minggu lalu ada tiga laporan yang masuk.",
        "Pada pemilu kemarin ada ASN yang dilaporkan.",
        "Tahun kemarin pelanggaran netralitas meningkat.",
        "Apel dimulai pukul 07.30 WIB di halaman kantor.",
        "Sesuai SE Nomor P-20/PKAP/800.1.10/10/2024 dari bupati.",
        "Nomor telepon pengaduan 0812-3456-7890.",
    ],
)
def test_no_date(sentence):
    assert [m for m in find_dates(sentence, REF)] == []


def test_invalid_date_gives_none_not_crash():
    matches = find_dates("Surat bertanggal 31/2/2024 itu dinilai janggal.", REF)
    assert len(matches) == 1 and matches[0].text == "31/2/2024" and matches[0].date is None
    assert parse_date("31/2/2024") is None
    assert parse_date("30 Februari 2024") is None
    assert parse_date("Senin (31/4/2023)") is None


def test_yearless_without_reference_is_unresolved():
    assert [(m.text, m.date) for m in find_dates("Apel digelar Senin (15/5) pagi.")] == [("Senin (15/5)", None)]
    assert [(m.text, m.date) for m in find_dates("Ia diperiksa kemarin.")] == [("kemarin", None)]


def test_yearless_year_rollover():
    assert find_dates("Apel digelar (30/12).", D(2024, 1, 2))[0].date == D(2023, 12, 30)
    assert find_dates("Rapat pada 2 Januari.", D(2023, 12, 29))[0].date == D(2024, 1, 2)
    assert find_dates("Kejadian 25 Desember lalu.", D(2024, 1, 5))[0].date == D(2023, 12, 25)
    assert find_dates("Kejadian 15 Mei.", D(2024, 11, 21))[0].date == D(2024, 5, 15)


def test_relative_weekday_is_strictly_before_reference():
    # REF is a Thursday: "Kamis lalu" is a week earlier, not REF itself.
    assert find_dates("Kamis lalu", REF)[0].date == D(2024, 11, 14)
    assert find_dates("Rabu kemarin", REF)[0].date == D(2024, 11, 20)


@pytest.mark.parametrize("reference", [D(1, 1, 1), D(9999, 12, 31)])
def test_reference_at_calendar_edges(reference):
    matches = find_dates("kemarin, besok, Senin lalu, Senin depan, (31/12), 1 Januari lalu", reference)
    assert len(matches) == 6
    assert all(m.date is None or isinstance(m.date, dt.date) for m in matches)


def test_datetime_reference_accepted():
    assert find_dates("kemarin", dt.datetime(2024, 11, 21, 9, 30))[0].date == D(2024, 11, 20)


def test_several_dates_in_order():
    text = "Masa kampanye 25 September 2024 hingga 23 November 2024, pencoblosan Rabu (27/11/2024)."
    assert [m.date for m in find_dates(text)] == [D(2024, 9, 25), D(2024, 11, 23), D(2024, 11, 27)]


@pytest.mark.parametrize(
    "s,reference,expected",
    [
        ("15 Mei 2023", None, D(2023, 5, 15)),
        ("Senin (15/5/2023)", None, D(2023, 5, 15)),
        ("  Kamis, 21 November 2024. ", None, D(2024, 11, 21)),
        ("Kamis, 21 November 2024 pukul 10.00 WIB", None, D(2024, 11, 21)),
        ("kemarin", REF, D(2024, 11, 20)),
        ("kemarin", None, None),
        ("2 hari lalu", REF, D(2024, 11, 19)),  # dateparser fallback
        ("2 hari lalu", None, None),
        ("bukan tanggal", REF, None),
        ("", REF, None),
    ],
)
def test_parse_date(s, reference, expected):
    assert parse_date(s, reference) == expected


def test_parse_date_non_string():
    assert parse_date(None) is None  # type: ignore[arg-type]


def test_match_frozen():
    m = find_dates("15 Mei 2023")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.date = None  # type: ignore[misc]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Netralitas ASN di Kabupaten Solok Terbaik di Sumbar\n\nKab.Solok,Andalaspos – Dalam rangka memperingati HUT "
         "KORPRI, Pemerintah Kabupaten Solok menyelenggarakan sosialisasi netralitas. Acara ini berlangsung pada "
         "Kamis (21/11/2024).\n\nAcara dihadiri Pjs. Bupati Solok.", D(2024, 11, 21)),
        ("ASN Pemkab Solok Harus Netral dalam Pemilu 2024\n\n  • Whatsapp\nbanner 468x60\n\nPIKIRANSUMBAR-Aparatur Sipil "
         "Negara (ASN) Kabupaten Solok harus netral.\n\nDemikian ditegaskan Sekda, Senin (15/5/2023) di Lapangan.",
         D(2023, 5, 15)),
        ("Bawaslu Periksa Camat\nSenin, 18 November 2024 | 14:20 WIB\nJAKARTA, KOMPAS.com - Bawaslu memeriksa camat "
         "yang hadir pada deklarasi Kamis (14/11/2024).", D(2024, 11, 18)),
        ("Judul berita\nLast Updated 2024-01-22T10:53:31Z\nIsi berita tentang pemilu.", D(2024, 1, 22)),
        ("Judul tanpa tanggal\n\nIsi berita menyebut kemarin dan Senin lalu saja.", None),
        ("", None),
    ],
)
def test_find_dateline_date(text, expected):
    assert find_dateline_date(text) == expected


_PIECES = ["Senin", "(", ")", "/", "15", "5", "2023", "Mei", "kemarin", "lusa", "lalu", "hari ini", "-", ".", "31",
           "2", "Nov", "T10", ",", "Jum'at", "tanggal", "0", "99"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=20), st.sampled_from(_PIECES)), max_size=25).map(lambda xs: "".join(
        x if i % 2 else x + " " for i, x in enumerate(xs))),
    st.one_of(st.none(), st.sampled_from([D(1, 1, 1), D(9999, 12, 31), REF]),
              st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))),
)
def test_random_text_never_crashes(text, reference):
    matches = find_dates(text, reference)
    last_end = -1
    for m in matches:
        assert isinstance(m, DateMatch)
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        last_end = m.end
        assert m.text == text[m.start:m.end]
        assert m.date is None or isinstance(m.date, dt.date)
    find_dateline_date(text)
    parse_date(text[:60], reference)


@pytest.mark.parametrize(
    "sentence,surface,expected",
    [
        ("Pendaftaran bakal calon dibuka 4–6 September 2024 di kantor KPU.", "4–6 September 2024", D(2024, 9, 4)),
        ("Bimtek pengawas TPS berlangsung 12 hingga 14 Oktober di Padang.", "12 hingga 14 Oktober", D(2024, 10, 12)),
        ("Posko aduan dibuka 7-9 Nov 2024 untuk warga.", "7-9 Nov 2024", D(2024, 11, 7)),
        ("Sosialisasi digelar 3 sampai 5 Juli 2023 di aula.", "3 sampai 5 Juli 2023", D(2023, 7, 3)),
    ],
)
def test_day_range_is_dated_by_its_first_day(sentence, surface, expected):
    m = find_dates(sentence, REF)[0]
    assert (m.text, m.date) == (surface, expected)


def test_range_across_months_is_two_dates():
    text = "Masa tenang 28 Oktober–1 November 2024."
    assert [(m.text, m.date) for m in find_dates(text, REF)] == [
        ("28 Oktober", D(2024, 10, 28)), ("1 November 2024", D(2024, 11, 1))]


def test_day_relative_to_the_date_last_stated():
    text = ("Warga melapor ke Panwascam pada Selasa (8/10/2024). Panwascam meneruskannya ke Bawaslu pada hari yang "
            "sama, dan klarifikasi digelar keesokan harinya. Rapat persiapan berlangsung sehari sebelumnya.")
    got = [(m.text, m.date) for m in find_dates(text, REF)]
    assert got == [("Selasa (8/10/2024)", D(2024, 10, 8)), ("pada hari yang sama", D(2024, 10, 8)),
                   ("keesokan harinya", D(2024, 10, 9)), ("sehari sebelumnya", D(2024, 10, 8))]


def test_day_relative_without_a_stated_date_is_unresolved():
    assert [(m.text, m.date) for m in find_dates("Ia dipanggil keesokan harinya.", REF)] == [("keesokan harinya", None)]


def test_post_weekday_with_bare_day_month():
    got = [(m.text, m.date) for m in find_dates("udh dipanggil panwascam jumat 15/11 buat klarifikasi", REF)]
    assert got == [("jumat 15/11", D(2024, 11, 15))]
    # a fraction or score without a weekday is no date
    assert find_dates("hasilnya 3/4 dari target", REF) == []


def test_case_folding_oddities_resolve():
    # re.I lets the long s match "s"; the lookups fold the same way instead of raising KeyError.
    ref = dt.date(2024, 9, 20)
    assert [m.date for m in find_dates("Rapat digelar ſenin lalu di aula.", reference=ref)] == [dt.date(2024, 9, 16)]
    assert [m.date for m in find_dates("Apel pada 15 ſeptember 2024.", reference=ref)] == [dt.date(2024, 9, 15)]


def test_kemarin_after_a_date_is_no_second_date():
    import datetime as dt

    from netral_nlp.rules.dates import find_dates

    found = find_dates("Minggu 20 Okt kemarin ada kampanye, lalu kemarin rapat.", dt.date(2024, 10, 25))
    assert [m.date for m in found] == [dt.date(2024, 10, 20), dt.date(2024, 10, 24)]


def test_without_a_header_date_the_statement_date_is_the_reference():
    from netral_nlp.rules.dates import find_dateline_date

    text = ("Kades Diduga Pasang Baliho Paslon\n\nTENGGARONG – Laporan disampaikan warga pada Jumat (4/10/2024). "
            '"Senin kemarin yang bersangkutan kami mintai klarifikasi," ujarnya saat dihubungi, Selasa (8/10/2024).')
    assert find_dateline_date(text) == dt.date(2024, 10, 8)
