"""Events: which date an event takes and which trigger words are no events (rule pipeline).

The sentences are written for these tests; each states one behaviour of netral_events.
"""
from __future__ import annotations

import pytest


def events(nlp, text):
    return {(e["type"], e["date"]) for e in nlp(text).to_dict()["events"]}


def types(nlp, text):
    return {t for t, _ in events(nlp, text)}


# --- dates -------------------------------------------------------------------------------------


def test_date_of_a_statement_does_not_date_the_event(nlp):
    ev = events(nlp, "Ketua Bawaslu Kabupaten Lebak, Rabu (16/10/2024), menyebut kepala desa yang dilaporkan warga "
                     "itu belum memenuhi panggilan.")
    assert ("PELAPORAN", "2024-10-16") not in ev
    ev = events(nlp, "\"Yang bersangkutan mengaku hadir dalam kegiatan kampanye itu,\" ujar Ketua Panwaslu di "
                     "kantornya, Sabtu (12/10/2024).")
    assert ("KAMPANYE", "2024-10-12") not in ev


def test_next_sentence_dates_the_report(nlp):
    ev = events(nlp, "Seorang kepala desa di Kecamatan Cibeber dilaporkan ke Bawaslu Kabupaten Lebak. Laporan "
                     "dilayangkan tim pemenangan salah satu pasangan calon, Kamis (10/10/2024).")
    assert ("PELAPORAN", "2024-10-10") in ev


def test_report_noun_with_a_passive_verb_is_a_dated_report(nlp):
    ev = events(nlp, "Sekretaris desa di Kecamatan Sukadana diduga mengunggah ajakan memilih pasangan calon. Laporan "
                     "disampaikan seorang pemuda ke Bawaslu Lampung Timur pada Selasa (15/10/2024).")
    assert ("PELAPORAN", "2024-10-15") in ev


def test_a_date_in_another_steps_clause_is_that_steps(nlp):
    # the date belongs to the summons, told in the clause after "dan pihaknya", not to the registration
    ev = events(nlp, "Ketua Bawaslu Kota Bima, Selasa, 8 Oktober 2024, mengatakan laporan sudah diregistrasi dan "
                     "pihaknya telah memanggil lurah itu untuk dimintai klarifikasi kemarin.")
    assert ("PEMERIKSAAN", "2024-10-07") in ev
    assert ("PELAPORAN", "2024-10-07") not in ev
    ev = events(nlp, "Camat itu dilaporkan warga ke Panwascam Sape, Jumat (4/10/2024), dan Bawaslu memeriksanya "
                     "Senin (7/10/2024).")
    assert {("PELAPORAN", "2024-10-04"), ("PEMERIKSAAN", "2024-10-07")} <= ev


def test_incident_sentence_dates_the_campaign(nlp):
    ev = events(nlp, "Kepala dinas itu diduga ikut berkampanye bersama pasangan calon bupati. Peristiwa itu terjadi "
                     "Minggu (6/10/2024) malam di sebuah lapangan desa.")
    assert ("KAMPANYE", "2024-10-06") in ev


def test_sentence_pointing_back_shares_the_date(nlp):
    ev = events(nlp, "Pemkab Lebak menggelar apel gabungan di halaman kantor bupati, Senin (7/10/2024). Usai apel, "
                     "para kepala dinas membacakan ikrar netralitas ASN di hadapan Sekda.")
    assert {("APEL", "2024-10-07"), ("IKRAR", "2024-10-07")} <= ev


def test_election_day_does_not_date_the_event(nlp):
    ev = events(nlp, "Bawaslu Kota Serang menggelar sosialisasi netralitas ASN menjelang pemungutan suara "
                     "27 November 2024.")
    assert ("SOSIALISASI", "2024-11-27") not in ev and "SOSIALISASI" in {t for t, _ in ev}


def test_the_date_a_relative_clause_gives_the_vote_does_not_date_the_sanction(nlp):
    ev = events(nlp, "LUWUK – Bupati Banggai menjatuhkan sanksi pemberhentian sementara kepada enam kepala desa yang "
                     "dinilai tidak netral dalam pemungutan suara ulang (PSU) Pilkada Banggai 2024 yang digelar pada "
                     "5 April 2025. Keputusan itu dituangkan dalam surat keputusan bupati yang diteken pada 9 Mei 2025.")
    assert ("SANKSI", "2025-04-05") not in ev
    assert ("SANKSI", "2025-05-09") in ev


