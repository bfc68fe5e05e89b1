"""Events: assemblies, briefings, pledges, meetings, campaigns, declarations, reports,
examinations and sanctions that the document reports, with date and place.

A trigger word becomes an event only in a sentence that reports something that happened
or is scheduled (a date, a place, a past-tense marker or a named person), not in a
rule or warning ("ASN yang melanggar bisa dikenai sanksi"), and not where its neighbours make
it something else: "tim kampanye", "posko pengaduan", "417 laporan dugaan", "pesan itu
diteruskan", "yang berwenang menjatuhkan sanksi", "deklarasi damai", an appeal to report, an
intention ("siap kirim ke Bawaslu"). An undated sentence that describes a procedure or habit
("setiap laporan diklarifikasi", "biasanya ...") or asks a question reports no event; an examination
the examiner summons or schedules ("kami undang untuk klarifikasi"), one done ("Setelah klarifikasi
oleh Bawaslu, ...") or under way ("klarifikasi sedang berjalan") is one, as are scheduled events.
Triggers of one type are merged into one event per date, as a document usually reports each
happening several times.

An event's date is the nearest date of its sentence, except a date that dates a statement
("kata Ketua Bawaslu, Senin (14/10/2024)") or is an election day ("menjelang pemungutan suara
27 November 2024"). In a sentence that tells several steps, a date in one step's clause dates that step
only ("laporan sudah diregistrasi dan pihaknya memanggil kades itu kemarin"). Without one, the date comes from the next sentence when it continues the
event ("Laporan dilayangkan ... Senin (7/10/2024)", "Peristiwa itu terjadi ..."), or from the
event a sentence points back to ("Usai apel, ...", "Usai pertemuan tertutup, ..."): the nearest dated
one before it, or, farther back, the only date the events so far have. A text without a dateline gives its
year-less dates the year of the election it is about.
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.dates import find_dates
from .officials import find_positions
from .base import next_with_words, same_paragraph, sentences, set_span_group, text_of

#: Trigger patterns per event type (case-insensitive). Order matters only for overlaps: earlier wins.
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("IKRAR", r"ikrar(?:\s+netralitas)?|deklarasi\s+(?:[\w-]+\s+){0,4}?netralitas|pakta\s+integritas|penandatanganan\s+(?:komitmen|pernyataan|nota\s+kesepahaman|MoU|pakta)\s+(?:\w+\s+)?netralitas|(?:mendeklarasikan|mengikrarkan)\s+netralitas|menandatangani\s+(?:komitmen|pernyataan|pakta)\s+(?:netralitas|integritas)"),
    ("APEL", r"apel\s+(?:pagi|gabungan|kesiapan|siaga|akbar|besar|bersama|rutin|senin|kesadaran|korpri|netralitas)|apel(?=\s+(?:di|yang|ini|tersebut|dipimpin|ikrar|deklarasi|pembacaan|penandatanganan))|upacara"),
    ("SOSIALISASI", r"sosialisasi|edukasi|bimbingan\s+teknis|bimtek|seminar|webinar|lokakarya|workshop|sarasehan|talk\s?show|coaching\s+clinic|penyuluhan|dialog\s+publik|pembinaan\s+(?:netralitas|asn|pegawai)|forum\s+(?:diskusi|group)|FGD|diskusi\s+(?:publik|terbatas)"),
    ("RAPAT", r"rapat\s+koordinasi|rakor|rapat\s+(?:kerja|pleno\s+terbuka|evaluasi|internal|dengar\s+pendapat)|rapat\s+(?:khusus|terbatas|tertutup|persiapan)|pertemuan\s+tertutup|rapat(?=\s+(?:di|bersama|dengan|yang|itu|tersebut))|audiensi|pertemuan\s+koordinasi"),
    ("DEKLARASI_CALON", r"deklarasi\s+(?:pasangan|paslon|bakal\s+calon|bacalon|calon|pencalonan|dukungan|pemenangan)|pendaftaran\s+(?:salah\s+satu\s+)?(?:pasangan\s+calon|paslon|bakal\s+(?:pasangan\s+)?calon|bapaslon|calon)|(?:mendaftar(?:kan\s+diri)?|daftar|menyerahkan\s+berkas(?:\s+pendaftaran)?)(?=[^.\n]{0,80}?\b(?:ke|di)\s+(?:kantor\s+)?KPU)|menyerahkan\s+berkas\s+pendaftaran|resmi\s+mendaftar|deklarasi(?=\s+(?:[A-Z]\w+|\w+-\w+)\s+(?:di|sebagai|untuk))"),
    ("KAMPANYE", r"(?:pertemuan\s+)?kampanye\s+(?:akbar|terbuka|dialogis|rapat\s+umum|tatap\s+muka|terbatas)|pertemuan\s+kampanye|rapat\s+umum|acara\s+kampanye|kegiatan\s+kampanye|kampanye\s+(?:pasangan|paslon|caleg|calon)|lokasi\s+kampanye|panggung\s+kampanye|blusukan|safari\s+politik|konsolidasi\s+(?:pemenangan|partai|parpol|(?-i:[A-Z]{2,}\b))|silaturahmi\s+(?:caleg|calon|paslon|pasangan|kandidat)|berkampanye|kampanye(?:\s+partai)?(?=\s+di\s+(?:(?-i:[A-Z])\w|lapangan|gedung|balai|aula|halaman|rumah|alun-alun|pasar|GOR|kampung|desa|nagari|kelurahan|kecamatan))|debat\s+(?:publik|kandidat|pasangan|calon|perdana)|deklarasi\s+dukungan|konser\s+(?:kampanye|\w+\s+\w+)(?=\s+yang\s+dihadiri)"),
    ("PELAPORAN", r"dilaporkan|melaporkan|laporan\s+(?:(?:itu|tersebut|ini)\s+)?(?:dilayangkan|disampaikan|diajukan|dikirim(?:kan)?|diterima|masuk|dibuat|didaftarkan|diserahkan)|laporan\s+(?:masyarakat|warga|dugaan|resmi|tersebut|itu)|laporan\s+yang\s+(?:diterima|masuk|disampaikan|dilayangkan)|laporan(?=\s+(?:[A-Z][\w-]*\s+(?:\([^)]{1,20}\)\s+)?){1,6}(?:ke|kepada)\s+(?:Bawaslu|Panwas|KASN|BKN|Gakkumdu))|melayangkan\s+laporan|laporan\s+(?:ke|kepada)(?=\s)|(?:mendatangi|datang\s+ke|menyambangi)\s+(?:kantor\s+|sekretariat\s+)?(?:Bawaslu|Panwaslu|Panwaslih|Panwascam|Sentra\s+Gakkumdu|KASN|BKN)|mengadukan|diadukan|pengaduan|temuan\s+(?:Bawaslu|Panwaslu|Panwascam|pengawas)|menerima\s+laporan|meregistrasi|diregistrasi|teregistrasi|meregister|diregister|meneruskan|diteruskan|dilimpahkan|melimpahkan|(?:di|nge|me)?laporin|lapor\s+ke|(?:dikirim(?:kan)?|mengirim(?:kan)?|ngirim(?:in)?|kirim(?:in|kan)?|diserahkan|menyerahkan)(?=[^.!?\n]{0,60}?\b(?:ke|kepada)\s+(?:kantor\s+|ketua\s+|kepala\s+)?(?:Bawaslu|Badan\s+Pengawas|Panwas\w*|Panitia\s+Pengawas|Gakkumdu|KASN|BKN|Badan\s+Kepegawaian|Komisi\s+(?:ASN|Aparatur)))|melayangkan\s+surat(?!\s+(?:panggilan|undangan|imbauan|edaran|permohonan))"
     # "sudah kami rekomendasikan ke Komisi ASN": the case sent on to the body that rules on it
     r"|(?:di|me)?rekomendasikan(?=\s+(?:ke|kepada)\s+(?:KASN|Komisi\s+(?:ASN|Aparatur)|BKN|Badan\s+Kepegawaian))"),
    ("PEMERIKSAAN", r"diklarifikasi|mengklarifikasi|klarifikasi|pemeriksaan|diperiksa|memeriksa|dimintai\s+keterangan|meminta\s+keterangan|memanggil|dipanggil|pemanggilan|memenuhi\s+panggilan|panggilan\s+(?:klarifikasi|pemeriksaan|Bawaslu|Panwas\w*)|surat\s+panggilan|sidang(?:\s+pemeriksaan|\s+etik|\s+disiplin)?|investigasi|penyidikan"),
    ("SANKSI", r"(?:menjatuhkan|dijatuhi|dijatuhkan|dikenai|mengenakan|memberikan|diberi|diberikan|menerima|rekomendasi(?:kan)?|merekomendasikan|direkomendasikan)\s+(?:\w+\s+){0,2}(?:sanksi|hukuman)|disanksi|dicopot|diberhentikan|dinonjobkan|dibebastugaskan|(?:me|di)nonaktifkan|(?:memotong|dipotong)\s+(?:tunjangan|tukin|TPP)|teguran\s+tertulis|penundaan\s+kenaikan|pemotongan\s+tunjangan|penurunan\s+pangkat|potong\s+tukin"),
)

# Markers that a sentence states a rule, possibility or warning, not a happening.
GENERIC_MARKERS = re.compile(
    r"\b(?:bisa|dapat|akan\s+dikenai|akan\s+diberi|dilarang|jangan|jika|apabila|bila|kalau|seandainya|terancam|"
    r"diancam|wajib|harus|sanksinya|ancaman|hingga\s+pemberhentian|sesuai\s+aturan|siap-siap)\b", re.I)
HAPPENED_MARKERS = re.compile(
    r"\b(?:telah|sudah|tadi|kemarin|baru\s+saja|resmi|digelar|menggelar|diselenggarakan|menyelenggarakan|"
    r"dilaksanakan|melaksanakan|berlangsung|dihadiri|mengikuti|diikuti|memimpin|dipimpin|hari\s+ini|(?:pagi|siang|sore|malam)\s+ini|pekan\s+lalu|lalu)\b"
    r"|\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b", re.I)
LOCATION_RE = re.compile(
    r"\b(?:di|bertempat\s+di)\s+(?P<loc>(?:Aula|Gedung|Kantor|Lapangan|Ruang|Balai|Hotel|Pendopo|Pendapa|Halaman|Masjid|GOR|"
    r"Rumah|Kompleks|Komplek|Sekretariat|Posko|Auditorium|Graha|Wisma|Mapolres|Makodim|Markas|Alun-alun|Taman|Gedung|"
    r"Convention|Ballroom|Rumah\s+Dinas|Rujab|Kecamatan|Desa|Kelurahan|Nagari|Lobi|Lantai)\b[^,.;:\n()“”\"]{0,70})")
_LOC_STOP = re.compile(r"\s+(?:pada|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|yang|untuk|dengan|dalam|sekitar|sejak|oleh|dan|guna|saat|ketika|sebagai|karena|terkait|bersama)\b.*$")


# "melaporkannya", "klarifikasinya": the enclitic -nya belongs to the trigger.
_TRIGGER_RES = [(t, re.compile(rf"(?<![\w])(?:{p})(?:nya)?(?![\w])", re.I)) for t, p in TRIGGERS]
# Where any trigger of any type starts (zero-width, so one scan finds every start). Most sentences
# hold none, and a scan costs about the same whether it tries one type's alternatives or all of
# them at a word start: one scan of this, then each type's pattern only at these starts, is less
# than half the cost of nine scans per sentence, and finds the same matches. Every trigger starts
# with a letter: "[^\W\d_]" skips spaces, digits and punctuation after a non-word character.
_ANY_TRIGGER_START = re.compile(
    r"(?<![\w])(?=[^\W\d_])(?=(?:" + "|".join(f"(?:{p})" for _, p in TRIGGERS) + r")(?:nya)?(?![\w]))", re.I)


def _trigger_matches(stext: str) -> Iterator[tuple[str, re.Match]]:
    """``(type, match)`` for each trigger of the sentence, type by type in TRIGGERS order and in text
    order within a type: what ``rx.finditer(stext)`` gives for each type in turn. Each type's pattern
    is tried only where some trigger starts, skipping starts inside its own previous match."""
    starts = [m.start() for m in _ANY_TRIGGER_START.finditer(stext)]
    if not starts:
        return
    for etype, rx in _TRIGGER_RES:
        last_end = 0
        for pos in starts:
            if pos < last_end:
                continue
            m = rx.match(stext, pos)
            if m:
                yield etype, m
                last_end = m.end()


_ACTING_BODY = re.compile(r"\b(?:Bawaslu|KASN|BKN|Panwaslih|Panwaslu|Panwascam|Gakkumdu|Inspektorat|Pemkab|Pemkot|Pemprov|"
                          r"Pemerintah\s+(?:Kabupaten|Kota|Provinsi)|warga|masyarakat|pelapor|kami)\b")


# Context that makes a trigger something other than a happening of its type, per type:
# (words just before the trigger, words just after it). Checked on a short window only.
_NOT_EVENT_BEFORE = {
    # "tim kampanye", "alat peraga kampanye", "masa kampanye": a team, material or period, not a rally.
    "KAMPANYE": re.compile(r"(?:\btim|\bpeserta|alat\s+peraga|\bAPK|\bmasa|\bmateri|\bbahan|\bjadwal|\baturan|\batribut|\bdana|"
                           r"\btahapan|\bvideo|\bkonten|\bfoto\d?|\bcuti|\blarangan|\bmetode|\btema|\bzona|\bkaos|\bbaju|"
                           r"\bposter|\bstiker|\bspanduk|\bbaliho|\bjargon|\byel-yel|\bsebagai|\bjuru)\s*$"
                           r"|\b(?:tidak|tak|jangan|dilarang|larangan|tanpa)\b(?:\s+\w+){0,4}\s*$"
                           # "membantah telah berkampanye", "masih boleh datang ke kegiatan kampanye", "pelanggaran itu
                           # berkaitan dengan kampanye calon X": a denial, a permission, a topic
                           r"|\b(?:membantah|menyangkal|menepis|boleh|berkaitan\s+dengan|terkait\s+dengan)\b(?:\s+\w+){0,4}\s*$", re.I),
    # "tidak boleh terlibat dalam kegiatan kampanye", "agar tidak menghadiri kampanye": a rule or advice.
    # "sebelum tahapan pendaftaran bakal pasangan calon dibuka": a stage of the election calendar
    "DEKLARASI_CALON": re.compile(r"\b(?:tidak|tak|jangan|dilarang|larangan|tanpa)\b(?:\s+\w+){0,3}\s*$|"
                                  r"\b(?:tahapan|tahap|masa|jadwal|sebelum|menjelang|jelang)\s*$", re.I),
    # "posko pengaduan", "417 laporan dugaan", "sejumlah laporan": a service desk or a tally, not one report;
    # "siap kirim ke Bawaslu": an intention.
    "PELAPORAN": re.compile(r"(?:\bposko|\blayanan|\bkanal|\bsaluran|\bpusat|\bnomor|\bmekanisme|\bprosedur|\btata\s+cara|"
                            r"\bsejumlah|\bbeberapa|\bpuluhan|\bratusan|\bribuan|\bbanyak|\bseluruh|\bsetiap|\btiap|"
                            r"\bberani|\bberwenang|\bbisa|\bdapat|\bagar|\bsupaya|\buntuk|\bbelum(?:\s+pernah)?|"
                            r"\btidak\s+pernah|\bmengajak|\bmengimbau|\bmeminta|\bmendorong|"
                            # "siap kirim ke Bawaslu", "mau lapor ke Panwascam": an intention, not a report
                            r"\bsiap|\bmau|\bingin|\bhendak|\bberencana)\s*$"
                            # "Pelanggaran disiplin yang dilaporkan ...": a kind of case, not a report made
                            r"|\b(?:pelanggaran|kasus|perkara|hal)\s+(?:\w+\s+){0,2}yang\s*$", re.I),
    # "berwenang menjatuhkan sanksi", "yang menjatuhkan sanksi adalah KASN", "supaya menjatuhkan sanksi":
    # a rule about who sanctions, or a request, not a sanction imposed.
    "SANKSI": re.compile(r"(?:\bmengancam|\bancam|\bberwenang|\bkewenangan(?:(?:\s+\w+){0,2}\s+untuk)?|\bwewenang|\bberhak|\bagar|\bsupaya|"
                         r"\btidak|\bbukan|\bakan|\bbisa|\bdapat|\bterancam|\bberdampak\s+pada|\bberupa|\bbelum)\s*$"
                         # "Bukan kami yang menjatuhkan sanksi"; "645 di antaranya sudah dijatuhi sanksi": a tally
                         r"|\bbukan\s+(?:\w+\s+){0,2}yang\s*$|\b\d[\d.]*\s+(?:\w+\s+)?(?:di\s+antaranya\s+|lainnya\s+)?(?:sudah\s+|telah\s+)?$", re.I),
    # "didesak memanggil", "minta Bawaslu manggil": a demand, not a summons.
    # ("meminta klarifikasi X" by the supervisor is the examination itself: see _ASKS_TO_EXAMINE)
    "PEMERIKSAAN": re.compile(r"(?:\bdidesak|\bdiminta|\bminta|\bmeminta|\bmendesak)(?:\s+(?:agar|supaya|segera|(?-i:[A-Z])\w+)){0,2}\s*$|"
                              r"(?:\bberwenang|\bruang|\bbisa|\bdapat|"
                              r"\bbelum\s+(?:pernah\s+)?|\btidak\s+(?:pernah\s+)?)\s*$", re.I),
}
_NOT_EVENT_AFTER = {
    # peaceful-election, anti-drug and anti-hoax declarations are no candidate events (guidelines §7.6)
    "KAMPANYE": re.compile(r"^\W{0,3}(?:\w+\s+){0,2}?(?:netralitas|damai|anti|tolak|kesehatan|stunting|narkoba)", re.I),
    "DEKLARASI_CALON": re.compile(r"^\W{0,3}(?:\w+\s+){0,1}?(?:damai|anti|tolak|netralitas|pemilu\s+damai|"
                                  r"pengawas|anggota|petugas|panitia|PPK|PPS|KPPS|PPDP|Pantarlih|panwas\w*|CPNS|PPPK|"
                                  r"siswa|mahasiswa|peserta\s+didik)", re.I),
    # a candidate's or a health programme's "sosialisasi" is no neutrality briefing
    "SOSIALISASI": re.compile(r"^\s*(?:caleg|calon|paslon|partai|produk|kesehatan|stunting|imunisasi|pajak|narkoba|"
                              r"program\s+(?:kesehatan|bantuan))\b", re.I),
    # medical, document and logistics checks; "diperiksa kelengkapannya"
    "PEMERIKSAAN": re.compile(r"^\s*(?:\w+\s+)?(?:kesehatan|kadar|hemoglobin|mata|gigi|urine|narkoba|kelengkapan\w*|"
                              r"berkas|dokumen|logistik|kotak|surat\s+suara|ulang|fisik|administrasi)", re.I),
    # "yang menjatuhkan sanksi adalah KASN": who sanctions, as a rule
    "SANKSI": re.compile(r"^\s*(?:\w+\s+){0,3}?(?:adalah|ialah|merupakan|ada\s+(?:di|pada)|berada|menjadi\s+kewenangan)\b", re.I),
    # "dilaporkan hadir", "dilaporkan tewas": "reportedly", not a report filed.
    "PELAPORAN": re.compile(r"^\s*(?:hadir|ikut|terlibat|berada|meninggal|tewas|hilang|mengalami|menghadiri|sebagai|"
                            r"sempat|masih|telah\s+(?:hadir|ikut))\b", re.I),
}
# Forwarding verbs ("meneruskan", "dilimpahkan") report a case only when a case or an enforcement body is
# named near them ("diteruskan ke BKN", "berkas dilimpahkan"); else a message or logistics is forwarded.
_FORWARD_RE = re.compile(r"(?:meneruskan|diteruskan|dilimpahkan|melimpahkan)(?:nya)?", re.I)
# "38 laporan dugaan", "436 pengaduan": a count of reports, not one report
_TALLY = re.compile(r"\b\d[\d.]*\s*$")
_REPORT_NOUN = re.compile(r"laporan|pengaduan|aduan|temuan", re.I)
_CASE_NOUN = (r"berkas\w*|perkara|kasus|dugaan|temuan|laporan|rekomendasi|"
              r"hasil\s+(?:kajian|penelusuran|klarifikasi|pemeriksaan)")
_CASE_BEFORE = re.compile(rf"\b(?:{_CASE_NOUN})\b", re.I)
_CASE_AFTER = re.compile(rf"\b(?:{_CASE_NOUN}|KASN|BKN|Komisi\s+(?:ASN|Aparatur)|Badan\s+Kepegawaian|BKD|BKPSDM|"
                         r"Inspektorat|Gakkumdu|penyidik|Polres|Polda|Polresta|kepolisian|kejaksaan|Kejari|DKPP|"
                         r"pejabat\s+pembina|PPK|Bupati|Wali\s*kota|Gubernur|Kemendagri|Mendagri|Menteri|atasan)\b", re.I)
# A date right after an election name or polling day ("menjelang pemungutan suara 27 November 2024",
# "Pilkada Serentak 27 November 2024") is the election's day, not the date of the event in the sentence.
_ELECTION_DAY_BEFORE = re.compile(
    r"\b(?:pemungutan\s+suara|pencoblosan|hari\s+(?:H|pemilihan|pencoblosan)|pilkada|pemilu|pilpres|pileg|pilkades|"
    r"pemilihan|pilgub|pilbup|pilwalkot|pilwali)(?:\s+(?:serentak|nasional|ulang))*\s*(?:pada|tanggal|tgl\.?|yakni|"
    r"yaitu|jatuh\s+pada)?\s*$|\b(?:pemungutan\s+suara|pencoblosan),\s*$", re.I)

# "... pemungutan suara ulang (PSU) Pilkada Banggai 2024 yang digelar pada 5 April 2025": the date a
# relative clause gives the vote, however the vote is named before it.
_ELECTION_HELD_BEFORE = re.compile(
    r"\b(?:pemungutan\s+suara|pencoblosan|pilkada|pemilu|pilpres|pileg|pilkades|pemilihan|pilgub|pilbup|pilwalkot|"
    r"pilwali|PSU)\b[^.;\n]{0,60}?\byang\s+(?:di(?:gelar|laksanakan|selenggarakan)|berlangsung|jatuh)\s+"
    r"(?:pada\s+)?(?:hari\s+|tanggal\s+)?$", re.I)

# "Pelapor mendatangi Kantor Bawaslu" files a report; a visit with no report word is a visit.
_VISIT_RE = re.compile(r"mendatangi|datang|menyambangi", re.I)
_REPORT_WORD = re.compile(r"lapor|adu|aduan", re.I)
_APPEAL = re.compile(r"\b(?:mengajak|mengimbau|imbauan|diimbau|mendorong|jangan\s+ragu|silakan|dipersilakan|"
                     r"diharapkan|berani)\b", re.I)
_BRIEFING_TOPIC = re.compile(r"netral|pengawas|pelanggaran|ASN|aparatur|pegawai|kepala\s+(?:desa|kampung)|perangkat|"
                             r"kades|larangan|aturan|politik\s+praktis|PNS|TNI|Polri|Bawaslu|Panwas", re.I)

# Speech attribution: the date of "kata Ketua Bawaslu, Senin (14/10/2024)" dates the statement, not
# the happening the statement is about.
_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:kata|ujar|ucap|tutur|jelas|ungkap|terang|tegas|imbuh|tambah|pungkas|papar|sebut|lanjut|katanya)(?:nya)?|"
    r"\b(?:dikonfirmasi|ditemui|dihubungi|diwawancarai|konferensi\s+pers|kepada\s+(?:wartawan|awak\s+media|media))"
    r")\b[^.!?\"“”]{0,70}$", re.I)
_SPEECH_AFTER = re.compile(
    # ("..., Rabu (25/9/2024), untuk meminta keterangan ...": a purpose, not the date of a statement)
    r"^(?:\s+[a-z]+){0,2}\s*,\s*(?!(?:untuk|guna|demi)\b)(?:\w+\s+){0,2}?(?!meminta\s+(?:keterangan|klarifikasi))(?:mengatakan|menyebut(?:kan)?|menjelaskan|menuturkan|mengungkapkan|menegaskan|"
    r"menambahkan|memastikan|menerangkan|mengakui|membenarkan|menyampaikan|mengimbau|mengingatkan|berharap|meminta)\b",
    re.I)

# The next sentence continues the trigger's event when it opens with a noun for it and a verb or a
# demonstrative: "Laporan dilayangkan ... Senin (7/10/2024)", "Kegiatan berlangsung di ...".
_ANY_TYPE_NOUN = r"Acara|Kegiatan|Agenda"
_INCIDENT_NOUN = r"Peristiwa|Kejadian|Insiden"
_TYPE_NOUNS = {
    "APEL": r"Apel|Upacara",
    "SOSIALISASI": r"Sosialisasi|Bimtek|Seminar|Webinar|Lokakarya|Workshop|Penyuluhan",
    "IKRAR": r"Ikrar|Deklarasi|Penandatanganan|Pembacaan",
    "RAPAT": r"Rapat|Rakor|Pertemuan|Audiensi",
    "KAMPANYE": rf"Kampanye|Pertemuan|{_INCIDENT_NOUN}",
    "DEKLARASI_CALON": rf"Deklarasi|Pendaftaran|{_INCIDENT_NOUN}",
    "PELAPORAN": r"Laporan|Pengaduan|Aduan|Surat(?:\s+\w+)?|Berkas(?:\s+\w+)?|Penerusan|Pelimpahan",
    "PEMERIKSAAN": r"Pemeriksaan|Klarifikasi|Pemanggilan|Sidang",
    "SANKSI": r"Sanksi|Rekomendasi|Keputusan|Hukuman|Pencopotan|Pemberhentian",
}
_CONTINUES = {t: re.compile(rf"\s*[\"“]?(?:{_ANY_TYPE_NOUN}|{nouns})(?:nya)?\s+(?:\w+\s+){{0,2}}?"
                            rf"(?:ini|itu|tersebut|di\w{{3,}}|ber\w{{3,}}|terjadi|masuk|resmi|sudah|telah|pada)\b")
              for t, nouns in _TYPE_NOUNS.items()}


# A sentence that opens by pointing back at an event ("Usai apel, ...", "Di akhir acara, ...", "Apel yang
# dipimpin Sekda itu dirangkai dengan ikrar ...") reports a part of that event: it shares its date.
_REFERS_BACK = re.compile(
    r"\s*[\"“]?(?:(?:Dalam|Pada|Di\s+sela(?:-sela)?|Usai|Seusai|Selepas|Setelah|Sesudah|Sebelum|Di\s+akhir|Di\s+awal|"
    r"Di\s+penghujung|Pembukaan|Penutupan|Rangkaian)\s+)?"
    r"(?:acara|kegiatan|agenda|apel|upacara|sosialisasi|rapat|pertemuan|kesempatan)\b"
    r"(?:[^\n]{0,90}?\b(?:itu|tersebut|ini)\b|(?:\s+[a-z]\w+)?\s*,)", re.I)
_BACK_WINDOW = 600
# A sentence that goes on from a scene the sentence before set, with its date ("Halaman GOR ... dipenuhi
# ASN pada Kamis (3/10/2024) pagi. Mereka mengikuti Apel Netralitas ..."): the event is the scene's.
_SCENE_GOES_ON = re.compile(r"\s*[\"“]?(?:Mereka|Di\s+sana|Di\s+tempat\s+itu|(?:Saat|Kala|Ketika|Hari|Pagi|Siang|Sore|Malam)\s+itu)\b")


def _location(sentence: str) -> str | None:
    m = LOCATION_RE.search(sentence)
    if not m:
        return None
    loc = _LOC_STOP.sub("", m.group("loc")).strip()
    return loc or None


#: "sejak 24 Agustus 2024", "hingga Jumat (1/11/2024)", "per 31 Januari": a bound of a period or the
#: date of a tally, not when something happened.
_SPAN_BOUND_BEFORE = re.compile(r"\b(?:sejak|semenjak|hingga|sampai(?:\s+dengan)?|terhitung|per)\s+(?:hari\s+|tanggal\s+)?\Z", re.I)


def _non_event_dates(text: str, dates: list[dict]) -> set[int]:
    """Starts of the dates that date a statement ("kata X, Senin (...)") or an election day, not an event."""
    out = set()
    for d in dates:
        a, b = d["start"], d["end"]
        if (_SPEECH_BEFORE.search(text, max(0, a - 90), a) or _SPEECH_AFTER.match(text[b:b + 60])
                or (text[a:a + 1].isdigit() and _ELECTION_DAY_BEFORE.search(text, max(0, a - 60), a))
                or _ELECTION_HELD_BEFORE.search(text, max(0, a - 120), a)
                or _SPAN_BOUND_BEFORE.search(text, max(0, a - 20), a)):
            out.add(a)
    return out


#: The supervisor asking the people involved for their account is the examination itself:
#: "Bawaslu meminta klarifikasi pelapor, terlapor dan saksi", "Panwascam meminta keterangan camat".
_ASKS_TO_EXAMINE = re.compile(r"\b(?:Bawaslu|Panwas\w*|Panwaslih|pengawas|pihaknya|kami|tim)\s+(?:\w+\s+)?"
                              r"(?:telah\s+|sudah\s+|lalu\s+)?meminta\s+(?:klarifikasi|keterangan)\b", re.I)


def _not_an_event(etype: str, text: str, a: int, b: int, start: int, end: int) -> bool:
    """Whether the trigger text[a:b], in the sentence text[start:end], names no happening of its type."""
    before = _NOT_EVENT_BEFORE.get(etype)
    if before is not None and before.search(text, max(0, a - 40), a) and not (
            etype == "PEMERIKSAAN" and _ASKS_TO_EXAMINE.search(text, max(0, a - 40), b)):
        return True
    after = _NOT_EVENT_AFTER.get(etype)
    if after is not None and after.match(text[b:b + 40]):
        return True
    if etype == "PELAPORAN" and _REPORT_NOUN.match(text, a) and _TALLY.search(text, max(0, a - 12), a):
        return True
    # "Bawaslu mengajak ASN ikut mengawasi dan melaporkan dugaan pelanggaran": an appeal to report
    if etype == "PELAPORAN" and _APPEAL.search(text, start, a):
        return True
    if etype == "PELAPORAN" and _VISIT_RE.match(text, a) and not _REPORT_WORD.search(text, start, end):
        return True
    # SOSIALISASI is a briefing on neutrality or election supervision, not any public information event
    if etype == "SOSIALISASI" and not _BRIEFING_TOPIC.search(text, start, end):
        return True
    if etype == "PELAPORAN" and _FORWARD_RE.fullmatch(text[a:b]):
        if not (_CASE_BEFORE.search(text, max(0, a - 60), a) or _CASE_AFTER.search(text, b, min(end, b + 150))):
            return True
    return False


# "kami undang untuk klarifikasi", "memanggil para terlapor untuk dimintai keterangan": an examination
# summoned or scheduled by the examiner (guidelines §3: scheduled events count) unless a rule or power
# is stated ("berwenang memanggil ... untuk klarifikasi").
_SUMMONED = re.compile(r"\b(?<!-)(?:(?:meng|di)?undang|(?:me|di)?manggil|panggil)\b(?!-)[^.!?\n]{0,80}?\b(?:untuk|guna)\s+$"
                       # "Bawaslu kemudian mengagendakan klarifikasi terhadap guru itu": scheduled
                       r"|\b(?:mengagendakan|diagendakan|menjadwalkan|dijadwalkan)\s+(?:\w+\s+)?$", re.I)
# "setelah melakukan klarifikasi", "usai pemeriksaan": a step already taken; "klarifikasi sedang berjalan":
# one under way.
_DONE_BEFORE = re.compile(r"\b(?:setelah|usai|seusai|sesudah|selesai)\s+(?:(?:melakukan|menjalani|dilakukan)\s+)?$", re.I)
_UNDER_WAY = re.compile(r"\b(?:sedang|tengah|masih)\s+(?:berjalan|berlangsung|dilakukan|diproses|dalam\s+proses)\b", re.I)
_POWER = re.compile(r"\b(?:berwenang|wewenang|kewenangan|berhak)\b", re.I)

# A procedure or habit, not a happening: "setiap laporan akan diklarifikasi", "biasanya ...", "mekanisme
# penanganannya ...", unless a date or a perfect marker ("telah", "sudah") ties the sentence to one case.
# (A chain of steps, "menerima laporan, melakukan klarifikasi, lalu meneruskan", is no such cue: news
# narrates one case's steps the same way.)
_HABITUAL = re.compile(r"\b(?:setiap|tiap|biasanya|lazimnya|umumnya|paling\s+sering|kerap|rata-rata|mekanisme\w*|prosedur\w*|tata\s+cara|alur\w*|SOP)\b", re.I)
_QUESTION_END = re.compile(r"\?[^\w#]*(?:#\w+[^\w#]*)*$")
_PERFECT = re.compile(r"\b(?:telah|sudah|udah|udh|sdh|pernah)\b", re.I)

# Verb forms of a trigger ("dilaporkan", "memeriksa", "diberhentikan"): they report an act.
_VERB_FORM = re.compile(r"(?:di|me|ber|ter)\w{3,}", re.I)

_DAY_MONTH = re.compile(r"(?:\w+[,\s]+)?\(?\s*\d{1,2}(?:\s*/\s*\d{1,2}\s*\)?|\s+[A-Za-z]+\.?)", re.I)


# Where a sentence joins clauses that tell different steps: "laporan sudah diregistrasi | dan pihaknya telah
# memanggil sang kades untuk dimintai klarifikasi kemarin", "Sudah diregistrasi, | dan Senin kemarin ... kami
# mintai klarifikasi". A bare "dan" joins clauses only before a new subject or a tense marker ("pelapor dan
# saksi" is one phrase).
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?=(?:dan|lalu|kemudian|serta|sedangkan|sementara|namun|tetapi|sehingga)\b)"
    r"|\s(?=(?:dan|lalu|kemudian)\s+(?:pihaknya|kami|ia|dia|mereka|telah|sudah|langsung|juga|selanjutnya)\b)", re.I)


def _clause_index(stext: str):
    """A function giving the clause number (0, 1, ...) of a position in the sentence."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(stext)]
    return lambda pos: bisect_left(breaks, pos + 1)


