"""Officials on real phrasings of Indonesian news: titles, institutions, categories, names."""
import pytest
import spacy

from netral_nlp.components.officials import extract_officials
from netral_nlp.lexicons import strip_titles

NLP = spacy.blank("id")


def people(text):
    return {p.name: p for p in extract_officials(NLP(text))}


@pytest.mark.parametrize("text,name,position,category,institution", [
    ("Demikian ditegaskan Sekretaris Daerah Kabupaten Solok, Medison saat memimpin apel pagi.",
     "Medison", "Sekretaris Daerah", "ASN", "Pemerintah Kabupaten Solok"),
    ("Terpisah, Ketua Bawaslu Kabupaten Solok, Afri Memori, memaparkan ASN adalah unsur yang unik.",
     "Afri Memori", "Ketua", "PENGAWAS_PEMILU", "Bawaslu Kabupaten Solok"),
    ("Acara dihadiri oleh Pjs. Bupati Solok, Dr. Drs. Akbar Ali, AP, M.Si, dan para kepala OPD.",
     "Akbar Ali", "Penjabat Sementara Bupati", "ASN", "Pemerintah Kabupaten Solok"),
    ("Hadir pula Pj Sekda Aceh Utara Dayan Albar, S.Sos, M.AP, dan unsur Forkopimda.",
     "Dayan Albar", "Penjabat Sekretaris Daerah", "ASN", "Pemerintah Kabupaten Aceh Utara"),
    ("Apel dipimpin Plt. Bupati Blora Tri Yuli Setyowati dan dihadiri unsur Forkopimda.",
     "Tri Yuli Setyowati", "Pelaksana Tugas Bupati", "PEJABAT_POLITIK", "Pemerintah Kabupaten Blora"),
    ("Komisioner KASN dr. Rudiarto Sumarwono mengatakan kasus itu sudah diputus.",
     "Rudiarto Sumarwono", "Komisioner", "PENGAWAS_PEMILU", "KASN"),
    ("Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Gresik, Abu Hasan, S.Sos., mengatakan seluruh kepala desa sudah diingatkan.",
     "Abu Hasan", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "ASN", None),
    ("Koordinator Divisi Penanganan Pelanggaran, Data dan Informasi Bawaslu Kabupaten Malinau, Ryan Virgiawan, menjelaskan prosesnya.",
     "Ryan Virgiawan", "Koordinator Divisi Penanganan Pelanggaran, Data dan Informasi", "PENGAWAS_PEMILU", "Bawaslu Kabupaten Malinau"),
    ("Kapolres Bone AKBP Erwin Syah, S.I.K. memastikan anggotanya netral.",
     "Erwin Syah", "Kepala Kepolisian Resor", "TNI_POLRI", None),
    ("Ketua KPU Kota Medan, Mutia Atiqah, menyebut tahapan berjalan lancar.",
     "Mutia Atiqah", "Ketua", "PENYELENGGARA_PEMILU", "KPU Kota Medan"),
    ("Anggota DPRD Provinsi Jawa Tengah, Budi Prasetyo, ikut memberi sambutan.",
     "Budi Prasetyo", "Anggota", "PEJABAT_POLITIK", "DPRD Provinsi Jawa Tengah"),
    ("Wali Nagari Koto Baru, Syafrizal Dt. Rajo Basa, membantah tuduhan itu.",
     "Syafrizal Dt. Rajo Basa", "Wali Nagari", "PERANGKAT_DESA", "Nagari Koto Baru"),
])
def test_title_then_name(text, name, position, category, institution):
    found = people(text)
    assert name in found, found.keys()
    p = found[name]
    assert p.position == position
    assert p.category == category
    if institution is not None:
        assert p.institution == institution


def test_initials_with_lowercase_titles_and_lists():
    found = people("Di Kabupaten Kapuas, seorang guru berinisial N kedapatan ikut dalam rombongan. "
                   "Sementara tiga ASN berinisial FS, IA dan LT mengunggah foto bersama calon.")
    assert {"N", "FS", "IA", "LT"} <= set(found)
    assert found["N"].position == "Guru" and found["N"].category == "ASN"
    assert found["FS"].category == "ASN" and found["FS"].position is None  # "ASN" is a category, not a post


def test_candidate_pair_gets_head_and_deputy_roles():
    found = people("Kampanye terbatas pasangan calon bupati dan wakil bupati nomor urut 1, Arsalan Makalalag–Hartina Badu, "
                   "digelar di lapangan desa.")
    assert found["Arsalan Makalalag"].position == "Calon Bupati"
    assert found["Hartina Badu"].position == "Calon Wakil Bupati"
    assert found["Hartina Badu"].category == "CALON"


def test_later_mentions_by_part_of_name_and_by_title():
    text = ("Ketua Bawaslu Kabupaten Solok, Titony Tanjung, memberikan apresiasi. "
            "Dalam paparannya, Titony menjelaskan dasar hukum. Sekretaris Daerah Kabupaten Solok, Medison, hadir. "
            "Sekda meminta ASN netral.")
    found = people(text)
    assert [text[s:e] for s, e in found["Titony Tanjung"].mentions] == ["Titony Tanjung", "Titony"]
    assert "Sekda" in [text[s:e] for s, e in found["Medison"].mentions]


