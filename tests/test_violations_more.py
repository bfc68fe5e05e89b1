"""Violations: cue forms, actor resolution across sentences and per-actor entries.

The unit tests run the rule extraction on a Doc whose officials are given by hand, so they do
not depend on the officials component or the trained modality classifier; the last tests go
through the whole default pipeline.
"""
import re

import pytest
import spacy

from netral_nlp.components.violations import extract_violations


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp


def run(blank, text, officials):
    """Violations of ``text`` with ``officials`` given as (name, category, position, [mention forms])."""
    doc = blank(text)
    offs = []
    for name, cat, pos, forms in officials:
        mentions = sorted({(m.start(), m.end()) for f in forms for m in re.finditer(re.escape(f), text)})
        offs.append({"name": name, "position": pos, "institution": None, "category": cat,
                     "mentions": [list(m) for m in mentions]})
    doc._.netral_officials = offs
    return extract_violations(doc)


def incident(vs, vtype):
    return [v for v in vs if v["type"] == vtype and v["modality"] == "INCIDENT"]


def test_cue_with_clitic_and_prefix(blank):
    vs = run(blank, "Camat Sukaraja, Budi Hartono, diduga berkampanye untuk pasangan calon bupati dengan "
                    "mobil dinasnya pada Pilkada 2024.",
             [("Budi Hartono", "ASN", "Camat", ["Budi Hartono"])])
    assert incident(vs, "KAMPANYE") and incident(vs, "FASILITAS_NEGARA")
    assert incident(vs, "FASILITAS_NEGARA")[0]["actor"] == 0


def test_title_with_demonstrative_points_back(blank):
    vs = run(blank, "Bawaslu menerima laporan tentang Sekretaris Daerah Tanjung Sari, Rudi Permana, pada Pilkada 2024. "
                    "Menurut pelapor, Sekda itu terekam mengacungkan dua jari bersama pasangan calon bupati.",
             [("Rudi Permana", "ASN", "Sekretaris Daerah", ["Rudi Permana"])])
    foto = incident(vs, "FOTO_SIMBOL")
    assert foto and foto[0]["actor"] == 0


def test_next_sentence_without_election_word_keeps_the_actor(blank):
    vs = run(blank, "Lurah Mekarsari, Dodi Kurnia, dilaporkan karena mendukung pasangan calon wali kota pada Pilkada 2024. "
                    "Ia juga kedapatan mengunggah foto itu di akun Facebook pribadinya.",
             [("Dodi Kurnia", "ASN", "Lurah", ["Dodi Kurnia"])])
    med = incident(vs, "MEDIA_SOSIAL")
    assert med and med[0]["actor"] == 0


def test_one_entry_per_actor_and_plural_reference(blank):
    text = ("Dua ASN Pemkab Lembah Hijau, Andi Saputra dan Rina Lestari, dilaporkan ke Bawaslu pada Pilkada 2024. "
            "Dalam foto yang beredar, keduanya berpose bersama calon bupati sambil mengacungkan tiga jari.")
    vs = run(blank, text, [("Andi Saputra", "ASN", None, ["Andi Saputra"]), ("Rina Lestari", "ASN", None, ["Rina Lestari"])])
    assert {v["actor"] for v in incident(vs, "FOTO_SIMBOL")} == {0, 1}


def test_candidate_posed_with_is_not_the_actor(blank):
    text = ("Seorang kepala desa, Joko Susilo, diduga tidak netral pada Pilkada 2024. "
            "Ia berfoto bersama calon Wakil Bupati, Hendra Wijaya, sambil mengacungkan dua jari.")
    vs = run(blank, text, [("Joko Susilo", "PERANGKAT_DESA", "Kepala Desa", ["Joko Susilo"]),
                           ("Hendra Wijaya", "CALON", "Wakil Bupati", ["Hendra Wijaya"])])
    assert {v["actor"] for v in incident(vs, "FOTO_SIMBOL")} == {0}


def test_politician_running_for_office_is_no_pencalonan_actor(blank):
    vs = run(blank, "Bupati Sungai Lebar, Agus Salim, diduga mencalonkan diri sebagai calon gubernur pada Pilkada 2024.",
             [("Agus Salim", "PEJABAT_POLITIK", "Bupati", ["Agus Salim"])])
    assert all(v["actor"] is None for v in vs if v["type"] == "PENCALONAN")