def test_a_sentence_going_on_from_a_dated_scene_takes_its_date(nlp):
    text = ("NGANJUK – Halaman GOR Bung Karno dipenuhi aparatur sipil negara Pemerintah Kabupaten Nganjuk pada Kamis "
            "(3/10/2024) pagi. Mereka mengikuti Apel Netralitas ASN sekaligus mengucapkan ikrar untuk tidak berpihak "
            "dalam Pilkada Serentak 2024.")
    assert {("APEL", "2024-10-03"), ("IKRAR", "2024-10-03")} <= events(nlp, text)
    # a new paragraph is no continuation of the scene
    assert ("APEL", "2024-10-03") not in events(nlp, text.replace("pagi. Mereka", "pagi.\n\nMereka"))


def test_registration_period_takes_its_first_day(nlp):
    ev = events(nlp, "Sejumlah kepala desa ikut mengantar pendaftaran bakal pasangan calon bupati di KPU Lebak "
                     "pada 27–29 Agustus 2024.")
    assert ("DEKLARASI_CALON", "2024-08-27") in ev


def test_same_day_and_enclitic_trigger(nlp):
    ev = events(nlp, "Video camat itu beredar di grup WhatsApp pada Senin (14/10/2024). Seorang warga mengaku sudah "
                     "melaporkannya ke Panwascam pada hari yang sama.")
    assert ("PELAPORAN", "2024-10-14") in ev


# --- not events --------------------------------------------------------------------------------


def test_denied_permitted_or_topical_campaign_is_no_campaign_event(nlp):
    for text in ("Dikonfirmasi terpisah, lurah itu membantah telah berkampanye untuk pasangan calon petahana.",
                 "ASN masih boleh datang ke kegiatan kampanye untuk mendengarkan visi misi, asal tidak memakai atribut.",
                 "Ketua Bawaslu menyebut semua temuan itu berkaitan dengan kampanye calon gubernur nomor urut 2.",
                 "Rata-rata mereka hadir dalam kegiatan kampanye yang digelar peserta pemilu, kata Ketua Bawaslu."):
        assert "KAMPANYE" not in types(nlp, text), text
    assert "KAMPANYE" in types(nlp, "Camat itu hadir dalam kegiatan kampanye pasangan calon di Lapangan Merdeka, "
                                    "Sabtu (19/10/2024).")


def test_campaign_team_and_material_are_no_campaign_event(nlp):
    assert "KAMPANYE" not in types(nlp, "Laporan itu diajukan tim kampanye pasangan calon nomor urut 2 ke Bawaslu "
                                        "Kota Serang, Senin (21/10/2024).")
    assert "KAMPANYE" not in types(nlp, "Kepala BKPSDM menegaskan ASN tidak boleh terlibat dalam kegiatan kampanye "
                                        "pasangan calon mana pun.")


def test_complaint_desk_and_tally_are_no_report(nlp):
    assert "PELAPORAN" not in types(nlp, "Bawaslu Kota Serang membuka posko pengaduan di kantor kecamatan hingga "
                                         "hari pemungutan suara, Rabu (27/11/2024).")
    assert "PELAPORAN" not in types(nlp, "Bawaslu mencatat 38 laporan dugaan pelanggaran netralitas sejak awal "
                                         "tahapan Pilkada 2024.")


def test_forwarding_a_message_is_no_report(nlp):
    assert "PELAPORAN" not in types(nlp, "Sekda meminta para camat meneruskan pesan netralitas itu kepada seluruh "
                                         "lurah, Selasa (1/10/2024).")
    assert "PELAPORAN" in types(nlp, "Bawaslu Kota Serang meneruskan hasil kajian atas camat itu ke BKN, Selasa "
                                     "(1/10/2024).")


def test_who_may_sanction_is_no_sanction(nlp):
    assert "SANKSI" not in types(nlp, "Menurut Bawaslu, yang berwenang menjatuhkan sanksi adalah pejabat pembina "
                                      "kepegawaian, sedangkan Bawaslu hanya memberi rekomendasi.")