def test_headlines_and_sentence_starts_are_not_names():
    found = people("ASN Pemkab Solok Harus Netral dalam Pemilu 2024\n\n"
                   "Terpisah, Ketua Bawaslu Kabupaten Solok, Afri Memori, memaparkan aturan. Dijelaskan, ASN merupakan pilar.")
    assert set(found) == {"Afri Memori"}


def test_lurah_in_yogyakarta_kalurahan_is_village_government():
    found = people("Video yang memperlihatkan Lurah Genjahan, Kapanewon Ponjong, Agung Nugroho, beredar luas.")
    assert found["Agung Nugroho"].category == "PERANGKAT_DESA"


@pytest.mark.parametrize("raw,clean", [
    ("Dr. Drs. Akbar Ali, AP, M.Si", "Akbar Ali"),
    ("Medison, S.Sos, M.Si", "Medison"),
    ("Medison SSos MSi", "Medison"),
    ("Jhonson Purba, SH, MH", "Jhonson Purba"),
    ("dr. Sri Wahyuni, Sp.A", "Sri Wahyuni"),
    ("AKBP Budi Santoso, S.I.K., M.H.", "Budi Santoso"),
    ("Hj. Nurhayati", "Nurhayati"),
    ("Letkol Inf Yuli Hartanto", "Yuli Hartanto"),
    ("SH", "SH"),  # initials that look like a title are kept when they are the whole name
    ("Andi Sudirman", "Andi Sudirman"),
])
def test_strip_titles(raw, clean):
    assert strip_titles(raw) == clean


# --- Names, titles and contexts that news and posts use (self-written sentences) ---

@pytest.mark.parametrize("text,name,position,category", [
    # Balinese and Sasak particles are part of the name
    ("Ketua Bawaslu Kabupaten Gianyar, I Made Wirasana, membuka acara itu.", "I Made Wirasana", "Ketua", "PENGAWAS_PEMILU"),
    ("Kepala Dinas Kesehatan Lombok Timur, Lalu Hasbi Rahman, ikut hadir.", "Lalu Hasbi Rahman",
     "Kepala Dinas Kesehatan", "ASN"),
    # a time qualifier between the title and the name
    ("Ketua Bawaslu Kota Kendari saat itu, Rahmat Hidayat, menjelaskan prosesnya.", "Rahmat Hidayat", "Ketua",
     "PENGAWAS_PEMILU"),
    # the unit after "di" is where the title is held, not part of it
    ("Seorang kepala seksi di Dinas Sosial Kabupaten Garut, Dedi Supriadi, dilaporkan warga.", "Dedi Supriadi",
     "Kepala Seksi", "ASN"),
    # a member of a sub-district election body: the body is the institution
    ("Anggota Panitia Pengawas Pemilihan Kecamatan (Panwascam) Cikarang, Siti Aminah, mengaku kecewa.", "Siti Aminah",
     "Anggota", "PENGAWAS_PEMILU"),
    ("Pelaksana Harian (Plh) Kepala Dinas Pendidikan, Yusuf Hamdani, memimpin rapat.", "Yusuf Hamdani",
     "Pelaksana Harian Kepala Dinas Pendidikan", "ASN"),
    # legislators: the body goes to the institution, a numbered commission completes the title
    ("Anggota Komisi II DPRD Kabupaten Bogor, Budi Santoso, menyayangkan hal itu.", "Budi Santoso", "Anggota Komisi II",
     "PEJABAT_POLITIK"),
    ("Komisioner Bawaslu Kota Bitung Divisi Pencegahan, Yusran Ahmad, mengatakan hal itu.", "Yusran Ahmad",
     "Komisioner Divisi Pencegahan", "PENGAWAS_PEMILU"),
    ("Kapolresta Bandung Kombes Pol Budi Sartono memastikan anggotanya netral.", "Budi Sartono",
     "Kepala Kepolisian Resor Kota", "TNI_POLRI"),
    ("Turut hadir Kepala DPMD Sutrisno dan para camat.", "Sutrisno", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "ASN"),
    # a rank after a title with its region
    ("Pjs Gubernur Papua, Mayjen TNI (Purn) Sugiarto, memimpin apel.", "Sugiarto", "Penjabat Sementara Gubernur", "ASN"),
    # a rank alone marks a security-force member; the title before it in the sentence is the position
    ("Babinsa desa sebelah, Serda KW, juga terlihat di posko pemenangan.", "KW", "Bintara Pembina Desa", "TNI_POLRI"),
    # posts: a title in lower case, then initials
    ("pak kades kami pak AW kmrn ikut joget di panggung kampanye 😂", "AW", "Kepala Desa", "PERANGKAT_DESA"),
    ("sekdesnya BT jg sibuk bagi2 stiker paslon ke warga", "BT", "Sekretaris Desa", "PERANGKAT_DESA"),
])
def test_names_in_context(text, name, position, category):
    found = people(text)
    assert name in found, found.keys()
    assert found[name].position == position
    assert found[name].category == category