def test_handing_out_goods_is_not_social_media(blank):
    vs = run(blank, "Kepala Desa Mulyajaya, Tono Sugiarto, diduga membagikan sembako bergambar pasangan calon bupati "
                    "kepada warga pada Pilkada 2024.",
             [("Tono Sugiarto", "PERANGKAT_DESA", "Kepala Desa", ["Tono Sugiarto"])])
    types = {v["type"] for v in vs}
    assert "MEDIA_SOSIAL" not in types and "KEBIJAKAN_BERPIHAK" in types


def test_directing_subordinates_is_mobilisasi(blank):
    vs = run(blank, "Camat Cempaka, Herman Syah, diduga meminta para kepala desa mengumpulkan warga untuk memenangkan "
                    "pasangan calon nomor urut 2 pada Pilkada 2024.",
             [("Herman Syah", "ASN", "Camat", ["Herman Syah"])])
    mob = incident(vs, "MOBILISASI")
    assert mob and mob[0]["actor"] == 0


def test_witness_for_a_party_is_lainnya_not_party_membership(blank):
    vs = run(blank, "Kepala Desa Tanjung, Rahmat Hidayat, terbukti menjadi saksi salah satu partai politik di TPS "
                    "pada Pemilu 2024.",
             [("Rahmat Hidayat", "PERANGKAT_DESA", "Kepala Desa", ["Rahmat Hidayat"])])
    types = {v["type"] for v in incident(vs, "LAINNYA")} | {v["type"] for v in vs}
    assert "LAINNYA" in types and "PARTAI_POLITIK" not in types


def test_pipeline_links_both_named_officials(nlp):
    d = nlp("Camat Sukamulya, Asep Gunawan, dan Lurah Cibening, Dedi Rosadi, dilaporkan ke Bawaslu karena hadir "
            "dalam kampanye pasangan calon bupati pada Pilkada 2024.").to_dict()
    names = {d["officials"][v["actor"]]["name"] for v in d["violations"]
             if v["type"] == "KAMPANYE" and v["modality"] == "INCIDENT" and v["actor"] is not None}
    assert {"Asep Gunawan", "Dedi Rosadi"} <= names


def test_declaring_support_is_an_act_not_speech(blank):
    vs = run(blank, "Kepala Dinas Perhubungan, Fajar Nugraha, menyatakan dukungan kepada pasangan calon gubernur "
                    "nomor urut 1 dalam sebuah acara pada Pilkada 2024.",
             [("Fajar Nugraha", "ASN", "Kepala Dinas Perhubungan", ["Fajar Nugraha"])])
    dek = incident(vs, "DEKLARASI")
    assert dek and dek[0]["actor"] == 0


def test_object_of_a_verb_ending_like_a_speech_word_is_not_the_speaker(blank):
    # "mengungkap Wawan" ends in "ungkap" but is no "ungkap Wawan" quote attribution
    vs = run(blank, "Bawaslu memeriksa dugaan pelanggaran pada Pilkada 2024. Penelusuran pengawas mengungkap Wawan Setiadi "
                    "mengumpulkan fotokopi KTP warga untuk calon perseorangan.",
             [("Wawan Setiadi", "PERANGKAT_DESA", "Kepala Desa", ["Wawan Setiadi"])])
    ktp = incident(vs, "DUKUNGAN_KTP")
    assert ktp and ktp[0]["actor"] == 0


def test_pronoun_refers_to_the_last_named_official(blank):
    text = ("Bawaslu merekomendasikan sanksi untuk Kepala Bidang Sarana, Yudi Pratama, pada Pilkada 2024. "
            "Selain Yudi, Bawaslu juga memeriksa seorang guru berinisial LK. "
            "Ia terbukti mengunggah foto pasangan calon di akun Instagram pribadinya.")
    vs = run(blank, text, [("Yudi Pratama", "ASN", "Kepala Bidang Sarana", ["Yudi Pratama", "Yudi"]),
                           ("LK", "ASN", "Guru", ["LK"])])
    assert {v["actor"] for v in incident(vs, "MEDIA_SOSIAL")} == {1}


def test_unnamed_person_named_in_the_next_sentence(blank):
    text = ("Beredar video oknum polisi berjoget bersama tim sukses calon gubernur sambil berpose dua jari. "
            "Belakangan diketahui ia adalah Bripda TS, anggota Polres setempat.")
    vs = run(blank, text, [("TS", "TNI_POLRI", None, ["TS"])])
    foto = incident(vs, "FOTO_SIMBOL")
    assert foto and foto[0]["actor"] == 0


