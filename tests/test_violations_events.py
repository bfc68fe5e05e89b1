"""Violations (type, modality, status, actor) and events on real phrasings, through the rule pipeline."""
import pytest


def ann(nlp, text):
    return nlp(text).to_dict()


def types(d, modality=None):
    return {v["type"] for v in d["violations"] if modality is None or v["modality"] == modality}


def test_briefing_list_is_generic(nlp):
    d = ann(nlp, "Ketua Bawaslu Kabupaten Agam, Ruzi Haryadi, mengingatkan ASN dilarang memasang spanduk calon, "
                 "berfoto dengan pasangan calon sambil mengacungkan jari, serta mengunggah dukungan di media sosial. "
                 "ASN yang melanggar bisa dikenai sanksi sesuai PP Nomor 94 Tahun 2021 menjelang Pilkada 2024.")
    assert {"ALAT_PERAGA", "FOTO_SIMBOL", "MEDIA_SOSIAL"} <= types(d, "GENERIC")
    assert not types(d, "INCIDENT")
    assert all(v["status"] is None and v["actor"] is None for v in d["violations"])


def test_reported_case_is_incident_with_actor_and_status(nlp):
    d = ann(nlp, "Camat Lembang, Ujang Suherman, dilaporkan ke Bawaslu karena terekam menghadiri kampanye terbuka "
                 "pasangan calon bupati pada Pilkada 2024. Ia juga diduga memakai mobil dinas ke lokasi kampanye. "
                 "Bawaslu Kabupaten Bandung Barat menyatakan kasus itu memenuhi unsur pelanggaran netralitas ASN.")
    inc = [v for v in d["violations"] if v["modality"] == "INCIDENT"]
    assert {"KAMPANYE", "FASILITAS_NEGARA"} <= {v["type"] for v in inc}
    names = [o["name"] for o in d["officials"]]
    assert any(v["actor"] is not None and names[v["actor"]] == "Ujang Suherman" for v in inc)
    assert all(v["status"] == "TERBUKTI" for v in inc)
    assert d["frame"] in ("PELANGGARAN", "PENINDAKAN")


def test_cleared_case_stays_dugaan(nlp):
    d = ann(nlp, "Kepala Desa Sukamaju, Dedi Mulyadi, dilaporkan karena diduga mengumpulkan fotokopi KTP warga untuk "
                 "calon perseorangan pada Pilkada 2020. Setelah klarifikasi, Bawaslu menyatakan laporan itu tidak "
                 "memenuhi unsur pelanggaran.")
    inc = [v for v in d["violations"] if v["modality"] == "INCIDENT"]
    assert inc and all(v["status"] == "DUGAAN" for v in inc)
    assert any(v.get("outcome") == "CLEARED" for v in inc)


def test_counts_are_aggregate(nlp):
    d = ann(nlp, "Bawaslu Jawa Tengah mencatat sebanyak 110 ASN terbukti melanggar netralitas pada Pilkada 2020, "
                 "sebagian besar karena unggahan dukungan di media sosial.")
    assert "MEDIA_SOSIAL" in types(d, "AGGREGATE")


@pytest.mark.parametrize("text", [
    "Dinas Kesehatan menggelar kampanye imunisasi campak di seluruh puskesmas pada Senin (12/8/2024).",
    "Polres Kudus menyiagakan 300 personel untuk pengamanan kampanye akbar pasangan calon di alun-alun.",
    "Seluruh ASN Pemkot Padang menandatangani deklarasi netralitas menjelang Pilkada 2024.",
    "Satpol PP melakukan penertiban baliho dan spanduk yang dipasang di pohon sepanjang jalan protokol.",
])
def test_hard_negatives_give_no_violation(nlp, text):
    d = ann(nlp, text)
    assert not types(d, "INCIDENT"), d["violations"]


def test_event_date_place_from_the_text(nlp):
    d = ann(nlp, "PADANG – Bawaslu Kota Padang menggelar sosialisasi netralitas ASN di Aula Kantor Wali Kota Padang, "
                 "Kamis (3/10/2024). Sosialisasi itu diikuti 200 ASN.")
    ev = [(e["type"], e["date"]) for e in d["events"]]
    assert ("SOSIALISASI", "2024-10-03") in ev
    loc = next(e["location"] for e in d["events"] if e["type"] == "SOSIALISASI")
    assert loc.startswith("Aula Kantor Wali Kota Padang")


def test_generic_mentions_are_not_events(nlp):
    d = ann(nlp, "ASN yang terbukti ikut kampanye bisa dilaporkan ke Bawaslu dan dapat dijatuhi sanksi berat.")
    assert d["events"] == []


def test_relative_date_resolved_against_dateline(nlp):
    d = ann(nlp, "Bawaslu Periksa Camat\n\nSOLOK, Selasa (15/10/2024) – Bawaslu Kabupaten Solok memeriksa seorang camat "
                 "yang diduga ikut kampanye. Camat itu dilaporkan warga kemarin.")
    assert ("PELAPORAN", "2024-10-14") in {(e["type"], e["date"]) for e in d["events"]}