@pytest.mark.parametrize("text,absent", [
    # spelled-out titles and units are not people
    ("Anggota Panitia Pengawas Pemilihan Kecamatan (Panwascam) Cikarang, Siti Aminah, mengaku kecewa.",
     "Panitia Pengawas Pemilihan"),
    ("Perkara itu ditangani Kepala Satuan Reserse Kriminal (Kasatreskrim) Polres Garut.", "Satuan Reserse Kriminal"),
    ("Aturan itu diteken Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi dan Kepala Badan Kepegawaian Negara.",
     "Kepegawaian Negara"),
    # a street named after a hero, a dateline, a reduplicated place name, a case number
    ("Kantor Bawaslu berada di Jalan Jenderal Sudirman, dekat alun-alun.", "Sudirman"),
    ("PALANGKA RAYA – Menjelang pemungutan suara pilkada, Bawaslu memetakan kerawanan.", "RAYA"),
    ("Apel netralitas pilkada digelar di Alun-Alun Klaten, Senin pagi.", "Alun"),
    ("Pilpres diatur ulang lewat Putusan MK Nomor 90/PUU-XXI/2023 tentang batas usia.", "PUU"),
    # initials in a list end at the word: "WS dan Kepala ..." is not "Kepal"
    ("Camat Cibaliung berinisial WS dan Kepala Dinas Perumahan berinisial M ikut dilaporkan.", "Kepal"),
    # "Kepala BNN": an agency, not initials
    ("Kepala BNN Kota Padang ikut memberi sambutan.", "BNN"),
])
def test_not_people(text, absent):
    assert absent not in people(text)


def test_candidate_pairs_roles():
    found = people("Panggung desa dipakai pasangan calon bupati-wakil bupati nomor urut 2, Ahmad Fauzi dan Rudi Hartono, "
                   "untuk berorasi.")
    assert found["Ahmad Fauzi"].position == "Calon Bupati"
    assert found["Rudi Hartono"].position == "Calon Wakil Bupati"
    # pairs who register are still "bakal" candidates
    found = people("Pasangan Joko Susilo–Heru Wibowo menyerahkan berkas pendaftaran sebagai calon bupati dan wakil bupati "
                   "ke KPU Klaten.")
    assert found["Joko Susilo"].position == "Bakal Calon Bupati"
    assert found["Heru Wibowo"].position == "Bakal Calon Wakil Bupati"