def test_two_officials_with_their_own_acts(blank):
    text = ("Pak kades HD semalam ikut berjoget di panggung kampanye caleg, sementara sekdes RN sibuk "
            "membagikan stiker caleg itu ke warga.")
    vs = run(blank, text, [("HD", "PERANGKAT_DESA", "Kepala Desa", ["HD"]), ("RN", "PERANGKAT_DESA", "Sekretaris Desa", ["RN"])])
    assert {v["actor"] for v in incident(vs, "KAMPANYE")} == {0}
    assert {v["actor"] for v in incident(vs, "ALAT_PERAGA")} == {1}


def test_counted_cases_without_acts_are_lainnya_aggregate(blank):
    vs = run(blank, "Sepanjang Pilkada 2024, Bawaslu provinsi mencatat 27 kasus pelanggaran netralitas ASN di "
                    "berbagai kabupaten.", [])
    assert ("LAINNYA", "AGGREGATE") in {(v["type"], v["modality"]) for v in vs}


def test_rejecting_money_politics_is_no_violation(blank):
    vs = run(blank, "Para kepala desa diajak menjaga kondusivitas Pilkada 2024 dan menolak politik uang dalam bentuk apa pun.", [])
    assert "LAINNYA" not in {v["type"] for v in vs}


def test_unnamed_group_goes_on_in_a_sentence_without_election_word(blank):
    text = ("Tiga camat terekam hadir dalam kampanye akbar pasangan calon wali kota pada Pilkada 2024. "
            "Mereka tampak masih mengenakan pakaian dinas.")
    vs = run(blank, text, [])
    assert "FASILITAS_NEGARA" in {v["type"] for v in vs}


def test_colloquial_finger_gesture(blank):
    vs = run(blank, "Pak kades SW foto bareng caleg DPRD sambil ngacungin 3 jari, parah bgt", [("SW", "PERANGKAT_DESA", "Kepala Desa", ["SW"])])
    foto = incident(vs, "FOTO_SIMBOL")
    assert foto and foto[0]["actor"] == 0


def _with_modality(blank, text, officials, modality):
    """Violations with the sentence classifier replaced by a constant answer."""
    doc = blank(text)
    offs = []
    for name, cat, pos, forms in officials:
        mentions = sorted({(m.start(), m.end()) for f in forms for m in re.finditer(re.escape(f), text)})
        offs.append({"name": name, "position": pos, "institution": None, "category": cat,
                     "mentions": [list(m) for m in mentions]})
    doc._.netral_officials = offs
    return extract_violations(doc, lambda s, h: modality)


def test_unnumbered_summary_of_cases_is_aggregate(blank):
    # "sebagian besar", "didominasi", "paling sering ditemui": cases found, summed up without a count
    text = ("Sebagian besar pelanggaran pada pemilihan gubernur lalu berupa kehadiran pegawai dalam kampanye "
            "pasangan calon.")
    assert {(v["type"], v["modality"]) for v in run(blank, text, [])} == {("KAMPANYE", "AGGREGATE")}
    vs = _with_modality(blank, "Laporan yang masuk ke pengawas didominasi unggahan pegawai di media sosial "
                               "yang mendukung pasangan calon.", [], "GENERIC")
    assert {v["modality"] for v in vs} == {"AGGREGATE"}


def test_rule_or_penalty_with_frequency_words_stays_generic(blank):
    # a penalty maximum ("denda paling banyak") or advice is no summary of cases
    for text in ("Pegawai yang menjadi anggota tim kampanye pasangan calon diancam pidana penjara dan denda "
                 "paling banyak dua belas juta rupiah.",
                 "Pegawai diminta tidak hadir dalam kampanye pasangan calon karena pelanggaran semacam itu paling "
                 "sering ditemui menjelang pemungutan suara."):
        vs = _with_modality(blank, text, [], "GENERIC")
        assert vs and {v["modality"] for v in vs} == {"GENERIC"}