def _own_dates(etype: str, rel_start: int, in_sent: list[dict], matches, clause_of, s0: int) -> list[dict]:
    """The sentence's dates that can date this trigger: those of its own clause, else those of clauses
    holding no trigger of another type (a date in another step's clause is that step's)."""
    mine = clause_of(rel_start)
    other_clauses = {clause_of(m.start()) for t, m in matches if t != etype} - {mine}
    own = [d for d in in_sent if clause_of(d["start"] - s0) == mine]
    return own or [d for d in in_sent if clause_of(d["start"] - s0) not in other_clauses]


def _year_fallback(doc: Doc, dates: list[dict]) -> int | None:
    """The year a text without a dateline is about: its one election year, else the year of most of its dates."""
    years = {int(c[-4:]) for c in (doc._.netral_elections or []) if c[-4:].isdigit()}
    if len(years) == 1:
        return years.pop()
    stated = [d["date"][:4] for d in dates if d.get("date")]
    return int(max(sorted(set(stated)), key=stated.count)) if stated else None


def _resolved_dates(doc: Doc, text: str) -> list[dict]:
    """The document's dates, with year-less ones ("jumat kemarin (25/10)") given the year of the election the
    text is about when it has no dateline (guidelines §7.7)."""
    dates = list(doc._.netral_dates or [])
    if any(not d.get("date") for d in dates):
        year = _year_fallback(doc, dates)
        if year is not None:
            ref = _dt.date(year, 7, 1)
            for i, d in enumerate(dates):
                # only a day and month written out: relative words need the real publication date
                if not d.get("date") and _DAY_MONTH.fullmatch(text[d["start"]:d["end"]]):
                    m = find_dates(text[d["start"]:d["end"]], ref)
                    if len(m) == 1 and m[0].date is not None:
                        dates[i] = dict(d, date=m[0].date.isoformat())
    return [d for d in dates if d.get("date")]