@pytest.mark.parametrize("text,name,position", [
    # an organisation after a sub-unit title is the institution
    ("Kepala Bidang SD Dinas Pendidikan Kabupaten Sleman, Rina Astuti, mengaku sudah menegur stafnya.", "Rina Astuti",
     "Kepala Bidang SD"),
    ("Kepala Bidang Dinas PUPR berinisial HS ikut dilaporkan.", "HS", "Kepala Bidang"),
    # a short region name the document uses after a body ends the unit
    ("Bawaslu Kukar memeriksa Kepala Dinas Kesehatan Kukar, Rudi Hartono, pekan lalu.", "Rudi Hartono",
     "Kepala Dinas Kesehatan"),
    ("Kadis Kesbangpol Kukar, Ahmad Yani, ikut memberi sambutan di depan Bawaslu Kukar.", "Ahmad Yani",
     "Kepala Dinas Kesatuan Bangsa dan Politik"),
    ("Kepala BKPSDM Kabupaten Bantul, Sri Lestari, mengingatkan para pegawai.", "Sri Lestari",
     "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
    # posts: an acting prefix before a lower-case title
    ("suara di rekaman itu katanya Pj walkot HS 😳 arahin lurah se-kota", "HS", "Penjabat Wali Kota"),
])
def test_unit_and_acting_positions(text, name, position):
    found = people(text)
    assert name in found, found.keys()
    assert found[name].position == position


def test_place_after_title_is_not_a_person():
    found = people("Terlapor antara lain Kades Tanjung Harapan, Kades Sungai Rangas dan Camat Simpang. "
                   "Desa Tanjung Harapan berada di tepi sungai.")
    assert "Tanjung Harapan" not in found


@pytest.mark.parametrize("text,name,position", [
    # the region after "Kabupaten" ends where the gazetteer name ends; the name follows without a comma
    ("Ketua Bawaslu Kabupaten Sleman Arif Budiman menuturkan, laporan itu masuk pagi hari.", "Arif Budiman", "Ketua"),
    # a one-word name set off by commas after a village post
    ("Kasus kedua melibatkan Lurah Sukamaju Baru, Hendarto, yang kedapatan berpose di posko pemenangan.", "Hendarto",
     "Lurah"),
    # posts: "bu"/"pak" between the title and the name
    ("info lanjut hub Ketua PPS bu Maryati ya 🙏", "Maryati", "Ketua"),
    ("Menurut komisioner Bawaslu Kota Tegal, Agus Salim, pleno sudah digelar.", "Agus Salim", "Komisioner"),
])
def test_more_name_contexts(text, name, position):
    found = people(text)
    assert name in found, found.keys()
    assert found[name].position == position


# --- Incumbents, pairs, lists (self-written sentences) ---

def test_incumbent_running_again_is_a_candidate():
    found = people("Dalam debat semalam, bupati petahana Hendra Kusuma kembali menjanjikan jalan desa yang mulus.")
    assert found["Hendra Kusuma"].position == "Bupati" and found["Hendra Kusuma"].category == "CALON"
    # a regional head named in office, then in a candidate pair: still the head, but a candidate here
    found = people("Bupati Sragen Agus Salim meresmikan pasar baru pekan lalu. Para lurah diminta hadir dalam kampanye "
                   "pasangan calon nomor urut 1, Agus Salim–Budi Harjo, di alun-alun.")
    assert found["Agus Salim"].position == "Bupati" and found["Agus Salim"].category == "CALON"


def test_pair_role_wins_over_a_lowercase_title_inside_the_pair_phrase():
    found = people("Sejumlah guru terlihat dalam kampanye pasangan calon bupati dan wakil bupati Drs. Rahmat Hidayat–Sri "
                   "Wulandari di lapangan kecamatan.")
    assert found["Rahmat Hidayat"].position == "Calon Bupati"
    assert found["Sri Wulandari"].position == "Calon Wakil Bupati"


def test_pair_role_said_after_the_pair():
    found = people("Dalam video itu sang kades menyatakan mendukung pasangan Moch. Hasan Basri-Dewi Lestari sebagai "
                   "gubernur dan wakil gubernur Jambi.")
    assert found["Moch. Hasan Basri"].position == "Calon Gubernur"
    assert found["Dewi Lestari"].position == "Calon Wakil Gubernur"


def test_pair_role_from_the_office_named_in_its_own_clause():
    # two races in one text: each pair takes the office named next to it, not the one named most
    found = people("Bupati Sleman, Bupati Bantul dan Bupati Kulon Progo ikut diundang. Para kades itu menyerukan "
                   "dukungan kepada pasangan calon gubernur dan wakil gubernur DIY, Hendra Wijaya–Slamet Riyadi, "
                   "di depan kantor desa. Mereka juga mendukung pasangan Agus Salim–Budi Harjo di Pilbup Sleman.")
    assert found["Hendra Wijaya"].position == "Calon Gubernur"
    assert found["Slamet Riyadi"].position == "Calon Wakil Gubernur"
    assert found["Agus Salim"].position == "Calon Bupati"
    found = people("Pilwakot Cilegon makin panas. Seorang lurah ketahuan menyebar foto paslon nomor urut 2 "
                   "Rahmat Hidayat-Sri Wulandari ke grup WA.")
    assert found["Rahmat Hidayat"].position == "Calon Wali Kota"


def test_post_in_a_national_body_is_the_post_and_the_body():
    found = people("Kepala Badan Kepegawaian Negara, Agus Pramono, mengatakan ASN yang terbukti tidak netral akan "
                   "diblokir datanya. Hal senada disampaikan Kepala Biro Hukum KASN, Dedi Kurniawan.")
    assert (found["Agus Pramono"].position, found["Agus Pramono"].institution) == ("Kepala", "Badan Kepegawaian Negara")
    assert found["Dedi Kurniawan"].institution == "Komisi Aparatur Sipil Negara"
    assert found["Dedi Kurniawan"].position.startswith("Kepala Biro")


def test_registration_context_makes_pairs_bakal_across_paragraphs():
    text = ("Pendaftaran pasangan calon bupati dan wakil bupati resmi ditutup. Selama tiga hari, tiga pasangan "
            "menyerahkan berkas ke kantor KPU dengan diiringi para simpatisan.\n\n"
            "Arak-arakan kendaraan membuat arus lalu lintas di pusat kota tersendat hingga sore. Polisi mengerahkan "
            "puluhan personel untuk mengatur kendaraan di sekitar kantor.\n\n"
            "Pasangan terakhir, Yusuf Effendi–Ratna Sari, datang menjelang tengah malam.")
    found = people(text)
    assert found["Yusuf Effendi"].position == "Bakal Calon Bupati"


def test_initials_list_with_a_description_for_each():
    found = people("Tiga pegawai berinisial AB, staf Dinas Sosial; CD dari Dinas Pertanian; serta EF, pegawai Kecamatan "
                   "Ujung, dipanggil Bawaslu.")
    assert {"AB", "CD", "EF"} <= set(found)
    found = people("Dua ASN berinisial GH dari Badan Kesbangpol dan JK dari Dinas Perhubungan ikut dilaporkan.")
    assert {"GH", "JK"} <= set(found) and found["JK"].category == "ASN"


def test_names_of_a_counted_group():
    found = people("Bawaslu menelusuri tiga aparatur sipil negara yang diduga ikut kampanye. Koordinator divisi, Yusuf "
                   "Amri, menyebut ketiganya adalah Rina Marlina, Dodi dan Slamet Riyadi.")
    assert {"Rina Marlina", "Dodi", "Slamet Riyadi"} <= set(found)
    assert found["Dodi"].category == "ASN" and found["Dodi"].position is None
    # the count must agree: "keduanya" does not name a group of three
    found = people("Bawaslu menelusuri tiga aparatur sipil negara yang diduga ikut kampanye. Petugas menyebut keduanya "
                   "adalah Rina Marlina dan Dodi.")
    assert "Dodi" not in found


def test_one_word_name_after_a_body_and_its_region():
    found = people("Pakta itu disaksikan Ketua KPU Kabupaten Bantul Wardoyo, dan para camat se-kabupaten.")
    assert found["Wardoyo"].position == "Ketua"
    assert found["Wardoyo"].category == "PENYELENGGARA_PEMILU"


def test_list_of_posts_with_their_places_is_not_people():
    found = people("Laporan itu menyebut Camat Padang Bulan, Lurah Padang Bulan dan tiga kepala desa. Selain itu ada "
                   "Kades Sumber Rejo, Kades Karang Anyar dan Kades Tegal Sari.")
    assert not {"Padang Bulan", "Sumber Rejo", "Karang Anyar"} & set(found)
    # a place and then a name: the holders are named
    found = people("Terlapor adalah Lurah Sukaraja Andi Saputra, Lurah Sukamulya Rudi Hartono, serta dua staf.")
    assert {"Andi Saputra", "Rudi Hartono"} <= set(found)


@pytest.mark.parametrize("text,name,position,institution", [
    ("Kadisdik Lombok Timur Izzuddin mengaku tidak tahu soal kegiatan itu.",
     "Izzuddin", "Kepala Dinas Pendidikan", "Pemerintah Kabupaten Lombok Timur"),
    ("Dalam video itu, Kadinkes Kota Bima, Ahmad Zaenuddin, terlihat mengacungkan dua jari.",
     "Ahmad Zaenuddin", "Kepala Dinas Kesehatan", "Pemerintah Kota Bima"),
    ("Bawaslu memanggil Kadisperkim Sumbawa Ahmad Fauzi pada Senin (11/11/2024).",
     "Ahmad Fauzi", "Kepala Dinas Perumahan dan Kawasan Permukiman", "Pemerintah Kabupaten Sumbawa"),
])
def test_fused_head_of_dinas_titles(text, name, position, institution):
    """"Ka" + the dinas acronym in one word is the head of that dinas; the region is the government."""
    p = people(text)[name]
    assert (p.position, p.category, p.institution) == (position, "ASN", institution)


def test_head_of_executive_body_of_a_disaster_agency():
    p = people("Kepala Pelaksana BPBD Garut, Satria Budi, diduga mengarahkan relawan memilih paslon nomor urut 2.")["Satria Budi"]
    assert p.position == "Kepala Pelaksana Badan Penanggulangan Bencana Daerah"
    assert p.category == "ASN"


@pytest.mark.parametrize("text,name,institution", [
    ("Ketua Bawaslu Lotim, Junaedi, mengatakan pihaknya sudah memanggil guru tersebut.",
     "Junaedi", "Bawaslu Kabupaten Lombok Timur"),
    ("Pj Wali Kota Jayapura, Christian Sohilait, dilaporkan ke Bawaslu Papua.",
     "Christian Sohilait", "Pemerintah Kota Jayapura"),
    ("Pj Bupati Jayapura, Triwarno Purnomo, meminta ASN tetap netral.",
     "Triwarno Purnomo", "Pemerintah Kabupaten Jayapura"),
    ("Kepala Desa Bonto Barua, Kecamatan Bonto Tiro, Andi Kaharuddin, hadir di kampanye paslon.",
     "Andi Kaharuddin", "Desa Bonto Barua"),
])
def test_institution_long_forms(text, name, institution):
    """Short region names are expanded, a Wali Kota's region is the kota, a village head's institution is the village."""
    assert people(text)[name].institution == institution


@pytest.mark.parametrize("text", [
    "Pj Bupati Batola Wanti-wanti ASN Jangan Ikut Kampanye",
    "Video itu ditemukan Panwascam Bonto Tiro saat patroli pengawasan.",
    "Kasus itu melibatkan Camat Sayur Matinggi, Lurah Sayur Matinggi dan lima belas kepala desa.",
    "Satu di antaranya bertugas di Kecamatan Kepala Madan, Kabupaten Buru Selatan.",
    "Berkas diteruskan ke Pejabat Pembina Kepegawaian (PPK) Pemkab Buru Selatan.",
    "Mereka adalah Camat Bunaken Kepulauan, Camat Sario, Lurah Bunaken, serta satu pegawai Kecamatan Bunaken Kepulauan.",
])
def test_places_and_acronyms_are_not_people(text):
    """Region short forms, multi-word kecamatan names, a title word inside a place name and an
    acronym's spelled-out form are never taken for a person's name."""
    assert people(text) == {}


def test_master_of_development_administration_is_stripped():
    assert "Agus Pramusinto" in people("Angka itu dipaparkan Ketua KASN, Prof. Dr. Agus Pramusinto, MDA, dalam rapat dengar pendapat.")


@pytest.mark.parametrize("text,name,position,institution", [
    ("Kapolsek Sukamaju AKP M. Yusuf memastikan anggotanya netral.", "M. Yusuf", "Kepala Kepolisian Sektor", "Sukamaju"),
    ("Hadir pula Pasi Intel Kodim 0102/Pidie Kapten Inf M Nur Heri Siregar dalam sosialisasi itu.",
     "M Nur Heri Siregar", "Perwira Seksi Intelijen", "Kodim 0102/Pidie"),
])
def test_rank_inside_the_run_starts_the_name(text, name, position, institution):
    """Police and army officers are written post, unit, rank, corps, name: the rank ends the unit."""
    p = people(text)[name]
    assert (p.position, p.institution, p.category) == (position, institution, "TNI_POLRI")


def test_possessive_noun_is_no_name():
    text = 'Ia aktif di tim kampanye partai itu. "Statusnya sebagai PPPK masih melekat," kata Nuning.'
    assert "Statusnya" not in people(text)


def test_kecamatan_institution_ends_at_the_comma():
    p = people("Camat Sabak Auh, Kabupaten Siak, Arie Dermawan, diduga mengumpulkan anggota BPD.")["Arie Dermawan"]
    assert p.institution == "Kecamatan Sabak Auh"


def test_one_word_names_set_off_by_commas():
    """A single name word between commas, after a title and its place, with the clause going on or
    the next titled person following, is the holder; a list of village names is not."""
    got = people("Foto itu memperlihatkan Camat Kradenan, Tarkun, berpose bersama Kepala Desa Mendenrejo, Supari, "
                 "dan anggota DPRD Blora, Warsit.")
    assert {n: (p.position, p.institution) for n, p in got.items()} == {
        "Tarkun": ("Camat", "Kecamatan Kradenan"), "Supari": ("Kepala Desa", "Desa Mendenrejo"),
        "Warsit": ("Anggota", "DPRD Kabupaten Blora")}
    assert people("Sabun itu dibagikan kepada anggota Dasa Wisma di Padukuhan Jogokerten, Trimulyo.") == {}


@pytest.mark.parametrize("text,roles", [
    ("Foto itu viral jelang Pilkada Morut 2024. Dua jari itu nomor urut paslon petahana Delis–Djira.",
     ("Calon Bupati", "Calon Wakil Bupati")),
    ("Menjelang Pilkada Kota Bima 2024, pasangan calon nomor urut 2, Arahman–Feri, menggelar kampanye.",
     ("Calon Wali Kota", "Calon Wakil Wali Kota")),
    ("Pada Pilgub Sumut, paslon nomor urut 1, Bobby Nasution–Surya, mendapat dukungan itu.",
     ("Calon Gubernur", "Calon Wakil Gubernur")),
])
def test_pair_roles_from_the_name_of_the_election(text, roles):
    """With no office named near a pair, the election's name says it: a kabupaten's pilkada elects a
    bupati, a kota's a wali kota, a pilgub a governor."""
    got = extract_officials(NLP(text))
    assert tuple(p.position for p in got if p.category == "CALON") == roles


def test_adviser_of_a_regional_head():
    p = people("Hadir Staf Ahli Gubernur Bidang Pemerintahan, Hukum dan Politik, Laode Fasikin, dalam rapat itu.")["Laode Fasikin"]
    assert (p.position, p.category) == ("Staf Ahli Gubernur Bidang Pemerintahan, Hukum dan Politik", "ASN")


def test_region_short_form_after_a_title_is_no_initials():
    got = people("Program itu dirancang Teddy semasa ia masih menjabat Pj Bupati OKU, yang baru direalisasikan tahun ini.")
    assert "OKU" not in got
    # a village head's initials stay initials, whatever region they also abbreviate
    assert "SBT" in people("Warga melihat pak kades SBT di salah satu desa di Deli Serdang memasang baliho caleg.")


def test_post_in_a_police_unit_is_tni_polri():
    p = people("Kabid Propam Polda Sulsel, Kombes Pol Zulham Efendi, S.H., S.I.K., mengatakan pemeriksaan berjalan.")["Zulham Efendi"]
    assert (p.category, p.institution) == ("TNI_POLRI", "Polda Sulawesi Selatan")


def test_the_end_of_a_full_name_is_the_same_person():
    got = people("Kepala BKN Bima Haria Wibisana mengatakan itu. Menurut Haria Wibisana, ASN harus netral.")
    assert list(got) == ["Bima Haria Wibisana"] and len(got["Bima Haria Wibisana"].mentions) == 2


def test_post_stated_of_a_name_replaces_a_vague_one():
    got = people("Bawaslu menyorot pejabat berinisial LLJ dan seorang perangkat desa berinisial PA.\n\n"
                 "LLJ diketahui menjabat Asisten II Setda Lombok Tengah. Adapun PA merupakan Kaur Keuangan Desa Bilebante.")
    assert (got["LLJ"].position, got["LLJ"].institution) == ("Asisten II Sekretariat Daerah", "Pemerintah Kabupaten Lombok Tengah")
    assert (got["PA"].position, got["PA"].institution, got["PA"].category) == (
        "Kepala Urusan Keuangan", "Desa Bilebante", "PERANGKAT_DESA")


def test_head_of_a_named_unit():
    got = people("Beredar rekaman suara Kepala Puskesmas Bibinoi, Kec. Bacan Timur Tengah, atas nama Syamil Kamarullah.")
    p = got["Syamil Kamarullah"]
    assert (p.position, p.institution) == ("Kepala Puskesmas", "Puskesmas Bibinoi")
    assert people("Video Kapus Bibinoi menyuruh para nakes memilih paslon tertentu beredar luas.") == {}


@pytest.mark.parametrize("text", [
    "Peringatan serupa disampaikan Bawaslu Kota Serang kepada para ketua RT dan RW.",
    "Di Sulawesi Utara, kepala desa dipanggil dengan banyak nama.",
])
def test_lists_of_posts_and_places_before_a_title_are_not_people(text):
    assert people(text) == {}


def test_school_heads_and_numbered_units():
    got = people("Selain dia, ada Kepala SMKN 1 Guguak, Kepala SMKN 2 Guguak, dan Kepala Cabang Dinas Pendidikan Wilayah IV. "
                 "Kepala SMAN 2 Padang, Budi Santoso, juga hadir.")
    assert list(got) == ["Budi Santoso"]
    assert (got["Budi Santoso"].position, got["Budi Santoso"].institution) == ("Kepala Sekolah", "SMAN 2 Padang")


@pytest.mark.parametrize("text,absent", [
    ("Ari menjelaskan, jabatan Ketua LAM tidak masuk daftar pihak yang dilarang.", "LAM"),
    ("Lurah itu menyebar brosur caleg PKB di grup WhatsApp warga.", "PKB"),
])
def test_body_and_party_acronyms_are_no_initials(text, absent):
    assert absent not in people(text)


def test_initials_then_the_post_they_hold():
    got = people("Pemkab menjatuhkan hukuman kepada pejabat berinisial AR. AR, yang menjabat Kepala Bidang Pemberdayaan "
                 "Masyarakat pada Dinas Pemberdayaan Masyarakat dan Desa Banggai, hadir di deklarasi itu.")
    assert (got["AR"].position, got["AR"].category) == ("Kepala Bidang Pemberdayaan Masyarakat", "ASN")


@pytest.mark.parametrize("text,name,position", [
    ("Menanggapi hal itu, Kepala Bidang Humas Polda Maluku, Kombes Pol Drs. M. Rum Ohoirat, memastikan laporan itu "
     "ditindaklanjuti.", "M. Rum Ohoirat", "Kepala Bidang Humas"),
    ("Kadis Dikbud Seluma, Farzian, membantah ikut konsolidasi tim pemenangan.", "Farzian",
     "Kepala Dinas Pendidikan dan Kebudayaan"),
])
def test_academic_title_after_a_rank_and_more_unit_acronyms(text, name, position):
    got = people(text)
    assert list(got) == [name] and got[name].position == position


@pytest.mark.parametrize("text,absent", [
    ("Laporan itu juga menyeret Kabid KKU Satpol PP Seluma yang diduga ikut menggerakkan pegawai.", "KKU"),
    ("Berkas dikirim ke Kepala Kantor Regional II BKN untuk ditindaklanjuti.", "Regional II"),
])
def test_unit_acronyms_and_regional_offices_are_no_names(text, absent):
    assert absent not in people(text)


def test_initials_take_their_own_description_not_a_title_of_the_sentence_before():
    got = people("Nama mereka tercantum dalam SK tim pemenangan pasangan calon bupati dan wakil bupati pada Pilkada "
                 "2024.\n\nKeduanya berinisial HM, seorang guru berstatus PPPK di salah satu SD negeri, dan SR, staf "
                 "pada Kantor Kecamatan Paleteang.")
    assert (got["HM"].position, got["HM"].category) == ("Guru", "ASN")
    assert got["SR"].position != "Calon Wakil Bupati" and got["SR"].category != "CALON"


def test_region_short_form_between_title_and_name():
    got = people("Sementara itu, Sekda Busel La Ode Budiman meminta para kepala OPD meneruskan isi ikrar.")
    assert (list(got), got["La Ode Budiman"].institution) == (["La Ode Budiman"], "Pemerintah Kabupaten Buton Selatan")


@pytest.mark.parametrize("text,name,position,institution", [
    ("Laporan itu menyeret Kepala Bidang Keamanan dan Ketertiban Umum Satpol PP Seluma, Herri Juliadi, yang diduga ikut.",
     "Herri Juliadi", "Kepala Bidang Keamanan dan Ketertiban Umum", "Satuan Polisi Pamong Praja"),
    ("Deputi Bidang Pengawasan dan Pengendalian BKN, Otok Kuswandaru, mengatakan hal itu.",
     "Otok Kuswandaru", "Deputi Bidang Pengawasan dan Pengendalian", "Badan Kepegawaian Negara"),
])
def test_body_closing_a_sub_units_title_is_the_institution(text, name, position, institution):
    p = people(text)[name]
    assert (p.position, p.institution) == (position, institution)


def test_aceh_village_head_keeps_the_spelling_written():
    p = people("Keuchik Paya Aboe, Fajri, kedapatan membagikan stiker caleg DPR RI.")["Fajri"]
    assert (p.position, p.institution, p.category) == ("Keuchik", "Gampong Paya Aboe", "PERANGKAT_DESA")


def test_bare_pair_roles_from_the_name_of_the_election():
    got = extract_officials(NLP("Di situ ada bahan kampanye paslon no 2 Jekek-Setyo. Pilkada Wonogiri 2020 tinggal dua "
                                "minggu lagi."))
    assert [(p.name, p.position) for p in got] == [("Jekek", "Calon Bupati"), ("Setyo", "Calon Wakil Bupati")]


def test_spelled_out_police_post_is_tni_polri():
    p = people("Kepala Kepolisian Daerah (Kapolda) Papua, Irjen Pol Paulus Waterpauw, meminta anggotanya netral.")["Paulus Waterpauw"]
    assert (p.position, p.category) == ("Kepala Kepolisian Daerah", "TNI_POLRI")


def test_names_with_their_post_in_brackets_and_semicolon_lists():
    got = people("Ia melaporkan antara lain Hilman (Kades Mancak), Rahmat Hidayat (Kades Ciwarna) dan Bayu Saputra "
                 "(Kades Sigedong).")
    assert {n: p.institution for n, p in got.items()} == {
        "Hilman": "Desa Mancak", "Rahmat Hidayat": "Desa Ciwarna", "Bayu Saputra": "Desa Sigedong"}
    got = people("Mereka adalah Camat Teweh Baru, H. Joni; Plt Camat Teweh Timur, Abdul Gofur; dan Lurah Lanjas, "
                 "Romiadi Bahrul.")
    assert {n: p.position for n, p in got.items()} == {
        "Joni": "Camat", "Abdul Gofur": "Pelaksana Tugas Camat", "Romiadi Bahrul": "Lurah"}


def test_deputy_regional_police_chief_and_spelled_out_supervisor():
    got = people("Wakil Kepala Kepolisian Daerah (Wakapolda) Sumut, Brigjen Pol Rony Samtana, turut hadir. Ketua Badan "
                 "Pengawas Pemilihan Umum Provinsi NTB, Itratip, mengatakan hal itu.")
    assert (got["Rony Samtana"].position, got["Rony Samtana"].category) == ("Wakil Kepala Kepolisian Daerah", "TNI_POLRI")
    assert got["Itratip"].category == "PENGAWAS_PEMILU"


@pytest.mark.parametrize("text,name,position,institution", [
    # a name set off by commas with academic titles on both sides, then the clause in lower case
    ("Camat Tanjung Raja, Drs. H. Amiruddin, M.Si., diperiksa Bawaslu Ogan Ilir pada Kamis (10/10/2024).",
     "Amiruddin", "Camat", "Kecamatan Tanjung Raja"),
    ("Kepala Desa Lubuk Sakat, Hj. Rosmawati, S.Pd., dan Camat Tanjung Raja, Drs. Budi Hartono, M.Si., hadir.",
     "Budi Hartono", "Camat", "Kecamatan Tanjung Raja"),
    # a unit's own name, its region and the holder with no comma between them
    ("Kepala Dinas Pendidikan Muara Enim Riduan Hamzah diperiksa Bawaslu terkait unggahan dukungan.",
     "Riduan Hamzah", "Kepala Dinas Pendidikan", "Pemerintah Kabupaten Muara Enim"),
    ("Kepala Badan Kesatuan Bangsa dan Politik Kota Palembang Riduan Hamzah hadir dalam rapat itu.",
     "Riduan Hamzah", "Kepala Badan Kesatuan Bangsa dan Politik", "Pemerintah Kota Palembang"),
])
def test_titles_around_names_and_unit_names_before_them(text, name, position, institution):
    p = people(text)[name]
    assert (p.position, p.institution) == (position, institution)


def test_a_body_with_its_own_name_is_no_person():
    # "Kementerian Agama", "Puskesmas Gogagoman": the body takes its name word, no name is left
    assert "Agama" not in people("Di Halmahera Utara, Kepala Kantor Kementerian Agama setempat, Abdurahman Ali, dilaporkan.")
    assert "Gogagoman" not in people("Pengawas mendapati ASN berinisial SD, pegawai Puskesmas Gogagoman, berfoto dengan calon.")


def test_people_listed_with_their_posts_and_groups_named_after_their_count():
    found = people("Tiga kades itu masing-masing berinisial RGT, Kepala Desa Bangunrejo, Kecamatan Ketapang; HS, Kepala "
                   "Desa Ketapang di kecamatan yang sama; serta NH, Kades Srikaton, Kecamatan Tanjung Bintang.")
    assert {n: (p.position, p.institution) for n, p in found.items()} == {
        "RGT": ("Kepala Desa", "Desa Bangunrejo"), "HS": ("Kepala Desa", "Desa Ketapang"), "NH": ("Kepala Desa", "Desa Srikaton")}
    found = people("Bupati menonaktifkan enam kepala desa. Keenam kades tersebut ialah Fenny Sangkaning Rahayu (Desa Simpang "
                   "Dua), Indri Yani Madalombang (Desa Gonohop), Ruhyana (Desa Mansahang), Musatafa (Desa Tirta Sari), "
                   "H. Manippi (Desa Jaya Kencana), serta Sudarsono (Desa Sentral Sari).")
    assert len(found) == 6 and found["Manippi"].institution == "Desa Jaya Kencana"
    assert all(p.position == "Kepala Desa" for p in found.values())


def test_a_dateline_outlet_is_no_candidate_pair():
    # "MAKASSAR, Media – Seorang ...": the dash after the outlet is the dateline's, not a pair's
    text = "MAKASSAR, Media – Seorang anggota TNI diduga mengarahkan warga memilih paslon 02 di Pilwalkot Makassar."
    assert people(text) == {}
    # a pair after an ordinary clause still is one
    assert "Murjani" in people("Pasangan terakhir, H Marlan–Murjani, lebih dulu menggelar deklarasi di Pilkada Tanah Laut.")


def test_a_short_name_the_text_gives_a_region_is_no_person():
    text = ("Dugaan ketidaknetralan seorang kepala sekolah dasar di Kabupaten Bengkulu Tengah (Benteng) kini di BKN. Ia "
            "berkomentar mendukung salah satu bakal pasangan calon bupati dan wakil bupati Benteng di Facebook.")
    assert "Benteng" not in people(text)


def test_a_post_in_lower_case_with_its_holder_after_a_demonstrative():
    text = ("Bawaslu memeriksa dua orang. Mereka adalah kepala sekolah tersebut, Riyadi, dan seorang guru yang juga "
            "mengunggah materi kampanye.")
    assert people(text)["Riyadi"].position == "Kepala Sekolah"
    # a group named so is no one's post
    assert "Budi Santoso" not in people("Kubu pasangan calon tersebut, Budi Santoso, menolak tudingan itu.")


def test_initials_after_a_title_and_its_unit_after_di():
    p = people("Ya ampun, Guru SMA di Benteng, inisialnya ES, memimpin yel-yel paslon.")["ES"]
    assert p.position == "Guru" and p.category == "ASN"