def test_campaign_team_named_as_a_third_party_is_no_campaigning(blank):
    officials = [("Hendra Saputra", "PERANGKAT_DESA", "Kepala Desa", ["Hendra Saputra"])]
    vs = run(blank, "Kepala Desa Sumberjaya, Hendra Saputra, mengaku kerap didatangi tim sukses pasangan calon bupati "
                    "menjelang pilkada.", officials)
    assert not [v for v in vs if v["type"] == "KAMPANYE"]
    vs = run(blank, "Kepala Desa Sumberjaya, Hendra Saputra, diduga menjadi anggota tim pemenangan pasangan calon "
                    "bupati pada pilkada.", officials)
    assert incident(vs, "KAMPANYE") and incident(vs, "KAMPANYE")[0]["actor"] == 0


def test_hard_negative_stays_within_its_list_item(blank):
    # "alat peraga kampanye" in one item of a list does not cancel the campaign team of the next one
    vs = run(blank, "Larangan bagi ASN antara lain memasang alat peraga kampanye pasangan calon; serta ikut menjadi "
                    "anggota tim pemenangan.", [])
    assert [v for v in vs if v["type"] == "KAMPANYE" and v["modality"] == "GENERIC"]


def test_where_a_video_spread_is_not_social_media_conduct(blank):
    for text in ("Rekaman seorang lurah berjoget bersama pasangan calon wali kota beredar di grup percakapan dan "
                 "media sosial.",
                 "Video seorang lurah berjoget bersama pasangan calon wali kota beredar di akun TikTok milik warga."):
        assert not [v for v in run(blank, text, []) if v["type"] == "MEDIA_SOSIAL"]


def test_venue_of_a_neutrality_briefing_is_no_state_facility(blank):
    vs = run(blank, "Bawaslu menggelar sosialisasi netralitas ASN di aula kantor bupati menjelang pilkada.", [])
    assert not [v for v in vs if v["type"] == "FASILITAS_NEGARA"]


def test_speaker_with_an_adverb_is_not_the_actor(blank):
    officials = [("Budi Santoso", "ASN", "Kepala BKPSDM", ["Budi Santoso"])]
    vs = run(blank, "Kepala BKPSDM, Budi Santoso, secara khusus menyoroti kebiasaan pegawai berfoto dengan pasangan "
                    "calon bupati.", officials)
    assert not [v for v in vs if v["actor"] == 0]


def test_shares_of_cases_are_aggregate(nlp):
    """A breakdown of the cases found, by share or as 'ada pula ASN yang ...', reports cases: AGGREGATE."""
    text = ("Bawaslu mencatat 464 ASN dilaporkan tidak netral selama Pemilu 2024. Pelanggaran terbanyak lewat media "
            "sosial (30,4 persen). Berikutnya foto bersama calon dengan simbol gerakan tangan (12,6 persen). "
            "Ada pula ASN yang mendaftarkan diri ke partai politik.")
    got = {(v.type, v.modality) for v in nlp(text).violations}
    assert ("FOTO_SIMBOL", "AGGREGATE") in got and ("PARTAI_POLITIK", "AGGREGATE") in got
    assert not any(m == "GENERIC" for _, m in got)


def test_social_media_as_a_topic_is_no_act(nlp):
    text = ("Sekda Bali Dewa Made Indra memberi perhatian khusus pada media sosial menjelang Pilkada 2024. "
            "ASN tidak boleh ikut kampanye pasangan calon.")
    assert not any(v.type == "MEDIA_SOSIAL" for v in nlp(text).violations)


def test_kinds_of_reported_cases_listed_are_aggregate(nlp):
    text = ("BKN mencatat 47 laporan dugaan pelanggaran netralitas ASN selama Pemilu 2024. Pelanggaran disiplin yang "
            "dilaporkan, kata Nanang, di antaranya ASN yang menjadi pengurus partai politik hingga ikut sebagai peserta "
            "kampanye pasangan calon. Adapun laporan kode etik meliputi ASN yang mengunggah dukungan kepada paslon di "
            "media sosial.")
    got = {(v.type, v.modality) for v in nlp(text).violations}
    assert {("PARTAI_POLITIK", "AGGREGATE"), ("KAMPANYE", "AGGREGATE"), ("MEDIA_SOSIAL", "AGGREGATE")} <= got
    # the same list as a rule stays GENERIC
    rule = nlp("Larangan bagi ASN menjelang Pemilu 2024 di antaranya menjadi anggota atau pengurus partai politik.")
    assert {(v.type, v.modality) for v in rule.violations} == {("PARTAI_POLITIK", "GENERIC")}