def test_regions_in_official_form(nlp):
    d = ann(nlp, "Bawaslu Kab. Solok dan Pemkot Padang menggelar rapat koordinasi netralitas ASN bersama Bawaslu Sumbar.")
    names = {r["name"]: r for r in d["regions"]}
    assert {"Kabupaten Solok", "Kota Padang", "Sumatera Barat"} <= set(names)
    assert names["Kabupaten Solok"]["code"] == "13.02" and names["Kota Padang"]["province"] == "Sumatera Barat"


def test_not_indonesian_is_not_relevant(nlp):
    d = ann(nlp, "The election supervisory agency said that civil servants must remain neutral during the regional "
                 "elections and that any violation will be reported to the civil service commission.")
    assert d["lang"] == "en" and d["relevant"] is False and d["frame"] == "LAIN"


def test_colloquial_post_is_normalised_but_offsets_stay_in_the_post(nlp):
    post = ("sy udh laporin ke panwascam td pagi. pak kades SBT kmrn pake mobil dinas desa buat angkut baliho "
            "caleg dprd 🙄 gak malu ya #Pemilu2024")
    ann = nlp(post)
    d = ann.to_dict()
    assert d["text"] == post and d["extra" if False else "normalized"] is True
    assert "SBT" in {o["name"] for o in d["officials"]}
    assert {"ALAT_PERAGA", "FASILITAS_NEGARA"} <= types(d)
    for v in d["violations"]:
        s, e = v["evidence"]
        assert 0 <= s < e <= len(post)
    for o in d["officials"]:
        assert all(post[s:e] == o["name"] for s, e in o["mentions"])


def test_jakarta_passive_in_is_read_as_kan():
    from netral_nlp.text.normalize import normalize_colloquial

    post = "Td siang udh dilaporin ke Bawaslu, videonya jg udh diserahin. ASN hrs disiplin, jgn dipimpin timses."
    norm = normalize_colloquial(post)
    assert "dilaporkan ke Bawaslu" in norm.text and "diserahkan" in norm.text
    assert "disiplin" in norm.text and "dipimpin" in norm.text  # standard words of the same shape stay
    s = norm.text.index("dilaporkan")
    assert norm.to_original(s, s + len("dilaporkan")) == (post.index("dilaporin"), post.index("dilaporin") + 9)


REGULATION_EXPLAINER = """Kementerian PANRB Terbitkan Surat Edaran Baru soal Netralitas ASN

Jakarta - Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi menerbitkan Surat Edaran Menteri PANRB Nomor 18 Tahun 2023 tentang netralitas pegawai ASN dalam Pemilu 2024, Senin (9/10/2023). Dalam beleid tersebut, laporan masyarakat yang diterima Bawaslu diteruskan kepada Badan Kepegawaian Negara, lalu pegawai yang dilaporkan dipanggil dan diperiksa oleh atasan langsungnya.

Menurut aturan tersebut, ASN yang terbukti melanggar dapat dijatuhi sanksi disiplin sesuai Peraturan Pemerintah Nomor 94 Tahun 2021. Ketentuan baru ini juga mempertegas larangan bagi ASN memberikan tanda suka pada unggahan peserta pemilu di media sosial."""


def test_regulation_explainer_reports_no_events(nlp):
    # The procedure the circular lays down reads like reports and examinations to the trigger
    # rules; a REGULASI document reports no happening, so the frame component drops them.
    with nlp.nlp.select_pipes(disable=["netral_frame"]):
        procedural = nlp.nlp(REGULATION_EXPLAINER)._.netral_events
    assert {e["type"] for e in procedural} & {"PELAPORAN", "PEMERIKSAAN"}
    ann = nlp(REGULATION_EXPLAINER)
    assert ann.frame == "REGULASI"
    assert ann.events == []
    assert {(r.kind, str(r.number), r.year) for r in ann.legal_refs} >= {("PP", "94", 2021)}


def test_classifier_lain_does_not_drop_a_reported_case(nlp):
    """The frame classifier's LAIN would drop every violation: with an incident found in a text that
    speaks of neutrality, the best relevant frame is taken instead; a text without one stays LAIN."""
    from netral_nlp.components.frame import FrameClassifier

    frame = FrameClassifier(nlp.nlp, "netral_frame")
    lain = {"SOSIALISASI": 0.02, "PELANGGARAN": 0.21, "PENINDAKAN": 0.33, "REGULASI": 0.0, "OPINI": 0.0, "LAIN": 0.44}
    case = {"type": "KAMPANYE", "modality": "INCIDENT", "status": "DUGAAN", "actor": None, "evidence": [0, 10]}
    doc = nlp.nlp.make_doc("Seorang guru PPPK diduga melanggar netralitas karena aktif di tim kampanye partai.")
    doc.cats = dict(lain)
    doc._.netral_violations = [case]
    assert frame(doc)._.netral_frame == "PENINDAKAN" and doc._.netral_violations == [case]
    doc = nlp.nlp.make_doc("Harga cabai di pasar tradisional naik menjelang akhir tahun.")
    doc.cats = dict(lain)
    doc._.netral_violations = [case]
    assert frame(doc)._.netral_frame == "LAIN" and doc._.netral_violations == []
