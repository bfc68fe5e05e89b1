"""Events: assemblies, briefings, pledges, meetings, campaigns, declarations, reports,
examinations and sanctions that the document reports, with date and place.

A trigger word becomes an event only in a sentence that reports something that happened
or is scheduled (a date, a place, a past-tense marker or a named person), not in a
rule or warning ("ASN yang melanggar bisa dikenai sanksi"). Triggers of one type are merged
into one event per date, as a document usually reports each happening several times.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .base import sentences, set_span_group, text_of

#: Trigger patterns per event type (case-insensitive). Order matters only for overlaps: earlier wins.
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("IKRAR", r"ikrar(?:\s+netralitas)?|deklarasi\s+netralitas|pakta\s+integritas|penandatanganan\s+(?:komitmen|pernyataan)\s+netralitas|menandatangani\s+(?:komitmen|pernyataan|pakta)\s+(?:netralitas|integritas)|apel\s+(?:ikrar|deklarasi)\s+netralitas"),
    ("APEL", r"apel\s+(?:pagi|gabungan|kesiapan|siaga|akbar|bersama|rutin|senin|kesadaran)|apel(?=\s+(?:di|yang|ini|tersebut|dipimpin))|upacara"),
    ("SOSIALISASI", r"sosialisasi|bimbingan\s+teknis|bimtek|seminar|webinar|lokakarya|workshop|sarasehan|talk\s?show|coaching\s+clinic|penyuluhan|dialog\s+publik|pembinaan\s+(?:netralitas|asn|pegawai)|forum\s+(?:diskusi|group)|FGD|diskusi\s+(?:publik|terbatas)"),
    ("RAPAT", r"rapat\s+koordinasi|rakor|rapat\s+(?:kerja|pleno|evaluasi|internal)|rapat(?=\s+(?:di|bersama|dengan|yang))|audiensi|pertemuan\s+koordinasi"),
    ("DEKLARASI_CALON", r"deklarasi\s+(?:pasangan|paslon|bakal\s+calon|bacalon|calon|pencalonan|dukungan|pemenangan)|pendaftaran\s+(?:pasangan\s+calon|paslon|bakal\s+(?:pasangan\s+)?calon|bapaslon|calon)|mendaftar(?:kan\s+diri)?\s+ke\s+KPU|menyerahkan\s+berkas\s+pendaftaran|resmi\s+mendaftar|deklarasi(?=\s+(?:[A-Z]\w+|\w+-\w+)\s+(?:di|sebagai|untuk))"),
    ("KAMPANYE", r"kampanye\s+(?:akbar|terbuka|dialogis|rapat\s+umum|tatap\s+muka|terbatas)|rapat\s+umum|acara\s+kampanye|kegiatan\s+kampanye|kampanye\s+(?:pasangan|paslon|caleg|calon)|lokasi\s+kampanye|panggung\s+kampanye|blusukan|safari\s+politik|konsolidasi\s+pemenangan|berkampanye|debat\s+(?:publik|kandidat|pasangan|calon|perdana)|deklarasi\s+dukungan|konser\s+(?:kampanye|\w+\s+\w+)(?=\s+yang\s+dihadiri)"),
    ("PELAPORAN", r"dilaporkan|melaporkan|laporan\s+(?:masyarakat|warga|dugaan|resmi|tersebut|itu)|melayangkan\s+laporan|mengadukan|diadukan|pengaduan|temuan\s+(?:Bawaslu|Panwaslu|Panwascam|pengawas)|menerima\s+laporan|meregistrasi|diregistrasi|teregistrasi|meregister|diregister|meneruskan|diteruskan|dilimpahkan|melimpahkan|laporin|lapor\s+ke|melayangkan\s+surat|menyurati"),
    ("PEMERIKSAAN", r"diklarifikasi|mengklarifikasi|klarifikasi|pemeriksaan|diperiksa|memeriksa|dimintai\s+keterangan|meminta\s+keterangan|memanggil|dipanggil|pemanggilan|sidang(?:\s+pemeriksaan|\s+etik|\s+disiplin)?|investigasi|penyidikan"),
    ("SANKSI", r"(?:menjatuhkan|dijatuhi|dijatuhkan|dikenai|mengenakan|memberikan|diberi|diberikan|menerima|rekomendasi(?:kan)?|merekomendasikan|direkomendasikan)\s+(?:\w+\s+){0,2}(?:sanksi|hukuman)|disanksi|dicopot|diberhentikan|dinonjobkan|dibebastugaskan|teguran\s+tertulis|penundaan\s+kenaikan|pemotongan\s+tunjangan|penurunan\s+pangkat|potong\s+tukin"),
)

# Markers that a sentence states a rule, possibility or warning, not a happening.
GENERIC_MARKERS = re.compile(
    r"\b(?:bisa|dapat|akan\s+dikenai|akan\s+diberi|dilarang|jangan|jika|apabila|bila|kalau|seandainya|terancam|"
    r"diancam|wajib|harus|sanksinya|ancaman|hingga\s+pemberhentian|sesuai\s+aturan)\b", re.I)
HAPPENED_MARKERS = re.compile(
    r"\b(?:telah|sudah|tadi|kemarin|baru\s+saja|resmi|digelar|menggelar|diselenggarakan|menyelenggarakan|"
    r"dilaksanakan|melaksanakan|berlangsung|dihadiri|mengikuti|diikuti|memimpin|dipimpin|hari\s+ini|pekan\s+lalu|lalu)\b"
    r"|\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b", re.I)
LOCATION_RE = re.compile(
    r"\b(?:di|bertempat\s+di)\s+(?P<loc>(?:Aula|Gedung|Kantor|Lapangan|Ruang|Balai|Hotel|Pendopo|Pendapa|Halaman|Masjid|GOR|"
    r"Rumah|Kompleks|Komplek|Sekretariat|Posko|Auditorium|Graha|Wisma|Mapolres|Makodim|Markas|Alun-alun|Taman|Gedung|"
    r"Convention|Ballroom|Rumah\s+Dinas|Rujab|Kecamatan|Desa|Kelurahan|Nagari|Lobi|Lantai)\b[^,.;:\n()“”\"]{0,70})")
_LOC_STOP = re.compile(r"\s+(?:pada|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|yang|untuk|dengan|dalam|sekitar|sejak|oleh|dan|guna|saat|ketika|sebagai|karena|terkait|bersama)\b.*$")


_TRIGGER_RES = [(t, re.compile(rf"(?<![\w])(?:{p})(?![\w])", re.I)) for t, p in TRIGGERS]


_ACTING_BODY = re.compile(r"\b(?:Bawaslu|KASN|BKN|Panwaslih|Panwaslu|Panwascam|Gakkumdu|Inspektorat|Pemkab|Pemkot|Pemprov|"
                          r"Pemerintah\s+(?:Kabupaten|Kota|Provinsi)|warga|masyarakat|pelapor|kami)\b")


def _location(sentence: str) -> str | None:
    m = LOCATION_RE.search(sentence)
    if not m:
        return None
    loc = _LOC_STOP.sub("", m.group("loc")).strip()
    return loc or None


def extract_events(doc: Doc) -> list[dict]:
    text = text_of(doc)
    dates = [d for d in (doc._.netral_dates or []) if d.get("date")]
    officials = doc._.netral_officials or []
    mention_spans = [tuple(m) for o in officials for m in o["mentions"]]
    found: list[tuple[int, int, str, str | None, str | None]] = []
    taken: list[tuple[int, int]] = []
    sents = sentences(doc)
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        # "Acara ini berlangsung di ... pada Kamis (21/11/2024)": the next sentence completes the event.
        nxt = sents[si + 1] if si + 1 < len(sents) else None
        follow = nxt is not None and re.match(r"\s*(?:Acara|Kegiatan|Agenda|Apel|Sosialisasi|Rapat|Pemeriksaan|Klarifikasi)\s+"
                                              r"(?:ini|tersebut|itu)\b", nxt.text)
        for etype, rx in _TRIGGER_RES:
            for m in rx.finditer(stext):
                a, b = s0 + m.start(), s0 + m.end()
                if any(a < te and ta < b for ta, te in taken):
                    continue
                if re.search(r"netralitas|damai|anti|tolak", stext[m.end(): m.end() + 25], re.I) and etype in ("KAMPANYE",):
                    continue
                in_sent = [d for d in dates if s0 <= d["start"] < s1]
                # the date nearest the trigger, preferring one after it ("dilaporkan ... Senin (14/10)")
                date = min(in_sent, key=lambda d: abs(d["start"] - a) + (0 if d["start"] >= a else 5))["date"] if in_sent else None
                loc = _location(stext)
                if follow:
                    date = date or next((d["date"] for d in dates if nxt.start_char <= d["start"] < nxt.end_char), None)
                    loc = loc or _location(nxt.text)
                has_person = any(s0 <= ms < s1 for ms, _ in mention_spans)
                # A verb trigger ("dilaporkan", "meneruskan") reports an act; a noun ("sosialisasi",
                # "rapat") needs a date, a place, a person or a tense marker to be a happening.
                verb = (bool(re.match(r"(?:di|me|ber|ter)\w{3,}", m.group(0), re.I))
                        and etype in ("PELAPORAN", "PEMERIKSAAN", "SANKSI")
                        and bool(_ACTING_BODY.search(stext)))
                happened = verb or bool(date) or bool(HAPPENED_MARKERS.search(stext)) or has_person
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
