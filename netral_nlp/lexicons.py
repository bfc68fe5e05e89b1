"""Title and position lexicons: the one place for position titles, their long forms and
categories, and the academic titles, honorifics and ranks stripped from names.

Sources: docs/domain-reference.md §6 (position titles) and §7 (titles to strip).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Position:
    """A position title: its written forms, long form and the holder's category.

    scope says how the institution is read from the words after the title:
    "gov" the regional government ("Bupati Solok" -> Pemerintah Kabupaten Solok),
    "body" the body named after it ("Ketua Bawaslu Solok"), "desa" a village,
    "kecamatan", "kelurahan", "unit" a unit whose name completes the title
    ("Kepala Dinas Pendidikan"), "none" nothing.
    """

    forms: tuple[str, ...]
    long: str
    category: str
    scope: str = "none"


# Order does not matter: matching is longest-first. Forms are case-sensitive only where an
# all-lowercase word would be ambiguous (handled in officials.py by requiring a name).
POSITIONS: tuple[Position, ...] = (
    # Regional political heads and their deputies
    Position(("Gubernur", "Gub."), "Gubernur", "PEJABAT_POLITIK", "gov"),
    Position(("Wakil Gubernur", "Wagub"), "Wakil Gubernur", "PEJABAT_POLITIK", "gov"),
    Position(("Bupati", "bupati"), "Bupati", "PEJABAT_POLITIK", "gov"),
    Position(("Wakil Bupati", "Wabup", "wakil bupati"), "Wakil Bupati", "PEJABAT_POLITIK", "gov"),
    Position(("Wali Kota", "Walikota", "Walkot", "Wako"), "Wali Kota", "PEJABAT_POLITIK", "gov"),
    Position(("Wakil Wali Kota", "Wakil Walikota", "Wawali", "Wawako"), "Wakil Wali Kota", "PEJABAT_POLITIK", "gov"),
    Position(("Presiden",), "Presiden", "PEJABAT_POLITIK", "none"),
    Position(("Wakil Presiden", "Wapres"), "Wakil Presiden", "PEJABAT_POLITIK", "none"),
    Position(("Menteri",), "Menteri", "PEJABAT_POLITIK", "unit"),
    Position(("MenPANRB", "Menpan RB", "MenPAN-RB", "Menteri PANRB"), "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "PEJABAT_POLITIK", "none"),
    Position(("Mendagri", "Menteri Dalam Negeri"), "Menteri Dalam Negeri", "PEJABAT_POLITIK", "none"),
    Position(("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",), "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "PEJABAT_POLITIK", "none"),
    # DPR/DPRD members are "Ketua"/"Anggota" of the body (below); the body goes to the institution.
    Position(("Legislator",), "Anggota", "PEJABAT_POLITIK", "body"),
    # Acting heads from the civil service (ASN)
    Position(("Penjabat (Pj) Gubernur",), "Penjabat Gubernur", "ASN", "gov"),
    Position(("Penjabat (Pj) Bupati",), "Penjabat Bupati", "ASN", "gov"),
    Position(("Penjabat (Pj) Wali Kota", "Penjabat (Pj) Walikota"), "Penjabat Wali Kota", "ASN", "gov"),
    Position(("Penjabat Gubernur", "Pj Gubernur", "Pj. Gubernur", "Pj Gub"), "Penjabat Gubernur", "ASN", "gov"),
    Position(("Penjabat Bupati", "Pj Bupati", "Pj. Bupati"), "Penjabat Bupati", "ASN", "gov"),
    Position(("Penjabat Wali Kota", "Pj Wali Kota", "Pj. Wali Kota", "Pj Walikota", "Pj. Walikota", "Pj Wako"), "Penjabat Wali Kota", "ASN", "gov"),
    Position(("Penjabat Sementara Bupati", "Pjs Bupati", "Pjs. Bupati", "Pejabat Sementara Bupati",
              "Penjabat Sementara (Pjs) Bupati", "Pejabat Sementara (Pjs) Bupati", "Penjabat Sementara (Pjs.) Bupati"), "Penjabat Sementara Bupati", "ASN", "gov"),
    Position(("Penjabat Sementara Wali Kota", "Pjs Wali Kota", "Pjs. Wali Kota", "Pjs Walikota", "Pjs. Walikota",
              "Penjabat Sementara (Pjs) Wali Kota", "Pejabat Sementara Wali Kota", "Pejabat Sementara (Pjs) Wali Kota"), "Penjabat Sementara Wali Kota", "ASN", "gov"),
    Position(("Penjabat Sementara Gubernur", "Pjs Gubernur", "Pjs. Gubernur", "Penjabat Sementara (Pjs) Gubernur",
              "Pejabat Sementara Gubernur"), "Penjabat Sementara Gubernur", "ASN", "gov"),
    Position(("Pelaksana Harian", "Plh", "Plh."), "Pelaksana Harian", "ASN", "unit"),
    Position(("Pelaksana Tugas Bupati", "Plt Bupati", "Plt. Bupati"), "Pelaksana Tugas Bupati", "PEJABAT_POLITIK", "gov"),
    Position(("Pelaksana Tugas Wali Kota", "Plt Wali Kota", "Plt. Wali Kota", "Plt Walikota"), "Pelaksana Tugas Wali Kota", "PEJABAT_POLITIK", "gov"),
    Position(("Pelaksana Tugas", "Plt", "Plt."), "Pelaksana Tugas", "ASN", "unit"),
    # Regional civil service
    Position(("Penjabat Sekretaris Daerah", "Pj Sekda", "Pj. Sekda", "Plh Sekda", "Plh. Sekda", "Plt Sekda", "Plt. Sekda"), "Penjabat Sekretaris Daerah", "ASN", "gov"),
    Position(("Kepala",), "Kepala", "ASN", "unit"),
    Position(("Koordinator",), "Koordinator", "LAINNYA", "body"),
    Position(("Sekretaris Daerah", "Sekda", "Sekdakab", "Sekdakot", "Sekdaprov", "Sekdako"), "Sekretaris Daerah", "ASN", "gov"),
    Position(("Asisten", "Asda"), "Asisten Sekretaris Daerah", "ASN", "unit"),
    # the numbered assistants of a regional secretariat ("Asisten II Setda Lombok Tengah")
    *(Position((f"Asisten {n}", f"Asda {n}"), f"Asisten {n}", "ASN", "unit") for n in ("I", "II", "III", "IV")),
    Position(("Staf Ahli", "Sahli"), "Staf Ahli", "ASN", "unit"),
    # a regional head's adviser: "Staf Ahli Gubernur Bidang Pemerintahan" (the head is no title here)
    Position(("Staf Ahli Gubernur",), "Staf Ahli Gubernur", "ASN", "unit"),
    Position(("Staf Ahli Bupati",), "Staf Ahli Bupati", "ASN", "unit"),
    Position(("Staf Ahli Wali Kota", "Staf Ahli Walikota"), "Staf Ahli Wali Kota", "ASN", "unit"),
    Position(("Kepala Dinas", "Kadis", "kepala dinas"), "Kepala Dinas", "ASN", "unit"),
    Position(("Sekretaris Dinas", "Sekdis"), "Sekretaris Dinas", "ASN", "unit"),
    Position(("Kepala Badan", "Kaban", "kepala badan"), "Kepala Badan", "ASN", "unit"),
    Position(("Kepala Bagian", "Kabag", "kepala bagian"), "Kepala Bagian", "ASN", "unit"),
    Position(("Kepala Bidang", "Kabid", "kepala bidang"), "Kepala Bidang", "ASN", "unit"),
    Position(("Kepala Subbagian", "Kasubbag", "Kasubag", "kepala subbagian"), "Kepala Subbagian", "ASN", "unit"),
    Position(("Kepala Seksi", "Kasi", "kepala seksi"), "Kepala Seksi", "ASN", "unit"),
    Position(("Kepala Kantor",), "Kepala Kantor", "ASN", "unit"),
    Position(("Kepala Pelaksana", "Kalaksa"), "Kepala Pelaksana", "ASN", "unit"),
    # "Kepala BKPSDM", "Kepala BKD": "Kepala" and the unit's expansion (OPD_ACRONYMS)
    Position(("Kepala BKN",), "Kepala Badan Kepegawaian Negara", "ASN", "none"),
    Position(("Kepala Satuan Polisi Pamong Praja", "Kasatpol PP", "Kasat Pol PP"), "Kepala Satuan Polisi Pamong Praja", "ASN", "gov"),
    Position(("Inspektur",), "Inspektur", "ASN", "gov"),
    Position(("Kepala Sekolah", "Kepsek", "Kasek", "kepala sekolah"), "Kepala Sekolah", "ASN", "unit"),
    Position(("Kepala Puskesmas", "Kapus", "kepala puskesmas"), "Kepala Puskesmas", "ASN", "unit"),
    Position(("Direktur RSUD", "Dirut RSUD"), "Direktur Rumah Sakit Umum Daerah", "ASN", "unit"),
    Position(("Sekretaris DPRD", "Sekwan"), "Sekretaris DPRD", "ASN", "gov"),
    Position(("Camat", "camat"), "Camat", "ASN", "kecamatan"),
    # Papua: a distrik is a kecamatan
    Position(("Kepala Distrik", "kepala distrik", "Kadistrik", "kadistrik"), "Kepala Distrik", "ASN", "kecamatan"),
    Position(("Sekretaris Camat", "Sekretaris Kecamatan", "Sekcam"), "Sekretaris Kecamatan", "ASN", "kecamatan"),
    Position(("Pj Camat", "Pj. Camat", "Plt Camat", "Plt. Camat"), "Pelaksana Tugas Camat", "ASN", "kecamatan"),
    Position(("Lurah", "lurah", "Pak Lurah", "pak lurah"), "Lurah", "ASN", "kelurahan"),
    Position(("Sekretaris Kelurahan", "Seklur"), "Sekretaris Kelurahan", "ASN", "kelurahan"),
    Position(("Guru", "guru"), "Guru", "ASN", "unit"),
    Position(("Dosen", "dosen"), "Dosen", "ASN", "unit"),
    Position(("Bidan", "bidan", "Perawat", "perawat"), "Tenaga Kesehatan", "ASN", "unit"),
    Position(("Deputi",), "Deputi", "ASN", "unit"),
    Position(("Sekretaris Bawaslu", "Koordinator Sekretariat", "Korsek"), "Sekretaris Bawaslu", "ASN", "body"),
    Position(("Sekretaris KPU",), "Sekretaris KPU", "ASN", "body"),
    # Village
    Position(("Kepala Desa", "Kades", "kepala desa", "kades", "Pak Kades", "pak kades"), "Kepala Desa", "PERANGKAT_DESA", "desa"),
    Position(("Penjabat Kepala Desa", "Pj Kades", "Pj. Kades", "Pj Kepala Desa"), "Penjabat Kepala Desa", "ASN", "desa"),
    Position(("Wali Nagari",), "Wali Nagari", "PERANGKAT_DESA", "desa"),
    Position(("Geuchik",), "Geuchik", "PERANGKAT_DESA", "desa"),
    Position(("Keuchik",), "Keuchik", "PERANGKAT_DESA", "desa"),  # the same post; the long form keeps the spelling
    Position(("Kuwu",), "Kuwu", "PERANGKAT_DESA", "desa"),
    Position(("Perbekel",), "Perbekel", "PERANGKAT_DESA", "desa"),
    Position(("Hukum Tua",), "Hukum Tua", "PERANGKAT_DESA", "desa"),
    Position(("Pambakal",), "Pambakal", "PERANGKAT_DESA", "desa"),
    Position(("Kepala Kampung", "Petinggi", "Pangulu", "Peratin"), "Kepala Kampung", "PERANGKAT_DESA", "desa"),
    Position(("Sekretaris Desa", "Sekdes", "Carik"), "Sekretaris Desa", "PERANGKAT_DESA", "desa"),
    Position(("Kepala Urusan", "Kaur"), "Kepala Urusan", "PERANGKAT_DESA", "desa"),
    Position(("Kepala Dusun", "Kadus", "Kawil"), "Kepala Dusun", "PERANGKAT_DESA", "desa"),
    Position(("Perangkat Desa", "perangkat desa"), "Perangkat Desa", "PERANGKAT_DESA", "desa"),
    Position(("Ketua BPD", "Anggota BPD", "anggota BPD"), "Anggota Badan Permusyawaratan Desa", "PERANGKAT_DESA", "desa"),
    # The number of the RT/RW completes the title ("Ketua RT 03").
    Position(("Ketua RT", "ketua RT", "Ketua Rukun Tetangga"), "Ketua RT", "LAINNYA", "unit"),
    Position(("Ketua RW", "ketua RW", "Ketua Rukun Warga"), "Ketua RW", "LAINNYA", "unit"),
    # Security forces
    Position(("Kapolri",), "Kepala Kepolisian Negara Republik Indonesia", "TNI_POLRI", "none"),
    Position(("Kapolda",), "Kepala Kepolisian Daerah", "TNI_POLRI", "body"),
    Position(("Kapolres", "Kepala Kepolisian Resor"), "Kepala Kepolisian Resor", "TNI_POLRI", "body"),
    Position(("Kapolresta", "Kepala Kepolisian Resor Kota"), "Kepala Kepolisian Resor Kota", "TNI_POLRI", "body"),
    Position(("Kapolrestabes", "Kepala Kepolisian Resor Kota Besar"), "Kepala Kepolisian Resor Kota Besar", "TNI_POLRI", "body"),
    Position(("Kapolsek",), "Kepala Kepolisian Sektor", "TNI_POLRI", "body"),
    Position(("Wakapolres", "Wakil Kapolres", "Wakil Kepala Kepolisian Resor"), "Wakil Kepala Kepolisian Resor", "TNI_POLRI", "body"),
    Position(("Wakapolda", "Wakil Kapolda", "Wakil Kepala Kepolisian Daerah"), "Wakil Kepala Kepolisian Daerah", "TNI_POLRI", "body"),
    Position(("Wakapolsek", "Wakil Kapolsek"), "Wakil Kepala Kepolisian Sektor", "TNI_POLRI", "body"),
    Position(("Kasat Reskrim", "Kasatreskrim", "Kepala Satuan Reserse Kriminal"), "Kepala Satuan Reserse Kriminal", "TNI_POLRI", "body"),
    Position(("Kasi Humas", "Kasubsi Penmas", "Kabid Humas"), "Kepala Seksi Hubungan Masyarakat", "TNI_POLRI", "body"),
    Position(("Bhabinkamtibmas", "Bhayangkara Pembina Keamanan dan Ketertiban Masyarakat"), "Bhayangkara Pembina Keamanan dan Ketertiban Masyarakat", "TNI_POLRI", "none"),
    Position(("Panglima TNI",), "Panglima TNI", "TNI_POLRI", "none"),
    Position(("Pangdam",), "Panglima Daerah Militer", "TNI_POLRI", "body"),
    Position(("Danrem",), "Komandan Resor Militer", "TNI_POLRI", "body"),
    Position(("Dandim",), "Komandan Distrik Militer", "TNI_POLRI", "body"),
    Position(("Danramil",), "Komandan Rayon Militer", "TNI_POLRI", "body"),
    Position(("Babinsa", "Bintara Pembina Desa"), "Bintara Pembina Desa", "TNI_POLRI", "none"),
    Position(("Pasi Intel", "Pasintel", "Perwira Seksi Intelijen"), "Perwira Seksi Intelijen", "TNI_POLRI", "body"),
    Position(("Pasiter", "Pasi Ter", "Perwira Seksi Teritorial"), "Perwira Seksi Teritorial", "TNI_POLRI", "body"),
    Position(("Pasi Ops", "Pasiops", "Perwira Seksi Operasi"), "Perwira Seksi Operasi", "TNI_POLRI", "body"),
    Position(("Anggota Polri", "anggota Polri", "anggota polisi", "Anggota TNI", "anggota TNI", "prajurit TNI"), "Anggota TNI/Polri", "TNI_POLRI", "none"),
    # Election supervisors and organisers (the body decides; see officials.category_for)
    Position(("Ketua",), "Ketua", "LAINNYA", "body"),
    Position(("Wakil Ketua",), "Wakil Ketua", "LAINNYA", "body"),
    Position(("Anggota", "anggota"), "Anggota", "LAINNYA", "body"),
    Position(("Komisioner", "komisioner"), "Komisioner", "LAINNYA", "body"),
    Position(("Koordinator Divisi", "Kordiv", "Kordiv."), "Koordinator Divisi", "PENGAWAS_PEMILU", "body"),
    Position(("Sekretaris",), "Sekretaris", "LAINNYA", "body"),
    Position(("Panwascam", "Panwaslu Kecamatan", "Panitia Pengawas Pemilihan Kecamatan", "Panitia Pengawas Pemilu Kecamatan",
              "Panitia Pengawas Pemilihan Umum Kecamatan"), "Panitia Pengawas Pemilihan Umum Kecamatan", "PENGAWAS_PEMILU", "kecamatan"),
    Position(("PKD", "Pengawas Kelurahan/Desa"), "Pengawas Kelurahan/Desa", "PENGAWAS_PEMILU", "desa"),
    Position(("PTPS", "Pengawas TPS", "Pengawas Tempat Pemungutan Suara"), "Pengawas Tempat Pemungutan Suara", "PENGAWAS_PEMILU", "none"),
    Position(("PPK", "Panitia Pemilihan Kecamatan"), "Panitia Pemilihan Kecamatan", "PENYELENGGARA_PEMILU", "kecamatan"),
    Position(("PPS", "Panitia Pemungutan Suara"), "Panitia Pemungutan Suara", "PENYELENGGARA_PEMILU", "desa"),
    Position(("KPPS", "Kelompok Penyelenggara Pemungutan Suara"), "Kelompok Penyelenggara Pemungutan Suara", "PENYELENGGARA_PEMILU", "none"),
    # Candidates and teams
    Position(("Calon Bupati", "Cabup", "calon bupati"), "Calon Bupati", "CALON", "gov"),
    Position(("Calon Wakil Bupati", "Cawabup", "calon wakil bupati"), "Calon Wakil Bupati", "CALON", "gov"),
    Position(("Calon Gubernur", "Cagub", "calon gubernur"), "Calon Gubernur", "CALON", "gov"),
    Position(("Calon Wakil Gubernur", "Cawagub", "calon wakil gubernur"), "Calon Wakil Gubernur", "CALON", "gov"),
    Position(("Calon Wali Kota", "Cawalkot", "Cawako", "calon wali kota"), "Calon Wali Kota", "CALON", "gov"),
    Position(("Calon Wakil Wali Kota", "Cawawali", "Cawawako", "calon wakil wali kota"), "Calon Wakil Wali Kota", "CALON", "gov"),
    Position(("Bakal Calon", "Bacalon", "Balon", "bakal calon"), "Bakal Calon", "CALON", "unit"),
    Position(("Calon Presiden", "Capres", "capres", "calon presiden"), "Calon Presiden", "CALON", "none"),
    Position(("Calon Wakil Presiden", "Cawapres", "cawapres", "calon wakil presiden"), "Calon Wakil Presiden", "CALON", "none"),
    Position(("Calon Anggota Legislatif", "Caleg", "caleg", "calon legislatif", "Calon Legislatif"), "Calon Anggota Legislatif", "CALON", "body"),
    Position(("Calon Kepala Desa", "Cakades"), "Calon Kepala Desa", "CALON", "desa"),
    Position(("Paslon", "paslon", "Pasangan Calon"), "Pasangan Calon", "CALON", "none"),
    Position(("Tim Sukses", "Timses", "timses", "Tim Pemenangan", "tim pemenangan"), "Tim Sukses", "CALON", "none"),
    Position(("Juru Kampanye", "Jurkam", "jurkam"), "Juru Kampanye", "CALON", "none"),
    Position(("Ketua Tim Pemenangan", "Ketua Tim Kampanye", "Ketua Timses"), "Ketua Tim Pemenangan", "CALON", "none"),
    Position(("Ketua DPC", "Ketua DPD", "Ketua DPW", "Sekretaris DPC", "Ketua Partai", "Kader"), "Pengurus Partai", "CALON", "body"),
    # Civil servants without a named post
    # "ASN" names a category, not a position: the holder's position stays null.
    Position(("ASN", "PNS", "PPPK", "Pegawai Negeri Sipil", "Aparatur Sipil Negara", "pegawai"), "", "ASN", "unit"),
    Position(("oknum ASN", "Oknum ASN", "oknum PNS"), "", "ASN", "unit"),
    Position(("Honorer", "honorer", "tenaga honorer", "Tenaga Honorer"), "Tenaga Honorer", "LAINNYA", "unit"),
    Position(("Tenaga Harian Lepas", "THL"), "Tenaga Harian Lepas", "LAINNYA", "unit"),
)

#: Acting prefixes written before any title ("Pj walkot", "Plt kadis"): long form, and the holder's category
#: when it differs from the title's (an acting head from the civil service is ASN).
ACTING_PREFIXES: dict[str, tuple[str, str | None]] = {
    "pj": ("Penjabat", "ASN"), "pjs": ("Penjabat Sementara", "ASN"), "plt": ("Pelaksana Tugas", None),
    "plh": ("Pelaksana Harian", "ASN"),
}

#: Common acronyms of regional government units (OPD), expanded in position titles
#: ("Kepala DPMD" -> "Kepala Dinas Pemberdayaan Masyarakat dan Desa").
OPD_ACRONYMS: dict[str, str] = {
    "DPMD": "Dinas Pemberdayaan Masyarakat dan Desa",
    "DPMPD": "Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa",
    "Disdik": "Dinas Pendidikan", "Disdikbud": "Dinas Pendidikan dan Kebudayaan",
    "Dinkes": "Dinas Kesehatan", "Dinsos": "Dinas Sosial", "Disnaker": "Dinas Tenaga Kerja",
    "Dishub": "Dinas Perhubungan", "Disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "Dukcapil": "Dinas Kependudukan dan Pencatatan Sipil", "DLH": "Dinas Lingkungan Hidup",
    "PUPR": "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Diskominfo": "Dinas Komunikasi dan Informatika", "Kominfo": "Dinas Komunikasi dan Informatika",
    "DPMPTSP": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "BKPSDM": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKD": "Badan Kepegawaian Daerah",
    "BKPP": "Badan Kepegawaian dan Pengembangan Pegawai",
    "BKPSDMD": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah",
    "DPMK": "Dinas Pemberdayaan Masyarakat dan Kampung", "Disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "Bappeda": "Badan Perencanaan Pembangunan Daerah", "BPBD": "Badan Penanggulangan Bencana Daerah",
    "Kesbangpol": "Badan Kesatuan Bangsa dan Politik", "Bakesbangpol": "Badan Kesatuan Bangsa dan Politik",
    "BPKAD": "Badan Pengelolaan Keuangan dan Aset Daerah", "Bapenda": "Badan Pendapatan Daerah",
    "Satpol PP": "Satuan Polisi Pamong Praja", "RSUD": "Rumah Sakit Umum Daerah", "Setda": "Sekretariat Daerah",
    "Disperindag": "Dinas Perindustrian dan Perdagangan", "Distan": "Dinas Pertanian",
    "Disparbud": "Dinas Pariwisata dan Kebudayaan", "Dispora": "Dinas Pemuda dan Olahraga",
    "DP3A": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Inspektorat": "Inspektorat",
    "Disperkim": "Dinas Perumahan dan Kawasan Permukiman", "Dispar": "Dinas Pariwisata",
    "Disbudpar": "Dinas Kebudayaan dan Pariwisata", "Disnakertrans": "Dinas Tenaga Kerja dan Transmigrasi",
    "Disdag": "Dinas Perdagangan", "Diskop": "Dinas Koperasi", "Dispusip": "Dinas Perpustakaan dan Kearsipan",
    "Disbun": "Dinas Perkebunan", "Dishut": "Dinas Kehutanan", "Disnak": "Dinas Peternakan",
    "Dispenda": "Dinas Pendapatan Daerah", "DKP": "Dinas Kelautan dan Perikanan",
    "DPPKB": "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "BPKD": "Badan Pengelolaan Keuangan Daerah", "Bappenda": "Badan Pendapatan Daerah",
    "BPKPD": "Badan Pengelolaan Keuangan dan Pendapatan Daerah",
    "Dikbud": "Dinas Pendidikan dan Kebudayaan", "Dispendik": "Dinas Pendidikan",
    "Disdikpora": "Dinas Pendidikan, Pemuda dan Olahraga",
}

#: The head of a dinas is often written as one word, "Ka" + the dinas acronym ("Kadisdik Sumbawa",
#: "Kadinkes", "Kadisperkim"): derived here from OPD_ACRONYMS so that each acronym is listed once.
#: The region written after such a title is the institution (the regional government).
FUSED_HEAD_POSITIONS: tuple[Position, ...] = tuple(
    Position(("Ka" + acronym.lower(),), "Kepala " + long, "ASN", "gov")
    for acronym, long in OPD_ACRONYMS.items()
    if re.fullmatch(r"Di[sn][a-z]+", acronym) and long.startswith("Dinas ")
)
POSITIONS = POSITIONS + FUSED_HEAD_POSITIONS

#: Number words of the small groups the news counts ("lima kepala desa", "kelimanya", "keenam kades").
NUMBER_WORDS: dict[str, int] = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8}
NUMBER_WORDS_RE = "|".join(NUMBER_WORDS)  # for patterns: "dua|tiga|...|delapan"

#: Short names of political parties (2024 and earlier elections): never a person's initials ("caleg PKB").
PARTY_ACRONYMS: frozenset[str] = frozenset(
    "PKB PDIP PDI-P PKS PAN PPP PSI PBB PKPI PKN Hanura Perindo Gerindra NasDem Nasdem Golkar Demokrat Gelora Garuda "
    "Ummat Berkarya".split())

#: National bodies whose short name may close a sub-unit's title ("Deputi Bidang Pengawasan BKN");
#: regional units are in OPD_ACRONYMS.
NATIONAL_BODY_ACRONYMS: dict[str, str] = {
    "BKN": "Badan Kepegawaian Negara", "KASN": "Komisi Aparatur Sipil Negara",
    "KemenPANRB": "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "Kemendagri": "Kementerian Dalam Negeri",
}

#: Words naming, by kind, people bound by the neutrality rules ("ASN", "kepala desa", "camat"), as
#: regex alternatives (case-insensitive).
BOUND_ROLE_WORDS: tuple[str, ...] = (
    "ASN", "PNS", "PPPK", "aparatur", "pegawai", r"kepala\s+desa", "kades", r"perangkat\s+desa", "camat", "lurah", "sekda",
    "TNI", "Polri", "guru", r"birokra\w+", "pejabat", r"wali\s+nagari", "BPD", "kuwu", "geuchik",
)

#: Bodies whose name after "Ketua"/"Anggota"/"Komisioner" decides the category.
BODY_CATEGORIES: tuple[tuple[str, str], ...] = (
    (r"Bawaslu|Badan Pengawas Pemilu|Badan Pengawas Pemilihan Umum|Panwaslu|Panwaslih|Panwascam|Panitia Pengawas|PKD|PTPS|Pengawas TPS|KASN|Komisi Aparatur Sipil Negara|Gakkumdu", "PENGAWAS_PEMILU"),
    (r"KPU|Komisi Pemilihan Umum|KIP|Komisi Independen Pemilihan|PPK|PPS|KPPS|DKPP|Panitia Pemilihan|Panitia Pemungutan|"
     r"Kelompok Penyelenggara", "PENYELENGGARA_PEMILU"),
    (r"DPRD|DPR|DPD RI|MPR", "PEJABAT_POLITIK"),
    (r"BPD|Badan Permusyawaratan Desa", "PERANGKAT_DESA"),
    (r"Partai|DPC|DPW|Tim Pemenangan|Tim Kampanye|Timses|relawan|Relawan", "CALON"),
    (r"BKN|Badan Kepegawaian|KemenPANRB|Kementerian PANRB|Dinas|Badan|Sekretariat|Inspektorat|Pemkab|Pemkot|Pemprov|Pemerintah", "ASN"),
    (r"Polres|Polda|Polsek|Polri|Kodim|Korem|Kodam|Koramil|TNI", "TNI_POLRI"),
)

#: Police and military ranks: stripped from names, and a name after one is a TNI/Polri member.
RANKS: tuple[str, ...] = (
    "Jenderal", "Jenderal Pol", "Jenderal Pol.", "Komjen", "Komjen Pol", "Komjen Pol.", "Irjen", "Irjen Pol", "Irjen Pol.",
    "Brigjen", "Brigjen Pol", "Brigjen Pol.", "Kombes", "Kombes Pol", "Kombes Pol.", "AKBP", "Kompol", "AKP", "Iptu", "Ipda",
    "Aiptu", "Aipda", "Bripka", "Brigpol", "Brigadir", "Briptu", "Bripda", "Bharada", "Bharatu", "Bharaka",
    "Letjen", "Mayjen", "Laksda", "Marsda", "Kolonel", "Letkol", "Mayor", "Kapten", "Lettu", "Letda",
    "Peltu", "Pelda", "Serma", "Serka", "Sertu", "Serda", "Kopka", "Koptu", "Kopda", "Praka", "Pratu", "Prada",
)

#: Titles written before a name (academic, religious, honorific, rank). Case-sensitive: "dr." is a
#: physician, "Dr." a doctorate; both are stripped.
PREFIX_TITLES: tuple[str, ...] = (
    "Prof.", "Prof", "Dr.", "Dr", "Dr. (H.C.)", "Dr. HC", "Drs.", "Drs", "Dra.", "Dra", "Ir.", "Ir", "dr.", "drg.", "drh.",
    "H.", "Hj.", "H", "Hj", "K.H.", "KH.", "KH", "Tgk.", "Teungku", "TGH.", "TGH", "Ust.", "Ustaz", "Ustadz", "Habib", "Gus", "Buya",
    "R.", "R.A.", "R.M.", "KRT.", "KRT",
    *RANKS,
    "Inf", "Inf.", "Kav", "Arh", "Arm", "Czi", "Cpm", "Chb", "Cba", "Caj", "Ckm", "Pol", "Pol.", "(Purn)", "Purn.",
    "Bapak", "Pak", "Ibu", "Bu", "Sdr.", "Sdr", "Saudara", "Saudari", "Bang", "Mas", "Mbak", "Uda", "Kak",
)

#: Academic titles written after a name (spelling variants are matched loosely: dots and spaces optional).
SUFFIX_TITLES: tuple[str, ...] = (
    "S.Sos", "S.IP", "S.H", "S.E", "S.Pd", "S.Pd.I", "S.Ag", "S.Kom", "S.T", "S.Si", "S.P", "S.Pt", "S.Hut", "S.Psi",
    "S.Ked", "S.Kep", "Ns", "S.K.M", "S.KM", "S.Farm", "Apt", "S.S", "S.Hum", "S.Sn", "S.Th", "S.H.I", "S.Sos.I", "S.STP",
    "S.Tr.IP", "S.AP", "S.IK", "S.I.K", "S.Kes", "S.Ds", "S.Gz", "S.AB", "S.Pi", "S.Akt", "S.Stat", "S.HI",
    "A.Md", "A.Ma", "AP", "A.P", "M.Si", "M.Sc", "M.M", "M.Pd", "M.H", "M.Hum", "M.AP", "M.A.P", "MPA", "M.Kes", "M.T", "M.E",
    "M.Ag", "M.Kom", "M.IP", "M.Kn", "MBA", "M.A", "LL.M", "Ph.D", "PhD", "Sp.PD", "Sp.OG", "Sp.A", "Sp.B", "Sp.An", "Sp.KK",
    "Ak", "CA", "CPA", "IPM", "IPU", "M.Pd.I", "M.Ak", "M.Ec.Dev", "MSi", "SH", "MH", "SE", "MM", "SPd", "SSos", "SIP", "ST", "MT",
    "S.Pd.SD", "M.Sos", "S.IAN", "S.AN", "M.AB", "M.SM", "M.Si.", "S.Tr.Sos", "M.Han", "MDA", "MPP", "M.Eng", "M.Phil",
)


def _loose(title: str) -> str:
    """A regex matching a title with optional dots and spaces between its letters groups."""
    parts = [p for p in re.split(r"[.\s]+", title) if p]
    return r"\.?\s?".join(re.escape(p) for p in parts) + r"\.?"


SUFFIX_RE = re.compile(
    r"(?:,?\s*(?:" + "|".join(sorted((_loose(t) for t in SUFFIX_TITLES), key=len, reverse=True)) + r"))+(?![\w])"
)
PREFIX_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(t) for t in sorted(PREFIX_TITLES, key=len, reverse=True)) + r")(?:\s+|(?<=\.)))+"
)


_COMMA_TITLE_RE = re.compile(r",\s*[A-Z][\w.]*")


def strip_titles(name: str) -> str:
    """Remove academic titles, honorifics and ranks around a name.

    "Dr. Drs. Akbar Ali, AP, M.Si" -> "Akbar Ali"; "Medison, S.Sos, M.Si" -> "Medison".
    A token that is the whole name is never stripped ("SH" stays "SH").
    """
    original = name.strip()
    out = original
    stripped = PREFIX_RE.sub("", out)
    if stripped.strip():
        out = stripped
    # Suffix titles follow a comma or the last name part; cut from the first one.
    m = _COMMA_TITLE_RE.search(out)
    if m:
        head, tail = out[:m.start()], out[m.start():]
        if SUFFIX_RE.fullmatch(tail.strip()) or SUFFIX_RE.match(tail):
            rest = SUFFIX_RE.sub("", tail)
            if not rest.strip(" ,"):
                out = head
    else:
        words = out.split()
        while len(words) > 1 and SUFFIX_RE.fullmatch(" " + words[-1]):
            words.pop()
        out = " ".join(words)
    out = out.strip(" ,")
    return out or original


#: Balinese names open with a particle and a birth-order name ("I Made Sukadana", "Ni Luh Putu Ari"):
#: the single capital "I" is part of the name only before one of these words.
BALINESE_NAME_PARTICLES: tuple[str, ...] = ("I", "Ni")
BALINESE_NAME_WORDS: tuple[str, ...] = (
    "Gusti", "Dewa", "Dewi", "Desak", "Ida", "Anak", "Luh", "Putu", "Wayan", "Gede", "Made", "Kadek", "Nengah", "Nyoman",
    "Komang", "Ketut", "Kt", "Md", "Nym", "Kd", "Pt",
)

#: Capitalised words that name units, bodies and functions, never a person: a "name" whose first
#: word is one of these (or made only of title words) is an institution or a spelled-out title
#: ("Panitia Pengawas Pemilihan (Panwascam)", "Kepala Dinas Kesehatan OKU").
_FUNCTION_WORDS = set("""
    Administrasi Aliansi Aparatur Badan Bagian Bidang Biro Birokrasi Dinas Direktorat Direktur Divisi Forum Hubungan Hukum
    Kantor Kebudayaan Kelompok Kepegawaian Kepolisian Keputusan Kesehatan Kesejahteraan Kesatuan Komisi Kementerian
    Koordinator Lembaga Organisasi Panitia Pelaksana Pemantau Pembangunan Pemberdayaan Pemerintahan Pencegahan Pendidikan
    Penanganan Pengawas Pengawasan Penindakan Penyelenggara Perencanaan Perjanjian Perlindungan Perumahan Permukiman
    Pertanian Perhubungan Perindustrian Perdagangan Pariwisata Pendapatan Pengelolaan Penanggulangan Penanaman
    Reformasi Satuan Sekretariat Sentra Seksi Subbagian Tentara Perwakilan Persatuan Paguyuban Asosiasi Ikatan
    Sosialisasi Partisipasi Pemungutan Pemilihan Penyelesaian Sengketa Data Informasi Informatika Komunikasi
""".split())
INSTITUTION_WORDS: frozenset[str] = frozenset(
    _FUNCTION_WORDS
    | {w for p in POSITIONS for w in p.long.split() if len(w) >= 4 and w[0].isupper()}
    | {w for v in OPD_ACRONYMS.values() for w in v.split() if len(w) >= 4 and w[0].isupper()}
) - {"Anak", "Besar", "Dalam", "Satu", "Daya", "Hidup", "Sumber"}  # words that also occur in names ("Anak Agung")