def test_headline_act_of_the_named_actor_is_one_case(nlp):
    text = ("Kepsek di Tabalong Unggah Contoh Surat Suara Bergambar Satu Paslon di Facebook\n\n"
            "TANJUNG – Kepala Sekolah SDN 1 Tanjung, Ahmad Jaelani, dilaporkan ke Bawaslu Tabalong. Ahmad Jaelani "
            "mengunggah gambar contoh surat suara bergambar satu pasangan calon di Facebook menjelang Pilkada 2024.")
    ms = [v for v in nlp(text).violations if v.type == "MEDIA_SOSIAL" and v.modality == "INCIDENT"]
    assert len(ms) == 1 and ms[0].actor is not None


@pytest.mark.parametrize("text,vtype", [
    ("Seorang ASN menuliskan komentar pada sebuah unggahan bernada kampanye menjelang Pilkada 2024.", "KAMPANYE"),
    ("Dari tiga pasangan calon bupati, dua di antaranya diusung partai politik pada Pilkada 2024.", "PARTAI_POLITIK"),
])
def test_content_and_nominations_are_not_those_acts(nlp, text, vtype):
    assert vtype not in {v.type for v in nlp(text).violations}


def test_counted_cases_in_words_are_aggregate(nlp):
    text = "Bawaslu Buru Selatan menemukan empat dugaan pelanggaran netralitas aparatur sipil negara pada Pilkada 2024."
    assert ("LAINNYA", "AGGREGATE") in {(v.type, v.modality) for v in nlp(text).violations}


def test_pressing_people_to_vote_is_mobilisation(nlp):
    text = "Kepala desa tidak boleh mengajak atau menekan warga agar memilih pasangan tertentu pada Pilkada 2024."
    assert ("MOBILISASI", "GENERIC") in {(v.type, v.modality) for v in nlp(text).violations}


def test_pressing_health_workers_to_vote(nlp):
    text = ("Beredar video suara Kepala Puskesmas Bibinoi atas nama Syamil Kamarullah jelang Pilkada 2024. Dia menekan "
            "para nakes supaya coblos paslon bupati tertentu.")
    got = [(v.type, v.modality, v.actor) for v in nlp(text).violations]
    assert ("MOBILISASI", "INCIDENT", 0) in got


@pytest.mark.parametrize("text,vtype", [
    ("Anna, mantan bupati yang kini maju sebagai caleg DPR RI dari PKB, berkampanye di Bojonegoro pada Pemilu 2024.",
     "PENCALONAN"),
    ("Pasangan bakal calon perseorangan itu sudah dinyatakan memenuhi syarat dukungan minimal oleh KPU Tomohon "
     "untuk Pilkada 2024.", "DUKUNGAN_KTP"),
])
def test_candidates_running_are_no_incident(nlp, text, vtype):
    assert (vtype, "INCIDENT") not in {(v.type, v.modality) for v in nlp(text).violations}


def test_a_civil_servant_running_is_still_an_incident(nlp):
    text = "Seorang ASN aktif di Dinas Pendidikan mendaftar sebagai bakal calon bupati tanpa mengundurkan diri pada Pilkada 2024."
    assert ("PENCALONAN", "INCIDENT") in {(v.type, v.modality) for v in nlp(text).violations}


def test_attending_one_pairs_registration_for_each_official_of_the_group(nlp):
    text = ("Bawaslu memanggil tiga ASN. Mereka adalah Camat Teweh Baru, H. Joni; Plt Camat Teweh Timur, Abdul Gofur; "
            "dan Lurah Lanjas, Romiadi Bahrul. Ketiganya diduga hadir dalam acara pendaftaran salah satu bakal pasangan "
            "calon gubernur pada Pilkada 2024.")
    got = {(v.type, v.modality, v.actor) for v in nlp(text).violations}
    assert {("DEKLARASI", "INCIDENT", i) for i in range(3)} <= got


@pytest.mark.parametrize("text", [
    'Lur, pak kades bilang semua warga wajib kasih suara ke paslon nomor 2 di Pilkada 2024, kalo nggak BLT dicoret.',
    "Lurah itu diduga mendata warga untuk mendukung pasangan calon bupati nomor urut 1 pada Pilkada 2024.",
])
def test_more_ways_of_mobilising_voters(nlp, text):
    assert "MOBILISASI" in {v.type for v in nlp(text).violations}