def extract_events(doc: Doc) -> list[dict]:
    text = text_of(doc)
    dates = _resolved_dates(doc, text)
    skip = _non_event_dates(text, dates)
    event_dates = [d for d in dates if d["start"] not in skip]
    officials = doc._.netral_officials or []
    # A named official, or a capitalised post standing for one ("Asisten III Setda Kalsel yang
    # mewakili Sekda meminta ..."), takes part in what the sentence tells.
    mention_starts = sorted([m[0] for o in officials for m in o["mentions"]]
                            + [pm.start for pm in find_positions(text) if pm.written[:1].isupper() and pm.position.long])
    event_dates.sort(key=lambda d: d["start"])
    date_starts = [d["start"] for d in event_dates]

    def dates_in(start: int, end: int) -> list[dict]:  # bisect keeps the scan linear in the text
        return event_dates[bisect_left(date_starts, start):bisect_left(date_starts, end)]

    found: list[tuple[int, int, str, str | None, str | None]] = []
    sents = sentences(doc)
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        matches = _trigger_matches(stext)
        first = next(matches, None)
        if first is None:  # most sentences name no event: skip the rest of the work for them
            continue
        in_sent = dates_in(s0, s1)
        has_person = bisect_left(mention_starts, s0) < bisect_left(mention_starts, s1)
        back_date = None
        if not in_sent and _REFERS_BACK.match(stext):
            for f in reversed(found):
                if s0 - f[0] > _BACK_WINDOW:
                    break
                if f[3]:
                    back_date = f[3]
                    break
            # farther back, "the event" is unambiguous only when the events so far share one date
            if back_date is None and len(found_dates := {f[3] for f in found if f[3]}) == 1:
                back_date = found_dates.pop()
        taken: list[tuple[int, int]] = []  # triggers kept in this sentence (those of others cannot overlap)
        # A procedure, a habit or a question reports no event; a question ("udh ada yg lapor ke Panwascam
        # blm?") asks whether it happened.
        if not in_sent and (_QUESTION_END.search(stext[-80:])
                            or (_HABITUAL.search(stext) and not _PERFECT.search(stext))):
            continue
        # (a paragraph break can come as a sentence of its own: the next sentence is the next with words)
        nk = next_with_words(sents, si)
        nxt = sents[nk] if nk is not None else None
        under_way = bool(_UNDER_WAY.search(stext))
        all_matches = list(chain((first,), matches))
        clause_of = _clause_index(stext) if in_sent and len({t for t, _ in all_matches}) > 1 else None
        for etype, m in all_matches:
            a, b = s0 + m.start(), s0 + m.end()
            if any(a < te and ta < b for ta, te in taken):
                continue
            if _not_an_event(etype, text, a, b, s0, s1):
                continue
            own = in_sent if clause_of is None else _own_dates(etype, m.start(), in_sent, all_matches, clause_of, s0)
            # the date nearest the trigger, preferring one after it ("dilaporkan ... Senin (14/10)")
            date = min(own, key=lambda d: abs(d["start"] - a) + (0 if d["start"] >= a else 5))["date"] if own else None
            date = date or back_date
            if date is None and si > 0 and _SCENE_GOES_ON.match(stext):
                prev = sents[si - 1]
                scene = dates_in(prev.start_char, prev.end_char)
                if (len(scene) == 1 and same_paragraph(text, prev, sent)
                        and next(_trigger_matches(prev.text), None) is None):
                    date = scene[0]["date"]
            loc = _location(stext)
            # "Acara ini berlangsung di ... pada Kamis (21/11/2024)", "Laporan dilayangkan ... Senin
            # (7/10/2024)": the next sentence completes the event.
            if nxt is not None and _CONTINUES[etype].match(nxt.text):
                date = date or next((d["date"] for d in dates_in(nxt.start_char, nxt.end_char)), None)
                loc = loc or _location(nxt.text)
            # A verb trigger ("dilaporkan", "meneruskan") reports an act; a noun ("sosialisasi",
            # "rapat") needs a date, a place, a person or a tense marker to be a happening.
            verb = (bool(_VERB_FORM.match(m.group(0)))
                    and etype in ("PELAPORAN", "PEMERIKSAAN", "SANKSI")
                    and bool(_ACTING_BODY.search(stext)))
            summoned = (etype == "PEMERIKSAAN" and bool(_SUMMONED.search(text, max(s0, a - 110), a))
                        and not _POWER.search(stext))
            done = bool(_DONE_BEFORE.search(text, max(s0, a - 30), a)) or under_way
            happened = (verb or summoned or done or bool(date) or bool(loc) or has_person
                        or bool(HAPPENED_MARKERS.search(stext)))
            generic = bool(GENERIC_MARKERS.search(stext)) and not date
            if not happened or generic:
                continue
            found.append((a, b, etype, date, loc))
            taken.append((a, b))
    # One event per (type, date); an undated trigger merges into a dated event of its type.
    events: list[dict] = []
    seen: dict[tuple[str, str | None], dict] = {}
    dated_types = {t for _, _, t, d, _ in found if d}
    for a, b, etype, date, loc in sorted(found):
        if date is None and etype in dated_types:
            for ev in events:
                if ev["type"] == etype and ev["location"] is None and loc:
                    ev["location"] = loc
            continue
        key = (etype, date)
        if key in seen:
            if seen[key]["location"] is None and loc:
                seen[key]["location"] = loc
            continue
        ev = {"type": etype, "date": date, "location": loc, "trigger": [a, b]}
        seen[key] = ev
        events.append(ev)
    return events


class EventRecognizer:
    """Fill ``doc._.netral_events`` and ``doc.spans["netral_events"]``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        events = extract_events(doc)
        doc._.netral_events = events
        set_span_group(doc, "events", [(e["trigger"][0], e["trigger"][1], f"EVENT_{e['type']}") for e in events])
        return doc


@Language.factory("netral_events", assigns=["doc._.netral_events", "doc.spans"], default_config={})
def make_events(nlp: Language, name: str) -> EventRecognizer:
    return EventRecognizer(nlp, name)