def test_other_briefings_and_declarations_are_not_neutrality_events(nlp):
    assert "SOSIALISASI" not in types(nlp, "KPU Kota Serang menggelar sosialisasi pendidikan pemilih bagi siswa "
                                           "SMA Negeri 2, Rabu (9/10/2024).")
    assert "DEKLARASI_CALON" not in types(nlp, "Ribuan pelajar membacakan deklarasi damai di alun-alun kota, Jumat "
                                               "(11/10/2024).")


def test_appeal_to_report_is_no_report(nlp):
    assert "PELAPORAN" not in types(nlp, "Bawaslu Kota Serang mengajak warga ikut mengawasi dan melaporkan dugaan "
                                         "pelanggaran netralitas ASN yang mereka temukan.")


def test_assembly_with_a_pledge_is_both(nlp):
    ev = events(nlp, "Pemkab Lebak menggelar apel ikrar netralitas ASN di alun-alun, Senin (4/11/2024).")
    assert {("APEL", "2024-11-04"), ("IKRAR", "2024-11-04")} <= ev


def test_summons_answered_is_an_examination(nlp):
    ev = events(nlp, "Tiga camat memenuhi panggilan Bawaslu Kabupaten Lebak, Selasa (15/10/2024), terkait video "
                     "dukungan kepada salah satu pasangan calon.")
    assert ("PEMERIKSAAN", "2024-10-15") in ev


def test_yearless_date_in_a_post_takes_the_election_year(nlp):
    ev = events(nlp, "pak kades kami ikut kampanye akbar paslon di lapangan desa Sabtu (12/10) kmrn, pake kaos "
                     "paslon lengkap 🙄 #Pilkada2024")
    assert ("KAMPANYE", "2024-10-12") in ev


def test_registration_with_kpu_named_later_in_the_clause(nlp):
    ev = events(nlp, "Pasangan petahana resmi mendaftarkan diri sebagai bakal pasangan calon bupati ke kantor KPU "
                     "Kabupaten Lebak, Rabu (28/8/2024).")
    assert ("DEKLARASI_CALON", "2024-08-28") in ev


def test_suspension_is_a_sanction_but_a_threat_is_not(nlp):
    assert "SANKSI" in types(nlp, "Bupati Lebak menonaktifkan dua camat yang terbukti hadir dalam deklarasi "
                                  "pasangan calon, Senin (2/9/2024).")
    assert "SANKSI" not in types(nlp, "Sekda mengancam memotong tunjangan kinerja pegawai yang membolos.")
    # a warning in a headline, a power the speaker lacks, the sanction usually given
    assert "SANKSI" not in types(nlp, "Bupati Pacitan: ASN yang Ikut Kampanye Siap-siap Disanksi\n\nPACITAN - Bupati "
                                      "mengingatkan seluruh pegawai agar netral.")
    assert "SANKSI" not in types(nlp, "Ketua Panwaslu menjelaskan pihaknya tidak memiliki kewenangan menjatuhkan "
                                      "hukuman disiplin kepada kepala desa.")
    assert "SANKSI" not in types(nlp, "Sanksi yang paling sering dijatuhkan inspektorat adalah pemotongan tunjangan "
                                      "bagi pegawai yang membolos.")


# --- second round: examinations summoned, procedures, campaign at a place, paragraph breaks ------


def test_examination_the_examiner_schedules_is_an_event(nlp):
    assert "PEMERIKSAAN" in types(nlp, "Ketua Panwaslu Kecamatan mengatakan laporan itu sudah lengkap. \"Besok "
                                       "kepala desa tersebut kami undang untuk klarifikasi,\" ujarnya.")
    assert "PEMERIKSAAN" not in types(nlp, "Pengawas berwenang mengundang pihak terkait untuk klarifikasi atas "
                                           "dugaan pelanggaran.")


def test_examination_put_on_the_agenda_is_an_event(nlp):
    assert "PEMERIKSAAN" in types(nlp, "Laporan itu memenuhi syarat formil dan materiil. Panwaslu kemudian "
                                       "mengagendakan klarifikasi terhadap kepala sekolah yang bersangkutan.")


