"""Violations: the kinds of non-neutral conduct a document mentions, with modality,
status, actor and evidence.

The default backend works sentence by sentence: cue patterns per violation type (after
the SKB 2022 categories and the cue lists in docs/domain-reference.md §3) with their hard
negatives, then the modality from how the sentence speaks (a rule or warning: GENERIC;
counts, "ada beberapa kasus" or "didominasi ...": AGGREGATE; an identifiable person: INCIDENT), the status
from the document's enforcement vocabulary, and the actor from the officials named in
the sentence (each of several named together gets an entry; a politician only for what
a regional head can do in office), else from a reference back ("Sekda itu", "yang
bersangkutan", "ia", "mereka") or forward ("oknum polisi ... inisialnya RK"). A sentence
without an election word of its own counts when a neighbour has one. Officials named as
the subject of a case with no act described get LAINNYA; counted cases, LAINNYA AGGREGATE.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import ACTING_PREFIXES, BOUND_ROLE_WORDS, NUMBER_WORDS_RE, POSITIONS
from .base import next_with_words, same_paragraph, sentences, set_span_group, text_of

#: Cue patterns per type (case-insensitive, matched within one sentence).
CUES: dict[str, str] = {
    "MEDIA_SOSIAL": r"media\s+sosial|medsos|facebook|instagram|tiktok|twitter|\bX\b|youtube|status\s+(?:WA|WhatsApp|FB)|"
                    r"grup\s+(?:WA|WhatsApp|Facebook|FB|Telegram)|mengunggah|unggahan|memposting|postingan|posting|upload|"
                    r"nge-?like|menyukai\s+(?:unggahan|postingan|konten)|like|berkomentar|komentar|membagikan|share|dibagikan|"
                    r"menyebarkan\s+(?:konten|unggahan|foto|video)|follow|mengikuti\s+akun|twibbon|tagar|story|reels|live\s+streaming",
    "FOTO_SIMBOL": r"foto\s+bersama|berfoto|swafoto|selfie|pose|salam\s+(?:dua|tiga|satu|empat|\d)\s+jari|acungkan|mengacungkan|"
                   r"simbol\s+(?:jari|tangan|dukungan)|gestur|jari\s+(?:telunjuk|dua|tiga)|dua\s+jari|tiga\s+jari|satu\s+jari|\d\s*jari|"
                   r"(?:acung|acungkan|acungin|ngacungin|mengangkat|angkat)\s+(?:\w+\s+)?jari|(?:ber)?foto\s+bareng|"
                   r"foto\s+dengan|mengunggah\s+foto|foto\s+(?:calon|paslon|caleg)|berpose",
    "KAMPANYE": r"kampanye|berkampanye|dikampanyekan|tim\s+(?:sukses|pemenangan|kampanye)|timses|(?:kantor|posko|rumah)\s+pemenangan|juru\s+kampanye|jurkam|relawan\s+(?:pemenangan|paslon|calon)|"
                r"mengampanyekan|kampanyekan|orasi|atribut\s+(?:partai|kampanye|paslon|calon)|kaos\s+(?:bergambar|paslon|calon|caleg)|"
                r"kaus\s+(?:bergambar|paslon|calon|caleg)|rompi\s+(?:paslon|partai)|menghadiri\s+(?:acara|kegiatan)\s+(?:paslon|calon|caleg|pasangan)|"
                r"pertemuan\s+(?:terbatas|tatap\s+muka)\s+(?:paslon|calon)|mempromosikan\s+(?:calon|paslon|caleg)|"
                # attending or hosting a candidate's gathering; wearing party or candidate clothing
                r"(?:hadir|menghadiri|berada|terlibat)\s+(?:di\s+|dalam\s+)?(?:\w+\s+){0,4}(?:acara|kegiatan|pertemuan)\s+(?:\w+\s+){0,4}(?:digelar|diadakan|diselenggarakan|milik)\s+(?:\w+\s+){0,1}(?:paslon|pasangan|calon|caleg|bakal)|"
                r"(?:menjadi|sebagai)\s+(?:pembawa\s+acara|MC|pemandu\s+acara)|mendampingi\s+(?:kedua\s+|para\s+)?(?:paslon|pasangan|calon|caleg|kandidat)|sosialisasi\s+(?:bakal\s+)?(?:calon|caleg|paslon)|"
                r"(?:kaus|kaos|seragam|rompi)\s+(?:\w+\s+){0,2}(?:bertuliskan|bergambar)|seragam\s+partai|sepanggung\s+dengan|"
                # chanting a candidate's victory: "teriak 'Agusrin-Imron menang!'", "yel-yel ... menang"
                r"(?:teriak|berteriak|meneriakkan|yel-yel)[^.]{0,45}?\bmenang\b",
    "DEKLARASI": r"deklarasi|mendeklarasikan|pendaftaran\s+(?:salah\s+satu\s+)?(?:paslon|pasangan|bakal|calon|bapaslon)|"
                 r"mengantar(?:kan)?\s+(?:paslon|pasangan|calon|bakal)|"
                 r"mendampingi\s+(?:paslon|pasangan|calon|bakal)\s+(?:\w+\s+){0,3}(?:mendaftar|pendaftaran|ke\s+KPU)|rombongan\s+pendaftaran|"
                 r"menyatakan\s+(?:siap\s+)?(?:dukungan|mendukung)|dukungan\s+terbuka|ikrar\s+dukungan|pernyataan\s+(?:\w+\s+){0,2}(?:dukungan|mendukung|dukung)",
    "ALAT_PERAGA": r"spanduk|baliho|banner|poster|umbul-umbul|bendera\s+partai|alat\s+peraga|\bAPK\b|bahan\s+kampanye|stiker|"
                   r"kalender\s+(?:bergambar|calon|paslon|caleg|pasangan)|selebaran|brosur|pamflet|kartu\s+nama\s+(?:calon|caleg)|"
                   r"membagikan\s+(?:kaos|kaus|kalender|stiker)|"
                   # any handout or printed item carrying a candidate's picture
                   r"(?:kartu|kalender|stiker|gambar|jadwal|buku|tas|payung|gelas)\s+(?:\w+\s+){0,1}bergambar\s+(?:salah\s+satu\s+)?(?:paslon|pasangan|calon|caleg|bakal)",
    "PARTAI_POLITIK": r"partai\s+politik|parpol|anggota\s+partai|pengurus\s+partai|kader\s+partai|\bKTA\b|kartu\s+tanda\s+anggota|"
                      r"Sipol|keanggotaan\s+partai|mendaftar\s+(?:ke|di)\s+partai|mengambil\s+formulir|penjaringan|"
                      r"fit\s+and\s+proper|rekomendasi\s+partai|acara\s+partai|rapat\s+partai|musda|muscab|rakerda|pengurus\s+DPC|"
                      r"menjadi\s+(?:anggota|pengurus|kader)\s+(?:partai|PDI|Golkar|Gerindra|PKS|PAN|PKB|NasDem|Demokrat|PPP)",
    "PENCALONAN": r"mencalonkan\s+diri|maju\s+(?:sebagai|dalam|di|pada)\s+(?:\w+\s+){0,3}(?:calon|pilkada|pemilu|pileg|bakal)|"
                  r"maju\s+(?:sebagai\s+)?(?:caleg|cabup|cawabup|cagub|cawagub|cawalkot|bakal\s+calon)|"
                  r"mendeklarasikan\s+diri|belum\s+mengundurkan\s+diri|tidak\s+mengundurkan\s+diri|tanpa\s+mengundurkan\s+diri|"
                  r"tanpa\s+(?:mengajukan\s+)?(?:cuti|CLTN)|caleg\s+berstatus|berstatus\s+(?:ASN|PNS)\s+(?:dan|namun)\s+(?:maju|mencalonkan)|"
                  r"(?:mendaftar|didaftarkan|terdaftar|tercatat|memperkenalkan\s+diri)\s+sebagai\s+(?:bakal\s+)?(?:calon|caleg|bacaleg|bakal)|baliho\s+dirinya",
    "FASILITAS_NEGARA": r"mobil\s+dinas|kendaraan\s+dinas|pelat\s+merah|plat\s+merah|fasilitas\s+(?:negara|dinas|pemerintah|jabatan|kantor)|"
                        r"rumah\s+dinas|gedung\s+(?:pemerintah|kantor)|kantor\s+(?:desa|camat|kecamatan|dinas)\s+(?:untuk|sebagai|dijadikan)|"
                        r"\bAPBD\b|APBDes|dana\s+desa|anggaran\s+(?:daerah|desa|negara|pemerintah)|seragam\s+(?:dinas|loreng|Korpri|PNS|ASN|TNI|Polri|kepolisian)|"
                        r"pakaian\s+dinas|berseragam\s+(?:dinas|lengkap|loreng)|jam\s+(?:kerja|dinas|pelayanan|pelajaran|kantor)|"
                        r"aula\s+(?:kantor|kecamatan|desa|dinas|kelurahan)|balai\s+(?:desa|kampung|kelurahan|nagari)|"
                        r"(?:dari|melalui|memakai|menggunakan|memanfaatkan)\s+program\s+(?:pemerintah|desa|kecamatan|daerah|dinas)|sarana\s+(?:milik\s+)?pemerintah|pendopo",
    "KEBIJAKAN_BERPIHAK": r"menguntungkan\s+(?:salah\s+satu|pasangan|paslon|calon|peserta|caleg|partai)|merugikan\s+(?:salah\s+satu|pasangan|paslon|calon)|bansos|bantuan\s+sosial|politisasi|"
                          r"mutasi|memutasi|rotasi|pergantian\s+pejabat|mengganti\s+(?:\w+\s+){0,1}(?:kepala|camat|lurah|pejabat|sekretaris)|"
                          r"(?:membagikan|membagi|bagi-bagi|dibagikan|dibagi-bagikan|membagi-bagikan)\s+(?:paket\s+)?(?:sembako|bantuan|beras|sabun|minyak)|mempersulit|memberikan\s+(?:bantuan|sembako|uang|barang)|bagi-bagi|membagikan\s+(?:sembako|uang|bantuan)|"
                          r"ajakan\s+(?:memilih|untuk\s+memilih|mendukung)|mengajak\s+(?:\w+\s+){0,5}(?:memilih|mendukung|mencoblos)|"
                          r"mengimbau\s+(?:\w+\s+){0,3}(?:memilih|mendukung)|menyerukan|keputusan\s+yang\s+(?:menguntungkan|merugikan)|"
                          r"program\s+(?:pemerintah|daerah|desa)\s+(?:untuk|demi)|mengundang\s+(?:paslon|calon|caleg)|memfasilitasi\s+(?:paslon|calon|caleg)|"
                          r"(?:pertemuan|kegiatan|acara)\s+(?:yang\s+)?(?:mengarah|berpihak)|kebijakan\s+(?:yang\s+)?(?:menguntungkan|merugikan)|"
                          r"membiarkan\s+(?:\w+\s+){0,4}(?:dipakai|digunakan)",
    "MOBILISASI": r"mengerahkan|dikerahkan|memobilisasi|mobilisasi|dimobilisasi|menggerakkan|digerakkan|disuruh|diwajibkan\s+(?:hadir|ikut|datang)|"
                  r"(?:arahan|perintah|instruksi)\s+(?:\w+\s+){0,8}(?:memenangkan|memilih|mendukung|mencoblos)|"
                  # directing subordinates or village heads
                  r"(?:meminta|menyuruh|memerintahkan|menugaskan)\s+(?:para\s+|seluruh\s+|semua\s+)?(?:kepala|kades|kadus|perangkat|bawahan|anak\s+buah|staf|pegawai|ASN|PNS|guru|lurah|camat|RT|RW|ketua\s+RT)"
                  r"\s+(?:\w+\s+){0,3}(?:memenangkan|memilih|mendukung|mencoblos|mengumpulkan|menghimpun|mendata|membawa|mendatangi|hadir|datang|menghadiri)|"
                  r"meminta\s+(?:\w+\s+){0,2}(?:memenangkan|memilih|mendukung|mencoblos)|menginstruksikan|instruksi|mengarahkan|diarahkan|tekanan|ditekan|"
                  r"menekan\s+(?:para\s+)?(?:warga|bawahan|ASN|PNS|pegawai|staf|kepala|kades|perangkat|guru|masyarakat|pemilih|nakes|"
                  r"tenaga\s+kesehatan|bidan|perawat|honorer|anggota)|"
                  # threatening subordinates, listing voters for a pair, "wajib kasih suara ke paslon nomor 2"
                  r"(?:mengancam|ngancem|ngancam)\s+(?:para\s+)?(?:pegawai|bawahan|staf|warga|ASN|PNS|kades|kepala\s+desa|perangkat|guru|nakes)|"
                  r"mendata\s+(?:para\s+)?(?:warga|pemilih|masyarakat|pegawai)\s+(?:\w+\s+){0,2}(?:untuk|yang)\s+(?:mendukung|memilih)|"
                  r"(?:wajib|harus)\s+(?:kasih|memberi(?:kan)?)\s+suara\s+(?:ke|kepada|untuk)\s+(?:paslon|pasangan|calon|caleg|nomor)|"
                  # pressing or telling people to vote a given way: "menyuruh para nakes supaya mencoblos paslon X"
                  r"(?:menekan|menyuruh|memaksa|memerintahkan|mewajibkan)\s+(?:\w+\s+){0,3}(?:supaya|agar|untuk)\s+(?:\w+\s+){0,2}"
                  r"(?:coblos|mencoblos|memilih|pilih|mendukung|memenangkan)|"
                  r"dipaksa|memaksa|intimidasi|mengintimidasi|ancaman\s+(?:mutasi|dicopot|pemecatan)|diancam\s+(?:dimutasi|dicopot)|"
                  r"menggalang\s+dukungan|penggalangan\s+dukungan|target\s+suara|mengumpulkan\s+(?:para\s+)?(?:kepala\s+desa|kades|perangkat|ASN|RT|guru)|"
                  r"konsolidasi|mengkoordinir|mengkoordinasikan\s+(?:dukungan|pemenangan)",
    "DUKUNGAN_KTP": r"fotokopi\s+KTP|foto\s*kopi\s+KTP|salinan\s+KTP|\bKTP\b|e-KTP|surat\s+dukungan|surat\s+keterangan\s+(?:penduduk|dukungan)|"
                    r"\bSuket\b|calon\s+(?:perseorangan|independen)|syarat\s+dukungan|mengumpulkan\s+(?:KTP|dukungan)",
    "LAINNYA": r"politik\s+uang|money\s+politic|serangan\s+fajar|membagikan\s+uang|memberikan\s+uang|saksi\s+(?:paslon|pasangan|calon)|"
               r"mencoblos\s+(?:dua|lebih)|(?:diduga|dinilai|terindikasi)\s+tidak\s+netral|dugaan\s+ketidaknetralan|"
               r"saksi\s+(?:mandat\s+|dari\s+)?(?:salah\s+satu|seorang|paslon|pasangan|calon|caleg|partai|parpol)|(?:bagi|membagikan|membagi)\s+amplop|"
               r"merusak\s+(?:spanduk|baliho|APK|alat\s+peraga)",
}

#: Hard negatives: where a cue is not conduct of that type.
NEGATIVES: dict[str, str] = {
    "KAMPANYE": r"(?:spanduk|baliho|alat\s+peraga|bahan|stiker|poster|materi|konten|video|foto\w*|pamflet|brosur|selebaran)\s+kampanye|"
                # what a post sounds like ("unggahan bernada kampanye"): content shared, not a campaign joined
                r"(?:bernada|berbau|bermuatan|berisi|berisikan|bertema|bernuansa)\s+kampanye|unsur\s+kampanye|masa\s+kampanye|jadwal\s+kampanye|tahapan\s+kampanye|kampanye\s+(?:netralitas|damai|anti|kesehatan|imunisasi|"
                r"stunting|gizi|germas|literasi|keselamatan|pencegahan|bahaya|gerakan|cuci|hemat|sadar|ASN\s+netral)|"
                r"pengamanan\s+kampanye|pengawasan\s+kampanye|cuti\s+kampanye|"
                # a stretch of the campaign period ("Sebulan Kampanye Pilkada Jabar, Bawaslu Terima 70 Dugaan")
                r"(?:sebulan|sepekan|seminggu|(?:hari|pekan|minggu|bulan)\s+(?:pertama|kedua|terakhir|ke-?\d+))\s+(?:masa\s+)?kampanye|kampanye\s+nasional|jelang\s+kampanye|selama\s+kampanye|"
                r"dana\s+kampanye|zona\s+kampanye|metode\s+kampanye|pelaksana\s+kampanye\s+dilarang\s+melibatkan|"
                # the campaign team as the one who reports the case
                r"(?:oleh|dari|dilayangkan|diajukan|pelapor(?:nya)?|bersama)\s+(?:\w+\s+){0,3}tim\s+(?:pemenangan|kampanye|sukses|advokasi)|"
                r"tim\s+(?:pemenangan|kampanye|sukses)\s+(?:\w+\s+){0,4}(?:melaporkan|mengadukan|melapor)|"
                r"bukan\s+(?:lagi\s+)?kampanye|(?:mulai|belum|sebelum)\s+(?:masa\s+)?kampanye|(?:menjauhi|jauhi|menjauh\s+dari)\s+(?:panggung\s+|arena\s+)?kampanye",
    "DEKLARASI": r"deklarasi\s+(?:\w+\s+){0,4}(?:netralitas|damai)|deklarasi\s+pengawasan|mendeklarasikan\s+diri|formulir\s+pendaftaran|deklarasi\s+(?:netralitas|damai|pemilu\s+damai|kampanye\s+damai|tolak|anti|bersama\s+netralitas|ASN\s+netral)|"
                 r"pendaftaran\s+(?:CPNS|PPPK|pemilih|PPK|PPS|KPPS|pantarlih)|surat\s+pernyataan",
    "ALAT_PERAGA": r"(?:berlatar|latar\s+belakang|di\s+depan|di\s+bawah)\s+(?:\w+\s+)?(?:baliho|spanduk|banner|poster)|penertiban|menertibkan|penurunan\s+(?:APK|baliho|spanduk)|menurunkan\s+(?:APK|baliho|spanduk)|spanduk\s+(?:netralitas|imbauan|larangan)|"
                   r"banner\s+\d",
    "MEDIA_SOSIAL": r"(?:viral|beredar|tersebar|menyebar)\s+(?:luas\s+)?(?:di|melalui|lewat)\s+(?:(?:akun|grup-grup|grup|kanal|sejumlah|berbagai|beberapa|percakapan|platform|dan)\s+){0,3}(?:media\s+sosial|medsos|facebook|instagram|tiktok|twitter|youtube|grup)|patroli\s+siber|secara\s+bijak|ASN\s+(?:pilih\s+)?netral|"
                    # handing out goods is not sharing online; where a case surfaced is not the act
                    r"(?:membagikan|dibagikan|membagi)\s+(?:\w+\s+){0,2}(?:sembako|seragam|sabun|kaos|kaus|kalender|stiker|uang|amplop|bantuan|beras|paket|makanan|minyak|baju|masker)|"
                    r"(?:peroleh|diperoleh|didapat|masuk|beredar)\s+(?:\w+\s+){0,2}(?:dari|di)\s+(?:sebuah\s+)?grup|"
                    # social media as the topic of a warning or of supervision, not an act
                    r"(?:perhatian|sorotan|menyoroti|disoroti|fokus|pengawasan|pemantauan|memantau|mengawasi|diawasi)\s+"
                    r"(?:\w+\s+){0,3}(?:media\s+sosial|medsos)",
    "FOTO_SIMBOL": r"foto\s+bersama\s+(?:usai|setelah|seusai)\s+(?:ikrar|sosialisasi|apel|deklarasi\s+netralitas)|\(foto:|foto:",
    "MOBILISASI": r"instruksi\s+(?:\w+\s+){0,3}(?:soal|tentang|terkait|mengenai|untuk\s+menjaga)\s+netral|partisipasi\s+(?:pemilih|masyarakat)|menggunakan\s+hak\s+pilih|datang\s+ke\s+TPS|mengerahkan\s+personel|"
                  r"mobilisasi\s+logistik|menjaga\s+netralitas|mengarahkan\s+(?:ASN\s+)?untuk\s+netral|konsolidasi\s+(?:data|internal|penyelenggara)|"
                  # a law that threatens a penalty: "Pasal 490 mengancam kepala desa ... dengan pidana"
                  r"(?:Pasal|UU|undang-undang|aturan|ketentuan|peraturan|yang)\s+(?:[\w/.]+\s+){0,4}mengancam|mengancam\s+(?:\w+\s+){0,3}dengan\s+(?:pidana|sanksi|hukuman|penjara|denda)",
    "DUKUNGAN_KTP": r"membawa\s+KTP|KTP\s+dicatut|dicatut|e-KTP\s+(?:untuk|saat)\s+mencoblos|perekaman",
    "FASILITAS_NEGARA": r"pengamanan\s+melekat|mudik|tempat\s+pemungutan\s+suara|"
                        # the venue of a neutrality briefing or pledge, not a facility put to political use
                        r"netralitas\s+(?:[\w()]+\s+){0,5}(?:di|bertempat\s+di)\s+(?:aula|gedung|balai|pendopo|rumah\s+dinas|kantor)",
    "KEBIJAKAN_BERPIHAK": r"imbauan\s+netralitas|kebijakan\s+netralitas|mutasi\s+(?:rutin|berkala)",
    "PENCALONAN": r"resmi\s+mengundurkan\s+diri|telah\s+mengundurkan\s+diri|sudah\s+mengundurkan\s+diri|pensiun\s+dini",
    "PARTAI_POLITIK": r"verifikasi\s+(?:partai|parpol)|koalisi|saksi\s+(?:\w+\s+){0,3}partai|(?:mencoblos|memilih)\s+(?:\w+\s+){0,1}partai|"
                      # a candidate carried by parties: the nomination, not a civil servant's membership
                      r"(?:diusung|diusulkan|didukung|usungan)\s+(?:oleh\s+)?(?:\w+\s+){0,2}(?:partai|parpol)|partai\s+(?:politik\s+)?pengusung",
    "LAINNYA": r"(?:tolak|menolak|anti|lawan|melawan|cegah|mencegah|pencegahan|bahaya|hindari|menghindari)\s+politik\s+uang",
}

# The conduct must concern the election or a candidate: a sentence needs one of these.
POLITICAL = re.compile(
    r"calon|paslon|caleg|capres|cawapres|cabup|cagub|cawalkot|kandidat|partai|parpol|pemilu|pilkada|pilpres|pileg|pilkades|"
    r"kampanye|politik|dukung|pemenangan|timses|netral|pemilihan|nomor\s+urut|pasangan|bakal\s+calon|petahana|incumbent|"
    # the elections' short names ("di Pilgub Bengkulu", "Pilwalkot Makassar") and voting itself
    r"pilgub|pilbup|pilwalkot|pilwakot|pilwako|pilwali|pemilukada|coblos", re.I)
GENERIC_RE = re.compile(
    r"\b(?:dilarang|larangan|tidak\s+boleh|tak\s+boleh|jangan|hindari|menghindari|tidak\s+diperbolehkan|tidak\s+diperkenankan|"
    r"wajib|harus|diimbau|mengimbau|imbauan|mengingatkan|diingatkan|wanti-wanti|bisa\s+dikenai|dapat\s+dikenai|bisa\s+dijatuhi|"
    r"dapat\s+dijatuhi|terancam|diancam|ancaman|apabila|jika|bila|kalau|misalnya|contohnya|seperti|antara\s+lain|di\s+antaranya|"
    r"diantaranya|bentuk(?:-bentuk)?\s+(?:pelanggaran|ketidaknetralan)|jenis\s+pelanggaran|rawan|potensi|kerawanan|meliputi|"
    r"termasuk|yakni|yaitu|berupa|tidak\s+dibenarkan|pantang|diminta\s+(?:untuk\s+)?tidak|agar\s+tidak|supaya\s+tidak)\b", re.I)
AGGREGATE_RE = re.compile(
    r"\b(?:(?:\d[\d.]*|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|(?:dua|tiga|empat|lima)\s+belas)\s+"
    r"(?:ASN|PNS|pegawai|orang|kasus|laporan|pelanggaran|temuan|kades|kepala\s+desa|perangkat|aduan|dugaan|perkara)|"
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

# A cue may carry the possessive clitic ("mobil dinasnya", "akun media sosialnya").
_CUE_RES = {t: re.compile(rf"(?<![\w-])(?:{p})(?:nya)?(?![\w-])", re.I) for t, p in CUES.items()}
_NEG_RES = {t: re.compile(rf"(?:{p})", re.I) for t, p in NEGATIVES.items() if p}


# Python's re skips quickly over text that cannot start a case-sensitive alternation of words, not
# a case-insensitive one: the patterns scanned over every sentence also run, case-sensitively, over
# the lowered text, where they find the same matches as long as lowering keeps each character's
# standing towards them (_lowers_exactly: true of nearly every text).
def _lowered_twin(rx: re.Pattern) -> re.Pattern:
    """``rx`` (IGNORECASE) for text lowered with str.lower()."""
    p = rx.pattern
    # Only ASCII patterns whose escapes are \b \s \w \d or punctuation, with no letters in
    # brackets and no inline flags, keep their meaning when lowered as a whole.
    if not (rx.flags & re.I and p.isascii() and "(?i" not in p and "(?-" not in p
            and set(re.findall(r"\\([A-Za-z])", p)) <= set("bswd")
            and not any(re.search(r"[A-Za-z]", re.sub(r"\\.", "", c)) for c in re.findall(r"\[(?:\\.|[^\]])*\]", p))):
        raise ValueError(f"cannot scan {p[:60]!r}... lowered: keep the pattern ASCII, with \\b \\s \\w \\d escapes only")
    return re.compile(p.lower(), rx.flags & ~re.I)


@lru_cache(maxsize=None)
def _lowers_exactly(c: str) -> bool:
    """Whether a non-ASCII character, lowered, stands as it did towards the ASCII patterns with
    IGNORECASE: still one character (U+0130 "İ" lowers to two), matching no ASCII letter (the Kelvin
    sign U+212A matches "k", the long s U+017F "s"), and as before in or out of \\w, \\s and \\d."""
    lo = c.lower()
    return (len(lo) == 1 and not lo.isascii() and re.fullmatch("[a-z]", c, re.I) is None
            and all(re.fullmatch(x, c, re.I) is None for x in "abcdefghijklmnopqrstuvwxyz")
            and all(bool(re.fullmatch(cls, c)) == bool(re.fullmatch(cls, lo)) for cls in (r"\w", r"\s", r"\d")))


def _lowering_is_exact(text: str) -> bool:
    return text.isascii() or all(_lowers_exactly(c) for c in set(text) if not c.isascii())


_CUE_RES_LOWER = {t: _lowered_twin(rx) for t, rx in _CUE_RES.items()}
_POLITICAL_LOWER = _lowered_twin(POLITICAL)
_TERBUKTI_LOWER = _lowered_twin(TERBUKTI_RE)
_CLEARED_LOWER = _lowered_twin(CLEARED_RE)
VAGUE_RE = re.compile(r"(?:diduga|dinilai|terindikasi)\s+tidak\s+netral|dugaan\s+ketidaknetralan", re.I)
# Cases counted without their acts ("13 ASN yang terindikasi tidak netral", "21 kasus pelanggaran
# netralitas ASN"): LAINNYA, but only as an AGGREGATE entry; for a single case the act's own
# type is the evidence.
COUNTED_CASES_RE = re.compile(
    r"(?<![\w-])(?:(?:pelanggaran|kasus|dugaan|temuan|laporan|rekomendasi\s+sanksi)\s+(?:\w+\s+){0,3}netralitas|"
    r"(?:terindikasi|diduga|dinilai|dianggap|terbukti)\s+tidak\s+netral|ketidaknetralan|melanggar\s+netralitas)(?![\w-])", re.I)
# A lone "X" only counts as the social network next to a social-media word.
_X_ALONE = re.compile(r"(?<![\w-])X(?![\w-])")

# How often or how mostly the observed cases took a form ("didominasi", "sebagian besar berupa",
# "paling sering ditemui", "tren pelanggaran"): a sentence summing up cases found, AGGREGATE, even
# without a count; the classifier reads such unnumbered summaries as GENERIC.
SUMMARY_RE = re.compile(
    r"\b(?:didominasi|sebagian\s+besar|mayoritas|terbanyak|paling\s+(?:banyak|sering|dominan|menonjol)|"
    r"(?:kerap|sering|banyak)\s+(?:ditemui|ditemukan|terjadi|dilaporkan)|tren\s+(?:pelanggaran|ketidaknetralan))\b", re.I)
# The kinds of the cases reported or found, listed: "Pelanggaran disiplin yang dilaporkan, kata Nanang,
# di antaranya ...", "Adapun laporan kode etik meliputi ...": AGGREGATE, though worded as a list
# like a rule ("bentuk pelanggaran di antaranya ..." alone stays GENERIC).
REPORTED_KINDS_RE = re.compile(
    r"\b(?:pelanggaran|laporan|kasus|temuan|aduan|pengaduan|dugaan)\b[^.;:]{0,40}?\byang\s+(?:sudah\s+|telah\s+)?"
    r"(?:dilaporkan|ditemukan|ditangani|diterima|masuk|tercatat|diproses|terungkap)\b"
    r"|\b(?:laporan|aduan|pengaduan|temuan)\s+(?:\w+\s+){0,3}(?:meliputi|mencakup|berupa)\b", re.I)
# A tally of the cases found, by share or as an existential report: "foto bersama calon (12,6
# persen)", "Ada pula ASN yang mendaftarkan diri ke partai politik": AGGREGATE like SUMMARY_RE.
SHARE_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:persen\b|%)", re.I)
TALLY_RE = re.compile(SHARE_RE.pattern + r"|^\W*ada\s+(?:pula|juga|lagi)?\s*(?:ASN|PNS|pegawai|oknum|yang)\b", re.I)
# A rule, warning, advice or penalty ("denda paling banyak ..."): what SUMMARY_RE does not turn
# into a count of cases.
PRESCRIPTIVE_RE = re.compile(
    r"\b(?:denda|pidana|penjara|ancaman|dijerat|wajib|harus|diimbau|mengimbau|imbauan|mengingatkan|diingatkan|diminta|meminta|agar|supaya|hendaknya|"
    r"sebaiknya|perlu|mencegah|pencegahan|potensi|rawan|kerawanan|diprediksi|diperkirakan|akan)\b", re.I)

#: Running for office and gathering support: every candidate does both; only someone bound by the
#: neutrality rules (named, or named by kind in the sentence) makes it a case.
_RUNNING_TYPES = ("PENCALONAN", "DUKUNGAN_KTP")
_CANDIDATE_WORD_RE = re.compile(r"\b(?:caleg|calon|paslon|pasangan|kandidat|bacalon|bapaslon)\b", re.I)
_BOUND_WORD_RE = re.compile(
    rf"\b(?:{'|'.join(BOUND_ROLE_WORDS)}|honorer|kadis|kepala\s+dinas|polisi|bidan|penjabat|Pj|keuchik)\b", re.I)

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
SPEAKER_AFTER = re.compile(r"^\W{0,3}\s*(?:juga\s+|pun\s+|kembali\s+|secara\s+(?:khusus|tegas|terpisah|terbuka)\s+|lebih\s+lanjut\s+)?(?:mengatakan|menjelaskan|menegaskan|menyampaikan|mengungkapkan|"
                           r"menambahkan|memaparkan|mengingatkan|mengimbau|menyebut(?:kan)?|menuturkan|menerangkan|berpesan|"
                           r"meminta|mengajak|menekankan|menyatakan|membeberkan|mengaku|berharap|memastikan|menguraikan|menyoroti|"
                           r"memuji|menilai|menyebut|menyinggung|merinci|mencontohkan|menerangkan|memperingatkan|mewanti-wanti)\b"
                           # "menyatakan dukungan", "mengaku mendukung": an act, not speech
                           r"(?!\s+(?:\w+\s+)?(?:dukungan|mendukung|siap\s+mendukung|diri))", re.I)
SPEAKER_BEFORE = re.compile(r"(?<!\w)(?:kata|ujar|ungkap|jelas|tegas|tutur|sebut|imbuh|terang|papar|pungkas|tambah|lanjut|ucap|"
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


_SPEAKING_PRONOUN_RE = re.compile(
    r"\b(?:ia|dia|beliau)\s+(?=(?:juga\s+|pun\s+|kembali\s+)?(?:me\w+kan|mengatakan|menyebut|menilai|berharap)\b)", re.I)


def _modality(sentence: str, has_actor: bool, cue_pos: int = 0) -> str:
    """INCIDENT, AGGREGATE or GENERIC from how the sentence speaks about the conduct."""
    # A pronoun that introduces speech ("Ia menegaskan ...") says nothing about an incident.
    sentence = _SPEAKING_PRONOUN_RE.sub(" ", sentence)
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


#: Categories bound by the neutrality rules themselves (LAINNYA: honorer and contract staff of
#: the same offices); a politician is an actor only when no
#: bound official is named with the act (a bupati using office), never beside one (the candidate
#: an ASN poses with).
BOUND_CATEGORIES = ("ASN", "PERANGKAT_DESA", "TNI_POLRI", "LAINNYA")
#: What a regional head can do in breach of neutrality: use the office, its programmes and its
#: officials, or declare support from office. Campaigning, running or party work is their right,
#: so no actor for those types.
OFFICE_TYPES = ("FASILITAS_NEGARA", "KEBIJAKAN_BERPIHAK", "MOBILISASI", "DEKLARASI", "LAINNYA")
# A role noun used alone that refers back to a person named earlier: "sang camat", "Sekda itu",
# "oknum ASN tersebut", "yang bersangkutan", "ia". Specific roles resolve to the official holding
# that post; generic ones (ASN, pejabat, oknum) and pronouns to the last actor named.
#: Role nouns that can refer back to a post's holder ("sang camat", "Sekda itu"); what post each
#: names comes from the title lexicon (lexicons.POSITIONS, then the acting prefixes).
_ROLE_WORDS = ("camat", "lurah", "kades", "kepala desa", "kepala kampung", "sekda", "sekdes", "kadis", "kepala dinas",
               "kepala sekolah", "kepsek", "guru", "bidan", "penjabat", "pj", "babinsa", "bhabinkamtibmas", "bupati",
               "wali kota", "gubernur", "wakil bupati", "kepala badan", "kepala bidang")


def _role_long_forms() -> dict[str, str]:
    long: dict[str, str] = {}
    for pos in POSITIONS:
        for form in pos.forms:
            long.setdefault(form.lower(), pos.long.lower())
    for prefix, (acting, _) in ACTING_PREFIXES.items():
        long.setdefault(prefix, acting.lower())
    return {w: long.get(w, w) for w in _ROLE_WORDS}


_ROLE_FORMS = _role_long_forms()
_GENERIC_ROLES = r"ASN|PNS|pegawai|pejabat|oknum(?:\s+(?:ASN|PNS|pegawai|pejabat))?|aparatur|pejabat\s+(?:eselon\s+\w+|tersebut)|staf|honorer|perangkat(?:\s+desa)?"
_SPECIFIC_ROLES = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _ROLE_FORMS), key=len, reverse=True))
DEFINITE_RE = re.compile(
    rf"\b(?:(?:sang|si)\s+(?:(?P<s1>{_SPECIFIC_ROLES})|{_GENERIC_ROLES})"
    rf"|(?:(?P<s2>{_SPECIFIC_ROLES})|{_GENERIC_ROLES})\s+(?:itu|tersebut|ini)"
    r"|yang\s+bersangkutan|ybs|ia|dia|beliau)\b", re.I)
# A plural reference to a group named together before: "mereka", "keduanya", "para lurah itu",
# "keenam ASN tersebut".
PLURAL_RE = re.compile(
    r"\b(?:mereka|keduanya|ketiganya|keempatnya|kelimanya|keenamnya|ketujuhnya|"
    r"(?:para|kedua|ketiga|keempat|kelima|keenam|ketujuh|sejumlah|beberapa)\s+(?:\w+\s+){0,2}(?:itu|tersebut|ini))\b", re.I)
#: A group counted as the subject: "lima kepala desa", "Kelimanya", "keenam kades".
_COUNTED_GROUP_RE = re.compile(rf"\b(?:ke(?:{NUMBER_WORDS_RE})nya|(?:{NUMBER_WORDS_RE}|"
                               r"sembilan|sepuluh|\d+)\s+(?:orang\s+)?(?:kepala\s+desa|kades|camat|lurah|ASN|PNS|guru|kepala\s+sekolah|"
                               r"pejabat|pegawai|perangkat\s+desa))\b", re.I)
#: A sentence that opens by naming the group: "Mereka ialah ...", "Kelimanya adalah ...", "Kelima kades itu yakni ...".
_NAMES_FOLLOW_RE = re.compile(rf"\s*(?:Mereka|Ke(?:{NUMBER_WORDS_RE})nya|"
                              rf"Ke(?:{NUMBER_WORDS_RE})\s+(?:\w+\s+){{1,2}}(?:itu|tersebut))\s+"
                              r"(?:adalah|ialah|yakni|yaitu|masing-masing)\b")
# A politician named as the candidate someone supports or poses with, not as the one who acts.
_CANDIDATE_BEFORE = re.compile(r"\b(?:calon|paslon|pasangan|kandidat|caleg|cabup|cagub|cawabup|cawagub|cawalkot)\b(?:\s+[\w.-]+){0,4}\s*,?\s*$", re.I)


# An official named as the subject of a case: reported, examined, found in breach or sanctioned.
_SUSPECT_AFTER = re.compile(
    r"^[^.;:]{0,60}?\b(?:diduga|dilaporkan|diadukan|diproses|diperiksa|dipanggil|diklarifikasi|dimintai\s+keterangan|"
    r"dijatuhi|disanksi|dikenai|terbukti|terlapor|dinyatakan\s+(?:melanggar|bersalah|tidak\s+netral)|diputus|"
    r"direkomendasikan|melanggar\s+netralitas|tidak\s+netral)\b", re.I)
_SUSPECT_BEFORE = re.compile(
    r"\b(?:terlapor|melaporkan|mengadukan|memeriksa|memanggil|mengklarifikasi|(?:sanksi|hukuman)(?:\s+disiplin)?(?:\s+\w+)?\s+(?:kepada|terhadap|bagi)|"
    r"laporan\s+(?:terhadap|atas)|kasus|perkara)\b[^.;:]{0,60}$", re.I)


# A verb between two named officials ("pak HR ikut joget di panggung ..., sekdesnya RM bagi-bagi
# stiker") means each did his own act; names joined by commas, titles and "dan" act together.
_VERB_BETWEEN = re.compile(r"\b(?:me[mn]?|meng|meny|ber|di|ter)[a-z]{3,}|\b(?:ikut|pake|pakai|bagi2?|kumpulin|upload|posting)\b")


def _actor_groups(text: str, mentions: list[tuple[int, int, int]], officials: list[dict]) -> list[tuple[int, list[int]]]:
    """Bound officials of one sentence in groups named together: (end of the group's last
    mention, officials), in text order."""
    groups: list[tuple[int, list[int]]] = []
    last_end = None
    for m0, i, m1 in mentions:
        if officials[i]["category"] not in BOUND_CATEGORIES:
            continue
        if groups and not _VERB_BETWEEN.search(text[last_end:m0]):
            end, members = groups[-1]
            groups[-1] = (m1, members + [i] if i not in members else members)
        else:
            groups.append((m1, [i]))
        last_end = m1
    return groups


def _role_holder(role: str, officials: list[dict], candidates: list[int]) -> int | None:
    """The last-mentioned candidate whose position is that role."""
    form = _ROLE_FORMS.get(re.sub(r"\s+", " ", role.lower()))
    for i in candidates:
        if form and form in (officials[i].get("position") or "").lower():
            return i
    return None


#: Someone unnamed or only by initials: "oknum ASN", "berinisial MR", "seorang camat".
_UNNAMED_RE = re.compile(r"\b(?:oknum|berinisial|inisial|seorang\s+(?:ASN|PNS|guru|camat|lurah|kades|kepala\s+desa|kepala\s+dinas))\b", re.I)
#: A campaign team is conduct when someone joins or serves in it (_TEAM_MEMBER_RE just before the
#: cue), not where it is named as a party of its own ("didekati tim sukses", "ketua tim kampanye paslon").
_TEAM_RE = re.compile(r"tim\s|timses", re.I)
_TEAM_MEMBER_RE = re.compile(
    r"(?<![\w-])(?:menjadi|jadi|jd|sebagai|anggota|bagian\s+dari|bergabung|masuk|ikut|terlibat|membentuk|pembentukan|rapat|"
    # attending the team's own gathering: "nongol di acara internal timses paslon 01"
    r"acara|kegiatan|pertemuan|"
    r"pengurus|koordinator)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: A lone "X" is the social network next to one of these; "like", "share" ... count next to a political word.
_X_NETWORK_RE = re.compile(r"akun|media\s+sosial|platform|medsos", re.I)
_LIKE_POLITICAL_RE = re.compile(r"calon|paslon|caleg|partai|kampanye|dukung", re.I)


def extract_violations(doc: Doc, modality_fn=None, prepare_fn=None) -> list[dict]:
    """Violations of a document. ``modality_fn(sentence, has_actor)`` overrides the rule modality
    (the trained sentence classifier of the default model); ``prepare_fn(sentences)`` is first
    given every sentence ``modality_fn`` will be asked about, so it can classify them in one batch."""
    text = text_of(doc)
    officials = doc._.netral_officials or []
    sents = sentences(doc)
    # The scans for cues, election words and status: over the lowered text with the lowered
    # patterns when that finds the same (see _lowered_twin), else as written. Offsets are the same.
    if _lowering_is_exact(text):
        scan, cue_res, political_rx, terbukti_rx, cleared_rx = (text.lower(), _CUE_RES_LOWER, _POLITICAL_LOWER,
                                                                _TERBUKTI_LOWER, _CLEARED_LOWER)
    else:
        scan, cue_res, political_rx, terbukti_rx, cleared_rx = text, _CUE_RES, POLITICAL, TERBUKTI_RE, CLEARED_RE
    # Status is a property of the case: read it over the whole document, once an incident needs it
    # (most documents have none: two scans of the whole text saved).
    status_memo: list[tuple[str, str | None]] = []

    def incident_status() -> tuple[str, str | None]:
        """(status, outcome) of the document's incidents."""
        if not status_memo:
            doc_cleared = bool(cleared_rx.search(scan))
            # (nothing to blank out when CLEARED_RE found nothing: no second scan of the text)
            doc_terbukti = bool(terbukti_rx.search(cleared_rx.sub(" ", scan) if doc_cleared else scan))
            status_memo.append(("TERBUKTI" if doc_terbukti and not doc_cleared else "DUGAAN",
                                "CLEARED" if doc_cleared and not doc_terbukti else None))
        return status_memo[0]
    out: list[dict] = []
    seen: set[tuple] = set()
    # Actor mentions by sentence (one pass over the mentions, not one per sentence); speakers
    # ("Medison mengatakan", "kata Medison") are left out.
    starts = [s.start_char for s in sents]
    in_sent: list[list[tuple[int, int, int]]] = [[] for _ in sents]  # (start, official, end)
    for i, o in enumerate(officials):
        if not _can_be_actor(o):
            continue
        for m0, m1 in o["mentions"]:
            k = bisect_right(starts, m0) - 1
            if k >= 0 and m0 < sents[k].end_char and not _is_speaker(text, m0, m1):
                in_sent[k].append((m0, i, m1))
    recent: list[int] = []  # actors named so far, the last named first
    group: list[int] = []  # the last bound officials named together in one sentence
    # The election context of a sentence: its own words, or its neighbours' when it goes on about
    # a case ("Ia juga memakai mobil dinas", "... unggahan Kiki di akun Facebook pribadinya.").
    political = [bool(political_rx.search(scan, s.start_char, s.end_char)) for s in sents]
    # First pass: each candidate sentence's actors and the cues that hold in it.
    cands: list[tuple] = []
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        named = []
        for _, i, _ in sorted(in_sent[si]):
            if i not in named:
                named.append(i)
        bound = [i for i in named if officials[i]["category"] in BOUND_CATEGORIES]
        others = [i for i in named if i not in bound and not any(
            j == i and _CANDIDATE_BEFORE.search(text[max(s0, m0 - 80):m0]) for m0, j, _ in in_sent[si])]
        actors = bound
        # A role noun or pronoun pointing back at someone named before.
        refs: list[int] = []
        if not actors:
            pl = PLURAL_RE.search(stext)
            if pl is not None and len(group) > 1 and not SPEAKER_AFTER.match(stext[pl.end():pl.end() + 40]):
                refs = list(group)
            for d in ([] if refs else DEFINITE_RE.finditer(stext)):
                if SPEAKER_AFTER.match(stext[d.end():d.end() + 40]):
                    continue  # "Ia juga menguraikan ...": the speaker, not an actor
                role = d.group("s1") or d.group("s2")
                ref = _role_holder(role, officials, recent) if role else (recent[0] if recent else None)
                if ref is not None:
                    refs = [ref]
                    break
        actors = actors or refs or others[:1]
        if not actors and si + 1 < len(sents) and (PLURAL_RE.search(stext) or _COUNTED_GROUP_RE.search(stext)):
            # The group is named in the next sentence: "Kelimanya ... hadir dalam deklarasi ... . Mereka ialah
            # Kades Nipa-Nipa, Aswin; Kades Bonto Karaeng, Arifuddin; ..."
            nk = next_with_words(sents, si)
            listed = [] if nk is None else [i for _, i, _ in sorted(in_sent[nk]) if officials[i]["category"] in BOUND_CATEGORIES]
            if listed and _NAMES_FOLLOW_RE.match(sents[nk].text) and len(set(listed)) > 1:
                actors = list(dict.fromkeys(listed))
        # (a paragraph break between them ends the story)
        if not actors and si > 0 and not named and same_paragraph(text, sents[si - 1], sent):
            # The sentence goes on from the one before, whose only bound official is its subject: "pak Camat
            # Lubuk Pakam, Rio Laka Dewa, rame org antri. Ternyata dibagikan minyak goreng ..."
            prev_bound = {i for _, i, _ in in_sent[si - 1] if officials[i]["category"] in BOUND_CATEGORIES}
            if len(prev_bound) == 1 and not PLURAL_RE.search(stext):
                actors = list(prev_bound)
        near = (si > 0 and political[si - 1]) or (si + 1 < len(sents) and political[si + 1])
        if not (political[si] or (near and (actors or ANAPHOR_RE.search(stext) or PLURAL_RE.search(stext)))):
            recent = named[::-1] + [i for i in recent if i not in named]
            if len(bound) > 1:
                group = bound
            continue
        headline = si == 0 and "\n" in text[s0:s1 + 2]
        initials = _UNNAMED_RE.search(stext)
        if not actors and initials is not None and initials.group(0).lower().startswith(("oknum", "seorang")):
            # "video oknum polisi ..." then "inisialnya Bripda RK": an unnamed person introduced
            # here and named in the next sentences, before anyone else.
            later = [i for k in range(si + 1, min(si + 3, len(sents))) for _, i, _ in sorted(in_sent[k])
                     if officials[i]["category"] in BOUND_CATEGORIES]
            if later and later[0] not in recent:
                actors = [later[0]]
        has_actor = bool(actors) or bool(initials)
        hits = []
        scan_stext = scan[s0:s1]
        for vtype, rx in cue_res.items():
            for m in rx.finditer(scan_stext):
                cue = stext[m.start():m.end()]  # as written
                if vtype == "MEDIA_SOSIAL" and cue == "X" and not _X_NETWORK_RE.search(stext):
                    continue
                if vtype == "MEDIA_SOSIAL" and cue.lower() in ("like", "share", "story", "posting", "komentar") and not _LIKE_POLITICAL_RE.search(
                        stext):
                    continue
                if vtype == "KAMPANYE" and _TEAM_RE.match(cue) and not _TEAM_MEMBER_RE.search(
                        stext, max(0, m.start() - 40), m.start()):
                    continue
                neg = _NEG_RES.get(vtype)
                if neg is not None:
                    # 40 characters either side, within the list item or clause (";")
                    w0 = max(m.start() - 40, stext.rfind(";", 0, m.start()) + 1, 0)
                    w1 = stext.find(";", m.end())
                    window = stext[w0: min(m.end() + 40, w1 if w1 >= 0 else len(stext))]
                    if neg.search(window):
                        continue
                hits.append((vtype, m))
                break
        if not any(t == "LAINNYA" for t, _ in hits):
            cm = COUNTED_CASES_RE.search(stext)
            if cm is not None and AGGREGATE_RE.search(stext):
                hits.append(("LAINNYA_COUNT", cm))
        if hits:
            groups = _actor_groups(text, sorted(in_sent[si]), officials) if actors == bound else []
            cands.append((s0, stext, headline, has_actor, list(actors), groups, hits))
        recent = named[::-1] + [i for i in recent if i not in named]
        if len(bound) > 1:
            group = bound
    # Officials named as the subject of a case but with no act described ("Camat X berinisial SM
    # masih diproses", "hukuman disiplin kepada pejabat berinisial MA") get LAINNYA, when no cue
    # gave them another entry.
    suspects: list[tuple[int, int]] = []
    suspected: set[int] = set()
    for si, lst in enumerate(in_sent):
        near = political[si] or (si > 0 and political[si - 1]) or (si + 1 < len(sents) and political[si + 1])
        for m0, i, m1 in lst:
            if near and officials[i]["category"] in BOUND_CATEGORIES and i not in suspected:
                s0, s1 = sents[si].start_char, sents[si].end_char
                if _SUSPECT_AFTER.search(text[m1:min(s1, m1 + 120)]) or _SUSPECT_BEFORE.search(text[max(s0, m0 - 80):m0]):
                    suspects.append((si, i))
                    suspected.add(i)
    if modality_fn and prepare_fn and cands:
        prepare_fn([c[1] for c in cands])
    # Second pass: modality, status and one entry per (type, modality, actor).
    vague: set[int] = set()  # LAINNYA entries that name no act ("diduga tidak netral")
    for s0, stext, headline, has_actor, all_actors, groups, hits in cands:
        for vtype, m in hits:
            modality = modality_fn(stext, has_actor) if modality_fn else _modality(stext, has_actor, m.start())
            if (modality == "GENERIC" and (SUMMARY_RE.search(stext) or TALLY_RE.search(stext))
                    and not STRONG_GENERIC_RE.search(stext)
                    and not PRESCRIPTIVE_RE.search(stext)):
                modality = "AGGREGATE"
            if (modality == "GENERIC" and not has_actor and REPORTED_KINDS_RE.search(stext)
                    and not PRESCRIPTIVE_RE.search(stext)):
                modality = "AGGREGATE"
            if modality == "INCIDENT" and not has_actor and (SHARE_RE.search(stext) or SUMMARY_RE.search(stext)) \
                    and not STRONG_GENERIC_RE.search(stext):
                modality = "AGGREGATE"  # "foto bersama calon (12,6 persen)": a share of the cases, no one case
            if vtype == "LAINNYA_COUNT":
                if modality != "AGGREGATE":
                    continue
                vtype = "LAINNYA"
            if modality == "GENERIC" and headline and not GENERIC_RE.search(stext) and (
                    has_actor or INCIDENT_RE.search(stext) or REPORTED_ACT_RE.search(stext)):
                # A headline reporting an act ("Camat Diduga Ikut Kampanye") is about a case:
                # a rule or warning is worded as one ("dilarang", "jika", "imbauan").
                modality = "INCIDENT"
            status, outcome = incident_status() if modality == "INCIDENT" else (None, None)
            # One INCIDENT entry per (type, actor): several officials named with one act each
            # get one, sharing the evidence.
            actors = all_actors
            if len(groups) > 1:
                # Officials named apart, each with his own act: the act goes to the group named
                # last before its cue (or the first group when the cue comes first).
                before = [g for end, g in groups if end <= s0 + m.start()]
                actors = before[-1] if before else groups[0][1]
            if modality == "INCIDENT" and vtype in _RUNNING_TYPES and not any(officials[a]["category"] in BOUND_CATEGORIES for a in actors) \
                    and _CANDIDATE_WORD_RE.search(stext) and not _BOUND_WORD_RE.search(stext):
                continue  # a candidate running or gathering support: a neutrality case only for someone bound
            who = [a for a in actors if vtype in OFFICE_TYPES or officials[a]["category"] in BOUND_CATEGORIES]
            if modality == "INCIDENT" and actors and not who:
                continue  # a politician running, campaigning or in a party: no neutrality case
            who = (who or [None]) if modality == "INCIDENT" else [None]
            keys = [(vtype, modality, a) for a in who if (vtype, modality, a) not in seen]
            if not keys:
                continue
            # Evidence: the clause around the cue, cut at clause punctuation.
            a = s0 + max([stext.rfind(p, 0, m.start()) + 1 for p in (",", ";", ":", "“", "\"")] + [0])
            b_candidates = [stext.find(p, m.end()) for p in (",", ";", ".", "”", "\"")]
            b_candidates = [b for b in b_candidates if b >= 0]
            b = s0 + (min(b_candidates) if b_candidates else len(stext))
            while a < b and text[a].isspace():
                a += 1
            for key in keys:
                seen.add(key)
                rec = {"type": vtype, "modality": modality, "status": status, "actor": key[2], "evidence": [a, b]}
                if outcome:
                    rec["outcome"] = outcome
                if vtype == "LAINNYA" and VAGUE_RE.fullmatch(stext, m.start(), m.end()):
                    vague.add(id(rec))
                out.append(rec)
    # "diduga tidak netral" is LAINNYA only when no act is described: a lede announcing a case
    # whose acts the article goes on to tell gives no entry of its own.
    acted = {v["actor"] for v in out if v["modality"] == "INCIDENT" and v["type"] != "LAINNYA"}
    if acted:
        out = [v for v in out if not (id(v) in vague and v["modality"] == "INCIDENT" and v["actor"] in acted | {None})]
    with_entry = {v["actor"] for v in out if v["modality"] == "INCIDENT"}
    for si, i in suspects:
        if i in with_entry:
            continue
        with_entry.add(i)
        status, outcome = incident_status()
        rec = {"type": "LAINNYA", "modality": "INCIDENT", "status": status, "actor": i,
               "evidence": [sents[si].start_char, sents[si].end_char]}
        if outcome:
            rec["outcome"] = outcome
        out.append(rec)
    # A headline telling the act of someone the body then names ("Kepsek di Tabalong Unggah ..."):
    # the body's entry with its actor is the case; the headline's without one repeats it.
    head_end = text.find("\n")
    if head_end > 0:
        named_types = {v["type"] for v in out if v["modality"] == "INCIDENT" and v["actor"] is not None}
        out = [v for v in out if not (v["modality"] == "INCIDENT" and v["actor"] is None and v["type"] in named_types
                                      and v["evidence"][0] < head_end)]
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

    def _classify_all(self, texts: list[str]) -> None:
        """Classify every candidate sentence of the document in one batch."""
        tc = self._classifier()
        texts = list(dict.fromkeys(texts))
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
        violations = extract_violations(doc, self.modality if use_tc else None, self._classify_all if use_tc else None)
        self._cache = {}
        doc._.netral_violations = violations
        set_span_group(doc, "violations", [(v["evidence"][0], v["evidence"][1], f"VIOL_{v['type']}") for v in violations])
        return doc


@Language.factory("netral_violations", assigns=["doc._.netral_violations", "doc.spans"],
                  default_config={"modality_textcat": "textcat_modality"})
def make_violations(nlp: Language, name: str, modality_textcat: str | None) -> ViolationRecognizer:
    return ViolationRecognizer(nlp, name, modality_textcat)