def test_a_law_threatening_a_penalty_is_no_mobilisation(nlp):
    text = ("Pasal 490 UU Pemilu mengancam kepala desa yang membuat keputusan yang menguntungkan peserta pemilu "
            "dengan pidana penjara paling lama satu tahun.")
    assert "MOBILISASI" not in {v.type for v in nlp(text).violations}


def test_a_stretch_of_the_campaign_period_is_no_campaign(blank):
    from netral_nlp.components.violations import extract_violations

    doc = blank("Sebulan Kampanye Pilkada Jabar, Bawaslu Terima 70 Dugaan Pelanggaran\n\nBANDUNG – Bawaslu Jawa Barat "
                "menerima 70 dugaan pelanggaran selama bulan pertama kampanye Pilkada 2024.")
    assert "KAMPANYE" not in {v["type"] for v in extract_violations(doc)}


@pytest.mark.parametrize("text,vtype", [
    ("Camat Lubuk Pakam, Rio Laka Dewa, kedapatan di rumahnya, ternyata dibagikan minyak goreng kepada warga "
     "jelang Pilkada Deli Serdang.", "KEBIJAKAN_BERPIHAK"),
    ("Camat Lubuk Pakam, Rio Laka Dewa, kedapatan memberi kalender pasangan calon bupati kepada warga.", "ALAT_PERAGA"),
    ("Guru SMA berinisial ES, Eko Susanto, terekam memimpin orang-orang teriak \"Agusrin-Imron menang!\" di Pilgub "
     "Bengkulu.", "KAMPANYE"),
    ("Panewu Anom Godean, Budi Santoso, ketahuan hadir di acara internal timses paslon 01 di Pilkada Sleman.", "KAMPANYE"),
])
def test_more_ways_to_tell_an_act(blank, text, vtype):
    name = text.split(", ")[1]
    vs = run(blank, text, [(name, "ASN", "Camat", [name])])
    assert incident(vs, vtype), vs


def test_found_not_neutral_without_an_act_is_lainnya(blank):
    text = ("Bupati Banggai memberhentikan sementara Kepala Desa Simpang Dua, Fenny Rahayu, yang dinilai tidak netral "
            "dalam pemungutan suara ulang Pilkada Banggai.")
    vs = run(blank, text, [("Fenny Rahayu", "PERANGKAT_DESA", "Kepala Desa", ["Fenny Rahayu"])])
    assert [v["actor"] for v in incident(vs, "LAINNYA")] == [0]


def test_a_sentence_going_on_without_a_subject_is_the_previous_officials_act(blank):
    text = ("Minggu malam di rumah Camat Lubuk Pakam, Rio Laka Dewa, warga antre jelang Pilkada Deli Serdang. "
            "Ternyata dibagikan minyak goreng dan kalender pasangan calon bupati.")
    vs = run(blank, text, [("Rio Laka Dewa", "ASN", "Camat", ["Rio Laka Dewa"])])
    assert {v["type"] for v in vs if v["modality"] == "INCIDENT" and v["actor"] == 0} >= {"KEBIJAKAN_BERPIHAK", "ALAT_PERAGA"}
    # not across a paragraph, nor when the sentence before names two officials
    vs = run(blank, text.replace("Serdang. ", "Serdang.\n\n"), [("Rio Laka Dewa", "ASN", "Camat", ["Rio Laka Dewa"])])
    assert not [v for v in vs if v["actor"] == 0 and v["type"] == "ALAT_PERAGA"]


def test_a_counted_group_named_in_the_next_sentence_are_the_actors(blank):
    text = ("Bawaslu Bantaeng menyimpulkan lima kepala desa melanggar netralitas dalam Pilkada Bantaeng 2024. Kelimanya "
            "dilaporkan warga karena tampak hadir dalam deklarasi salah satu pasangan calon bupati.\n\nMereka ialah Kades "
            "Nipa-Nipa, Aswin; Kades Bonto Karaeng, Arifuddin; serta Kades Layoa, Andi Supiradi.")
    offs = [(n, "PERANGKAT_DESA", "Kepala Desa", [n]) for n in ("Aswin", "Arifuddin", "Andi Supiradi")]
    vs = run(blank, text, offs)
    assert sorted(v["actor"] for v in incident(vs, "DEKLARASI")) == [0, 1, 2]
