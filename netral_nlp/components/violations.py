"""Violations: the kinds of non-neutral conduct a document mentions, with modality,
status, actor and evidence.

The default backend works sentence by sentence: cue patterns per violation type (after
the SKB 2022 categories and the cue lists in docs/domain-reference.md §3) with their hard
negatives, then the modality from how the sentence speaks (a rule or warning: GENERIC;
counts or "ada beberapa kasus": AGGREGATE; an identifiable person: INCIDENT), the status
from the document's enforcement vocabulary, and the actor from the officials named in
the sentence or the one before.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .base import sentences, set_span_group, text_of

#: Cue patterns per type (case-insensitive, matched within one sentence).
CUES: dict[str, str] = {
    "MEDIA_SOSIAL": r"media\s+sosial|medsos|facebook|instagram|tiktok|twitter|\bX\b|youtube|status\s+(?:WA|WhatsApp|FB)|"
                    r"grup\s+(?:WA|WhatsApp|Facebook|FB|Telegram)|mengunggah|unggahan|memposting|postingan|posting|upload|"
                    r"nge-?like|menyukai\s+(?:unggahan|postingan|konten)|like|berkomentar|komentar|membagikan|share|dibagikan|"
                    r"menyebarkan\s+(?:konten|unggahan|foto|video)|follow|mengikuti\s+akun|twibbon|tagar|story|reels|live\s+streaming",
    "FOTO_SIMBOL": r"foto\s+bersama|berfoto|swafoto|selfie|pose|salam\s+(?:dua|tiga|satu|empat|\d)\s+jari|acungkan|mengacungkan|"
                   r"simbol\s+(?:jari|tangan|dukungan)|gestur|jari\s+(?:telunjuk|dua|tiga)|dua\s+jari|tiga\s+jari|satu\s+jari|"
                   r"foto\s+dengan|mengunggah\s+foto|foto\s+(?:calon|paslon|caleg)|berpose",
    "KAMPANYE": r"kampanye|tim\s+(?:sukses|pemenangan|kampanye)|timses|juru\s+kampanye|jurkam|relawan\s+(?:pemenangan|paslon|calon)|"
                r"mengampanyekan|kampanyekan|orasi|atribut\s+(?:partai|kampanye|paslon|calon)|kaos\s+(?:bergambar|paslon|calon|caleg)|"
                r"kaus\s+(?:bergambar|paslon|calon|caleg)|rompi\s+(?:paslon|partai)|menghadiri\s+(?:acara|kegiatan)\s+(?:paslon|calon|caleg|pasangan)|"
                r"pertemuan\s+(?:terbatas|tatap\s+muka)\s+(?:paslon|calon)|mempromosikan\s+(?:calon|paslon|caleg)",
    "DEKLARASI": r"deklarasi|mendeklarasikan|pendaftaran\s+(?:paslon|pasangan|bakal|calon|bapaslon)|mengantar(?:kan)?\s+(?:paslon|pasangan|calon|bakal)|"
                 r"mendampingi\s+(?:paslon|pasangan|calon|bakal)\s+(?:\w+\s+){0,3}(?:mendaftar|pendaftaran|ke\s+KPU)|rombongan\s+pendaftaran|"
                 r"menyatakan\s+dukungan|dukungan\s+terbuka|ikrar\s+dukungan",
    "ALAT_PERAGA": r"spanduk|baliho|banner|poster|umbul-umbul|bendera\s+partai|alat\s+peraga|\bAPK\b|bahan\s+kampanye|stiker|"
                   r"kalender\s+(?:bergambar|calon|paslon|caleg)|selebaran|brosur|pamflet|kartu\s+nama\s+(?:calon|caleg)|"
                   r"membagikan\s+(?:kaos|kaus|kalender|stiker)",
    "PARTAI_POLITIK": r"partai\s+politik|parpol|anggota\s+partai|pengurus\s+partai|kader\s+partai|\bKTA\b|kartu\s+tanda\s+anggota|"
                      r"Sipol|keanggotaan\s+partai|mendaftar\s+(?:ke|di)\s+partai|mengambil\s+formulir|penjaringan|"
                      r"fit\s+and\s+proper|rekomendasi\s+partai|acara\s+partai|rapat\s+partai|musda|muscab|rakerda|pengurus\s+DPC|"
                      r"menjadi\s+(?:anggota|pengurus|kader)\s+(?:partai|PDI|Golkar|Gerindra|PKS|PAN|PKB|NasDem|Demokrat|PPP)",
    "PENCALONAN": r"mencalonkan\s+diri|maju\s+(?:sebagai|dalam|di|pada)\s+(?:\w+\s+){0,3}(?:calon|pilkada|pemilu|pileg|bakal)|"
                  r"maju\s+(?:sebagai\s+)?(?:caleg|cabup|cawabup|cagub|cawagub|cawalkot|bakal\s+calon)|"
                  r"mendeklarasikan\s+diri|belum\s+mengundurkan\s+diri|tidak\s+mengundurkan\s+diri|tanpa\s+mengundurkan\s+diri|"
                  r"tanpa\s+(?:mengajukan\s+)?(?:cuti|CLTN)|caleg\s+berstatus|berstatus\s+(?:ASN|PNS)\s+(?:dan|namun)\s+(?:maju|mencalonkan)|"
                  r"mendaftar\s+sebagai\s+(?:bakal\s+)?(?:calon|caleg)|baliho\s+dirinya",
    "FASILITAS_NEGARA": r"mobil\s+dinas|kendaraan\s+dinas|pelat\s+merah|plat\s+merah|fasilitas\s+(?:negara|dinas|pemerintah|jabatan|kantor)|"
                        r"rumah\s+dinas|gedung\s+(?:pemerintah|kantor)|kantor\s+(?:desa|camat|kecamatan|dinas)\s+(?:untuk|sebagai|dijadikan)|"
                        r"\bAPBD\b|APBDes|dana\s+desa|anggaran\s+(?:daerah|desa|negara)|seragam\s+dinas|pakaian\s+dinas|jam\s+kerja|"
                        r"aula\s+(?:kantor|kecamatan|desa)|sarana\s+(?:milik\s+)?pemerintah|pendopo",
    "KEBIJAKAN_BERPIHAK": r"menguntungkan\s+(?:salah\s+satu|pasangan|paslon|calon|peserta|caleg|partai)|merugikan\s+(?:salah\s+satu|pasangan|paslon|calon)|bansos|bantuan\s+sosial|politisasi|"
                          r"mutasi|rotasi|pergantian\s+pejabat|memberikan\s+(?:bantuan|sembako|uang|barang)|bagi-bagi|membagikan\s+(?:sembako|uang|bantuan)|"
                          r"ajakan\s+(?:memilih|untuk\s+memilih|mendukung)|mengajak\s+(?:\w+\s+){0,3}(?:memilih|mendukung|mencoblos)|"
                          r"mengimbau\s+(?:\w+\s+){0,3}(?:memilih|mendukung)|menyerukan|keputusan\s+yang\s+(?:menguntungkan|merugikan)|"
                          r"program\s+(?:pemerintah|daerah|desa)\s+(?:untuk|demi)|mengundang\s+(?:paslon|calon|caleg)|memfasilitasi\s+(?:paslon|calon|caleg)|"
                          r"pertemuan\s+(?:yang\s+)?(?:mengarah|berpihak)",
    "MOBILISASI": r"mengerahkan|memobilisasi|mobilisasi|menggerakkan|menginstruksikan|instruksi|mengarahkan|diarahkan|tekanan|ditekan|"
                  r"dipaksa|memaksa|intimidasi|mengintimidasi|ancaman\s+(?:mutasi|dicopot|pemecatan)|diancam\s+(?:dimutasi|dicopot)|"
                  r"menggalang\s+dukungan|penggalangan\s+dukungan|target\s+suara|mengumpulkan\s+(?:para\s+)?(?:kepala\s+desa|kades|perangkat|ASN|RT|guru)|"
                  r"konsolidasi|mengkoordinir|mengkoordinasikan\s+(?:dukungan|pemenangan)",
    "DUKUNGAN_KTP": r"fotokopi\s+KTP|foto\s*kopi\s+KTP|salinan\s+KTP|\bKTP\b|e-KTP|surat\s+dukungan|surat\s+keterangan\s+(?:penduduk|dukungan)|"
                    r"\bSuket\b|calon\s+(?:perseorangan|independen)|syarat\s+dukungan|mengumpulkan\s+(?:KTP|dukungan)",
    "LAINNYA": r"politik\s+uang|money\s+politic|serangan\s+fajar|membagikan\s+uang|memberikan\s+uang|saksi\s+(?:paslon|pasangan|calon)|"
               r"mencoblos\s+(?:dua|lebih)|diduga\s+tidak\s+netral|dugaan\s+ketidaknetralan",
}

#: Hard negatives: where a cue is not conduct of that type.
NEGATIVES: dict[str, str] = {
    "KAMPANYE": r"(?:spanduk|baliho|alat\s+peraga|bahan|stiker|poster)\s+kampanye|masa\s+kampanye|jadwal\s+kampanye|tahapan\s+kampanye|kampanye\s+(?:netralitas|damai|anti|kesehatan|imunisasi|"
                r"stunting|gizi|germas|literasi|keselamatan|pencegahan|bahaya|gerakan|cuci|hemat|sadar|ASN\s+netral)|"
                r"pengamanan\s+kampanye|pengawasan\s+kampanye|cuti\s+kampanye|kampanye\s+nasional|jelang\s+kampanye|selama\s+kampanye|"
                r"dana\s+kampanye|zona\s+kampanye|metode\s+kampanye|pelaksana\s+kampanye\s+dilarang\s+melibatkan",
    "DEKLARASI": r"deklarasi\s+(?:netralitas|damai|pemilu\s+damai|kampanye\s+damai|tolak|anti|bersama\s+netralitas|ASN\s+netral)|"
                 r"pendaftaran\s+(?:CPNS|PPPK|pemilih|PPK|PPS|KPPS|pantarlih)",
    "ALAT_PERAGA": r"penertiban|menertibkan|penurunan\s+(?:APK|baliho|spanduk)|menurunkan\s+(?:APK|baliho|spanduk)|spanduk\s+(?:netralitas|imbauan|larangan)|"
                   r"banner\s+\d",
    "MEDIA_SOSIAL": r"viral\s+di\s+media\s+sosial|beredar\s+di\s+media\s+sosial|patroli\s+siber|secara\s+bijak|ASN\s+(?:pilih\s+)?netral",
    "FOTO_SIMBOL": r"foto\s+bersama\s+(?:usai|setelah|seusai)\s+(?:ikrar|sosialisasi|apel|deklarasi\s+netralitas)|\(foto:|foto:",
    "MOBILISASI": r"partisipasi\s+(?:pemilih|masyarakat)|menggunakan\s+hak\s+pilih|datang\s+ke\s+TPS|mengerahkan\s+personel|"
                  r"mobilisasi\s+logistik|menjaga\s+netralitas|mengarahkan\s+(?:ASN\s+)?untuk\s+netral|konsolidasi\s+(?:data|internal|penyelenggara)",
    "DUKUNGAN_KTP": r"membawa\s+KTP|KTP\s+dicatut|dicatut|e-KTP\s+(?:untuk|saat)\s+mencoblos|perekaman",
    "FASILITAS_NEGARA": r"pengamanan\s+melekat|mudik|tempat\s+pemungutan\s+suara",
    "KEBIJAKAN_BERPIHAK": r"imbauan\s+netralitas|kebijakan\s+netralitas|mutasi\s+(?:rutin|berkala)",
    "PENCALONAN": r"resmi\s+mengundurkan\s+diri|telah\s+mengundurkan\s+diri|sudah\s+mengundurkan\s+diri|pensiun\s+dini",
    "PARTAI_POLITIK": r"verifikasi\s+(?:partai|parpol)|koalisi",
    "LAINNYA": r"",
}

# The conduct must concern the election or a candidate: a sentence needs one of these.
POLITICAL = re.compile(
    r"calon|paslon|caleg|capres|cawapres|cabup|cagub|cawalkot|kandidat|partai|parpol|pemilu|pilkada|pilpres|pileg|pilkades|"
    r"kampanye|politik|dukung|pemenangan|timses|netral|pemilihan|nomor\s+urut|pasangan|bakal\s+calon|petahana|incumbent", re.I)
GENERIC_RE = re.compile(
    r"\b(?:dilarang|larangan|tidak\s+boleh|tak\s+boleh|jangan|hindari|menghindari|tidak\s+diperbolehkan|tidak\s+diperkenankan|"
    r"wajib|harus|diimbau|mengimbau|imbauan|mengingatkan|diingatkan|wanti-wanti|bisa\s+dikenai|dapat\s+dikenai|bisa\s+dijatuhi|"
    r"dapat\s+dijatuhi|terancam|diancam|ancaman|apabila|jika|bila|kalau|misalnya|contohnya|seperti|antara\s+lain|di\s+antaranya|"
    r"diantaranya|bentuk(?:-bentuk)?\s+(?:pelanggaran|ketidaknetralan)|jenis\s+pelanggaran|rawan|potensi|kerawanan|meliputi|"
    r"termasuk|yakni|yaitu|berupa|tidak\s+dibenarkan|pantang|diminta\s+(?:untuk\s+)?tidak|agar\s+tidak|supaya\s+tidak)\b", re.I)
AGGREGATE_RE = re.compile(
    r"\b(?:\d[\d.]*\s+(?:ASN|PNS|pegawai|orang|kasus|laporan|pelanggaran|temuan|kades|kepala\s+desa|perangkat|aduan|dugaan)|"
    r"tercatat|sebanyak|ratusan|puluhan|ribuan|belasan|beberapa\s+(?:kasus|ASN|laporan|pelanggaran|oknum)|sejumlah\s+(?:kasus|ASN|laporan)|"
    r"data\s+(?:Bawaslu|KASN|BKN)|persen|terbanyak|didominasi|mayoritas|kerap\s+ditemui|banyak\s+ditemui|ada\s+(?:ASN|yang)|"
    r"kasus-kasus|rekapitulasi|total)\b", re.I)
INCIDENT_RE = re.compile(
    r"\b(?:kedapatan|terekam|viral|kepergok|tertangkap|terlihat|diduga|terduga|terlapor|dilaporkan|oknum|berinisial|inisial|"
    r"bernama|kedapatan|terbukti|disanksi|dijatuhi|diperiksa|dipanggil|diklarifikasi|mengaku|membantah|tersebut)\b", re.I)
TERBUKTI_RE = re.compile(
    r"terbukti|memenuhi\s+unsur|dinyatakan\s+(?:melanggar|bersalah)|memutuskan\s+(?:\w+\s+){0,3}pelanggaran|"
    r"(?:dijatuhi|dijatuhkan|dikenai|dikenakan|menjatuhkan|mendapat(?:kan)?|menerima|diberi)\s+(?:\w+\s+){0,2}(?:sanksi|hukuman)|disanksi|"
    r"rekomendasi\s+(?:\w+\s+){0,3}sanksi|merekomendasikan\s+(?:\w+\s+){0,3}sanksi|direkomendasikan\s+(?:\w+\s+){0,3}sanksi|"
    r"dicopot|diberhentikan|dinonjobkan|dibebastugaskan|teguran\s+tertulis|divonis|tunjangan\s+(?:kinerja\s+)?dipotong", re.I)
CLEARED_RE = re.compile(r"tidak\s+terbukti|tidak\s+memenuhi\s+unsur|dihentikan|bukan\s+(?:merupakan\s+)?pelanggaran|tidak\s+ditemukan\s+(?:unsur|pelanggaran)", re.I)

_CUE_RES = {t: re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I if t != "MEDIA_SOSIAL" else re.I) for t, p in CUES.items()}
_NEG_RES = {t: re.compile(rf"(?:{p})", re.I) for t, p in NEGATIVES.items() if p}
# A lone "X" only counts as the social network next to a social-media word.
_X_ALONE = re.compile(r"(?<![\w-])X(?![\w-])")

ACTOR_CATEGORIES = ("ASN", "PERANGKAT_DESA", "TNI_POLRI", "PEJABAT_POLITIK", "LAINNYA")


def _can_be_actor(official: dict) -> bool:
    """Officials bound by neutrality rules; a candidate only when also in office (an incumbent)."""
    if official["category"] in ACTOR_CATEGORIES:
        return True
    pos = official.get("position") or ""
    return official["category"] == "CALON" and bool(re.match(r"(?:Bupati|Wali Kota|Gubernur|Kepala Desa|Wakil)", pos))


STRONG_GENERIC_RE = re.compile(
    r"\b(?:dilarang|larangan|tidak\s+boleh|tak\s+boleh|jangan|hindari|menghindari|tidak\s+diperbolehkan|"
    r"tidak\s+diperkenankan|apabila|jika|bila|kalau|misalnya|contohnya|seperti|antara\s+lain|di\s+antaranya|diantaranya|"
    r"bentuk(?:-bentuk)?\s+(?:pelanggaran|ketidaknetralan)|jenis\s+pelanggaran|bisa\s+dikenai|dapat\s+dikenai|"
    r"terancam|diancam|meliputi|tidak\s+dibenarkan|agar\s+tidak|supaya\s+tidak|diminta\s+(?:untuk\s+)?tidak)\b", re.I)
SPEAKER_AFTER = re.compile(r"^\W{0,3}\s*(?:juga\s+|pun\s+|kembali\s+)?(?:mengatakan|menjelaskan|menegaskan|menyampaikan|mengungkapkan|"
                           r"menambahkan|memaparkan|mengingatkan|mengimbau|menyebut(?:kan)?|menuturkan|menerangkan|berpesan|"
                           r"meminta|mengajak|menekankan|menyatakan|membeberkan|mengaku|berharap|memastikan|menguraikan|menyoroti|"
                           r"memuji|menilai|menyebut|menyinggung|merinci|mencontohkan|menerangkan)\b", re.I)
SPEAKER_BEFORE = re.compile(r"(?:kata|ujar|ungkap|jelas|tegas|tutur|sebut|imbuh|terang|papar|pungkas|tambah|lanjut|ucap|"
                            r"menurut|demikian\s+(?:ditegaskan|disampaikan|dikatakan)|disampaikan|ditegaskan|dijelaskan)\s*(?:oleh\s+)?$", re.I)


def _is_speaker(text: str, start: int, end: int) -> bool:
    """A mention that introduces speech ("Medison mengatakan", "kata Medison") is the speaker, not an actor."""
    return bool(SPEAKER_AFTER.match(text[end:end + 40]) or SPEAKER_BEFORE.search(text[max(0, start - 40):start]))


ANAPHOR_RE = re.compile(
    r"\b(?:ia|dia|beliau|yang\s+bersangkutan|oknum|berinisial|inisial|seorang\s+(?:ASN|PNS|pegawai|guru|camat|lurah|kades|"
    r"kepala|pejabat|anggota|perangkat|bidan|perawat|honorer|staf)|(?:ASN|PNS|kades|camat|lurah|pejabat|pegawai|guru|"
    r"oknum|kepala\s+desa|anggota)\s+(?:ini|tersebut|itu)|para\s+(?:ASN|kades|camat)\s+tersebut|mereka)\b", re.I)
REPORTED_ACT_RE = re.compile(
    r"\b(?:diduga|terduga|terekam|kedapatan|kepergok|tertangkap|terlihat|viral|beredar|dilaporkan|terlapor|terbukti|"
    r"ketahuan|tampak|tampil|hadir\s+dalam|menghadiri|ikut\s+(?:dalam\s+)?(?:kampanye|acara|rombongan|deklarasi|mengantar)|"
    r"mengunggah|memasang|membagikan|mengenakan|memakai|berfoto|berpose|mengacungkan|membentangkan|mendaftar|"
    r"menjadi\s+(?:MC|pembawa\s+acara|pengurus|anggota|tim|juru|saksi)|menandatangani|mengumpulkan|mengarahkan|"
    r"menggunakan|mengerahkan|terdaftar|tercatat\s+sebagai)\b", re.I)


def _modality(sentence: str, has_actor: bool, cue_pos: int = 0) -> str:
    """INCIDENT, AGGREGATE or GENERIC from how the sentence speaks about the conduct."""
    # A pronoun that introduces speech ("Ia menegaskan ...") says nothing about an incident.
    sentence = re.sub(r"\b(?:ia|dia|beliau)\s+(?=(?:juga\s+|pun\s+|kembali\s+)?(?:me\w+kan|mengatakan|menyebut|menilai|berharap)\b)",
                      " ", sentence, flags=re.I)
    strong_generic = STRONG_GENERIC_RE.search(sentence)
    reported = REPORTED_ACT_RE.search(sentence)
    if strong_generic and not (has_actor and (INCIDENT_RE.search(sentence) or reported)):
        return "GENERIC"
    aggregate = AGGREGATE_RE.search(sentence)
    if has_actor or (ANAPHOR_RE.search(sentence) and not aggregate):
        return "INCIDENT"
    if aggregate:
        return "AGGREGATE"
    if reported and not GENERIC_RE.search(sentence):
        return "INCIDENT"
    return "GENERIC"


def extract_violations(doc: Doc, modality_fn=None) -> list[dict]:
    """Violations of a document. ``modality_fn(sentence, has_actor)`` overrides the rule modality
    (the trained sentence classifier of the default model)."""
    text = text_of(doc)
    officials = doc._.netral_officials or []
    sents = sentences(doc)
    # Status is a property of the case: read it over the whole document.
    doc_cleared = bool(CLEARED_RE.search(text))
    doc_terbukti = bool(TERBUKTI_RE.search(CLEARED_RE.sub(" ", text)))
    out: list[dict] = []
    seen: set[tuple] = set()
    prev_actor = None
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        actors = [i for i, o in enumerate(officials)
                  if _can_be_actor(o)
                  and any(s0 <= m[0] < s1 and not _is_speaker(text, m[0], m[1]) for m in o["mentions"])]
        if not POLITICAL.search(stext):
            if actors:
                prev_actor = actors[0]
            continue
        initials = re.search(r"\b(?:oknum|berinisial|inisial|seorang\s+(?:ASN|PNS|guru|camat|lurah|kades|kepala\s+desa|kepala\s+dinas))\b", stext, re.I)
        for vtype, rx in _CUE_RES.items():
            for m in rx.finditer(stext):
                cue = m.group(0)
                if vtype == "MEDIA_SOSIAL" and cue == "X" and not re.search(r"akun|media\s+sosial|platform|medsos", stext, re.I):
                    continue
                if vtype == "MEDIA_SOSIAL" and cue.lower() in ("like", "share", "story", "posting", "komentar") and not re.search(
                        r"calon|paslon|caleg|partai|kampanye|dukung", stext, re.I):
                    continue
                neg = _NEG_RES.get(vtype)
                if neg is not None:
                    window = stext[max(0, m.start() - 40): m.end() + 40]
                    if neg.search(window):
                        continue
                actor = actors[0] if actors else None
                pron = re.search(r"\b(?:ia|dia|beliau|yang\s+bersangkutan|(?:ASN|PNS|kades|camat|lurah|pejabat|oknum)\s+(?:tersebut|itu|ini))\b",
                                 stext, re.I)
                if pron is not None and SPEAKER_AFTER.match(stext[pron.end():pron.end() + 40]):
                    pron = None  # "Ia juga menguraikan ...": the speaker, not an actor
                if actor is None and prev_actor is not None and pron is not None:
                    actor = prev_actor
                has_actor = actor is not None or bool(initials)
                modality = modality_fn(stext, has_actor) if modality_fn else _modality(stext, has_actor, m.start())
                status = None
                outcome = None
                if modality == "INCIDENT":
                    status = "TERBUKTI" if doc_terbukti and not doc_cleared else "DUGAAN"
                    if doc_cleared and not doc_terbukti:
                        outcome = "CLEARED"
                else:
                    actor = None
                key = (vtype, modality, actor)
                if key in seen:
                    break
                seen.add(key)
                # Evidence: the clause around the cue, cut at clause punctuation.
                a = s0 + max([stext.rfind(p, 0, m.start()) + 1 for p in (",", ";", ":", "“", "\"")] + [0])
                b_candidates = [stext.find(p, m.end()) for p in (",", ";", ".", "”", "\"")]
                b_candidates = [b for b in b_candidates if b >= 0]
                b = s0 + (min(b_candidates) if b_candidates else len(stext))
                while a < b and text[a].isspace():
                    a += 1
                rec = {"type": vtype, "modality": modality, "status": status, "actor": actor, "evidence": [a, b]}
                if outcome:
                    rec["outcome"] = outcome
                out.append(rec)
                break
        if actors:
            prev_actor = actors[0]
    return out


class ViolationRecognizer:
    """Fill ``doc._.netral_violations`` and ``doc.spans["netral_violations"]``."""

    def __init__(self, nlp: Language, name: str, modality_textcat: str | None = "textcat_modality"):
        self.name = name
        self.nlp = nlp
        self.modality_textcat = modality_textcat
        self._cache: dict[str, str] = {}

    def _classifier(self):
        if self.modality_textcat and self.modality_textcat in self.nlp.pipe_names:
            return self.nlp.get_pipe(self.modality_textcat)
        return None

    def _classify_all(self, doc: Doc) -> None:
        """Classify every candidate sentence of the document in one batch."""
        tc = self._classifier()
        texts = [s.text for s in sentences(doc) if POLITICAL.search(s.text)]
        self._cache = {t: d.cats for t, d in zip(texts, tc.pipe((self.nlp.make_doc(t) for t in texts), batch_size=64))}

    def modality(self, sentence: str, has_actor: bool) -> str:
        """The trained classifier's modality for a sentence; an identified actor tips a close call
        towards INCIDENT."""
        cats = self._cache.get(sentence)
        if cats is None:
            cats = self._classifier()(self.nlp.make_doc(sentence)).cats
        best = max(cats, key=cats.get)
        if has_actor and best != "INCIDENT" and cats["INCIDENT"] >= 0.25:
            best = "INCIDENT"
        return best

    def __call__(self, doc: Doc) -> Doc:
        use_tc = self._classifier() is not None
        if use_tc:
            self._classify_all(doc)
        violations = extract_violations(doc, self.modality if use_tc else None)
        self._cache = {}
        doc._.netral_violations = violations
        set_span_group(doc, "violations", [(v["evidence"][0], v["evidence"][1], f"VIOL_{v['type']}") for v in violations])
        return doc


@Language.factory("netral_violations", assigns=["doc._.netral_violations", "doc.spans"],
                  default_config={"modality_textcat": "textcat_modality"})
def make_violations(nlp: Language, name: str, modality_textcat: str | None) -> ViolationRecognizer:
    return ViolationRecognizer(nlp, name, modality_textcat)