@pytest.mark.parametrize("text,etype", [
    ("Panwaslu bersama pemkab mengumpulkan 50 kepala desa dalam kegiatan edukasi netralitas perangkat desa di "
     "Aula Kantor Bupati, Sabtu (26/10/2024).", "SOSIALISASI"),
    ("Wali kota membacakan Deklarasi Kepala Daerah Menjaga Netralitas ASN di Balai Kota, Selasa (17/9/2024).", "IKRAR"),
    ("Dua lurah diduga hadir dalam acara pendaftaran salah satu bakal pasangan calon bupati di KPU pada "
     "Kamis (29/8/2024).", "DEKLARASI_CALON"),
    ("Camat itu terlihat di acara konsolidasi PDIP di rumah ketua PAC, Senin (23/11/2020).", "KAMPANYE"),
    ("Bu lurah duduk paling depan saat acara silaturahmi caleg di posko dekat pasar, Sabtu (27/1/2024).", "KAMPANYE"),
    ("\"Hasil penanganannya sudah kami rekomendasikan ke Komisi ASN,\" ujar Ketua Bawaslu Manokwari.", "PELAPORAN"),
])
def test_more_ways_to_name_an_event(nlp, text, etype):
    assert etype in types(nlp, text)


def test_habitual_procedure_is_no_event(nlp):
    assert not types(nlp, "Setiap laporan yang masuk ke Bawaslu diregistrasi lalu diklarifikasi kepada terlapor "
                          "dan saksi.")
    assert "PELAPORAN" in types(nlp, "Bawaslu Kota Serang telah meneruskan setiap berkas camat itu ke BKN.")


def test_campaign_at_a_named_place_is_a_campaign(nlp):
    ev = events(nlp, "pak lurah td mlm duduk di panggung pas kampanye di Lapangan Merdeka, Sabtu (19/10/2024) 😤")
    assert ("KAMPANYE", "2024-10-19") in ev
    assert "KAMPANYE" not in types(nlp, "Peserta pemilu dilarang melakukan kampanye di tempat ibadah dan sekolah.")


def test_continuation_across_a_paragraph_break(nlp):
    ev = events(nlp, "Camat itu diduga ikut berkampanye bersama pasangan calon bupati.\n\nPeristiwa itu terjadi di "
                     "sebuah desa pada Jumat (18/10/2024).")
    assert ("KAMPANYE", "2024-10-18") in ev


def test_after_the_event_with_an_adjective_shares_its_date(nlp):
    ev = events(nlp, "Pj Bupati menggelar rapat koordinasi dengan Bawaslu di Kantor Bupati, Selasa (8/10/2024). "
                     "Usai rapat tertutup, para camat membacakan ikrar netralitas ASN.")
    assert ("IKRAR", "2024-10-08") in ev


def test_sending_evidence_to_the_supervisor_is_a_report(nlp):
    assert "PELAPORAN" in types(nlp, "td pagi sy udh kirim video & foto pak camat ke Panwascam Cibeber, katanya "
                                     "mau dikaji dulu 🙏")
    assert "PELAPORAN" in types(nlp, "Hasil kajian atas dua lurah itu sudah dikirim kepada Badan Kepegawaian "
                                     "Negara, Jumat (11/10/2024).")
    assert "PELAPORAN" not in types(nlp, "Bukti foto sudah sy simpan semua, siap kirim ke Bawaslu kalau masih "
                                         "diulang 😤")


def test_question_whether_it_was_reported_is_no_report(nlp):
    assert "PELAPORAN" not in types(nlp, "camat kita ikut joget di panggung paslon lho, udh ada yg lapor ke "
                                         "Bawaslu blm sih? #NetralitasASN")


def test_examination_done_or_under_way_is_an_event(nlp):
    assert "PEMERIKSAAN" in types(nlp, "Setelah klarifikasi oleh Panwaslu Kecamatan, kasus lurah itu dibawa ke "
                                       "rapat pleno.")
    assert "PEMERIKSAAN" in types(nlp, "\"Pemeriksaan terhadap kepala sekolah itu masih berjalan,\" katanya.")


def test_a_place_makes_a_briefing_a_happening(nlp):
    assert "SOSIALISASI" in types(nlp, "Bawaslu memperkenalkan aplikasi pengawasan netralitas ASN dalam sosialisasi "
                                       "di Aula Kantor Camat Cibeber.")


def test_supervisor_asking_for_clarification_is_an_examination(nlp):
    ev = events(nlp, "Bawaslu meminta klarifikasi pelapor, terlapor dan dua orang saksi di Kantor Bawaslu Kabupaten "
                     "Bandung pada Kamis, 22 Agustus 2024.")
    assert ("PEMERIKSAAN", "2024-08-22") in ev
    # a demand that someone be examined is not an examination
    assert "PEMERIKSAAN" not in types(nlp, "Warga meminta Bawaslu memeriksa camat yang hadir di acara paslon itu.")


def test_report_received_and_recommendation_sent_to_the_head_of_bkn(nlp):
    ev = events(nlp, "Perkara kedua berasal dari laporan yang diterima pada Sabtu, 14 September 2024. Rekomendasi "
                     "atas pelanggaran netralitas ASN dikirim kepada Kepala BKN pada Selasa, 27 Agustus 2024.")
    assert {("PELAPORAN", "2024-09-14"), ("PELAPORAN", "2024-08-27")} <= ev


def test_registration_stage_is_no_event(nlp):
    ev = events(nlp, "Laporan masyarakat diterima Bawaslu pada Senin, 19 Agustus 2024, sebelum tahapan pendaftaran "
                     "bakal pasangan calon dibuka.")
    assert "DEKLARASI_CALON" not in {t for t, _ in ev}


def test_bound_of_a_period_does_not_date_the_event(nlp):
    ev = events(nlp, "Kedua kasus itu telah dilimpahkan ke BKN karena sejak 24 Agustus 2024 fungsi pengawasan KASN "
                     "beralih ke BKN.")
    assert ("PELAPORAN", "2024-08-24") not in ev


@pytest.mark.parametrize("text", [
    '"Bukan kami yang menjatuhkan sanksi. Kami hanya merekomendasikan adanya dugaan pelanggaran," kata Ketua Bawaslu.',
    "Sebanyak 727 terlapor dipastikan berstatus ASN dan 645 di antaranya sudah dijatuhi sanksi pada Pilkada 2020.",
])
def test_denials_and_tallies_of_sanctions_are_no_sanction_event(nlp, text):
    assert "SANKSI" not in types(nlp, text)


def test_a_kind_of_reported_case_is_no_report(nlp):
    assert "PELAPORAN" not in types(nlp, "Pelanggaran disiplin yang dilaporkan di antaranya ASN yang menjadi pengurus "
                                         "partai politik.")


def test_report_by_a_named_group_to_the_supervisor(nlp):
    ev = events(nlp, "Perkara ini berawal dari laporan Jaringan Pemilih Rasional (Japer) ke Bawaslu Jember pada Jumat "
                     "(28/2/2020).")
    assert ("PELAPORAN", "2020-02-28") in ev


def test_campaign_material_is_no_campaign_event(nlp):
    assert "KAMPANYE" not in types(nlp, "Di lokasi itu ditemukan bahan kampanye paslon nomor urut 2 menjelang Pilkada 2020.")


def test_a_large_assembly_is_an_apel(nlp):
    ev = events(nlp, "Ratusan ASN mengikuti apel besar di pelataran Kantor Bupati Busel, Senin (22/7/2024). Dalam apel "
                     "tersebut, para pegawai mengucapkan ikrar netralitas ASN.")
    assert ("APEL", "2024-07-22") in ev


def test_header_date_line_removed_by_cleaning_still_dates_relative_words(nlp):
    text = ("Bawaslu Purworejo Periksa Kades\n\nSelasa, 8 Oktober 2024\n\nPURWOREJO – Bawaslu Kabupaten Purworejo "
            "memanggil kepala desa Kebongunung untuk dimintai klarifikasi kemarin terkait dugaan pelanggaran "
            "netralitas pada Pilkada 2024.")
    assert ("PEMERIKSAAN", "2024-10-07") in events(nlp, text)


def test_a_purpose_after_the_date_is_no_statement(nlp):
    ev = events(nlp, "Bawaslu Kabupaten Jombang mendatangi Balai Desa Plosogeneng, Rabu (25/9/2024), untuk meminta "
                     "keterangan kepala desa terkait Pilkada 2024.")
    assert ("PEMERIKSAAN", "2024-09-25") in ev
