"""The region gazetteer: provinces, kabupaten, kota and kecamatan with Kemendagri codes.

Data: ``netral_nlp/data/wilayah.csv`` (cahyadsn/wilayah, MIT, based on Kepmendagri;
see ``netral_nlp/data/SOURCES.md``). Only levels down to kecamatan are shipped.
This module is the one place that knows region names and codes.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Common short names of provinces used in news ("Sumbar", "Jateng"), mapped to
#: the gazetteer's official names. Abbreviations are standard Indonesian usage.
PROVINCE_ALIASES: dict[str, str] = {
    "Aceh": "Aceh", "NAD": "Aceh",
    "Sumut": "Sumatera Utara", "Sumbar": "Sumatera Barat", "Sumsel": "Sumatera Selatan",
    "Babel": "Kepulauan Bangka Belitung", "Bangka Belitung": "Kepulauan Bangka Belitung",
    "Kepri": "Kepulauan Riau",
    "DKI Jakarta": "Daerah Khusus Ibukota Jakarta", "DKI": "Daerah Khusus Ibukota Jakarta",
    "Jakarta": "Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta": "Daerah Khusus Ibukota Jakarta",
    "Jabar": "Jawa Barat", "Jateng": "Jawa Tengah", "Jatim": "Jawa Timur",
    "DIY": "Daerah Istimewa Yogyakarta", "Yogyakarta": "Daerah Istimewa Yogyakarta",
    "NTB": "Nusa Tenggara Barat", "NTT": "Nusa Tenggara Timur",
    "Kalbar": "Kalimantan Barat", "Kalteng": "Kalimantan Tengah", "Kalsel": "Kalimantan Selatan",
    "Kaltim": "Kalimantan Timur", "Kaltara": "Kalimantan Utara",
    "Sulut": "Sulawesi Utara", "Sulteng": "Sulawesi Tengah", "Sulsel": "Sulawesi Selatan",
    "Sultra": "Sulawesi Tenggara", "Sulbar": "Sulawesi Barat", "Malut": "Maluku Utara",
    "Papua Barat Daya": "Papua Barat Daya", "PBD": "Papua Barat Daya",
}

#: Common short names of kabupaten and kota in news and social media ("Lotim", "Kukar", "OKI"),
#: mapped to the gazetteer's official names. Only established abbreviations that are not also
#: ordinary words or other places' names ("Mura" is both Musi Rawas and Murung Raya; "Benteng"
#: is a fort; "Mitra" a partner); see also :data:`AMBIGUOUS_ALIASES`.
REGENCY_ALIASES: dict[str, str] = {
    # Aceh, Sumatera
    "Abdya": "Kabupaten Aceh Barat Daya", "Agara": "Kabupaten Aceh Tenggara", "Pijay": "Kabupaten Pidie Jaya",
    "Tapsel": "Kabupaten Tapanuli Selatan", "Tapteng": "Kabupaten Tapanuli Tengah", "Taput": "Kabupaten Tapanuli Utara",
    "Madina": "Kabupaten Mandailing Natal", "Sergai": "Kabupaten Serdang Bedagai", "Humbahas": "Kabupaten Humbang Hasundutan",
    "Labura": "Kabupaten Labuhanbatu Utara", "Labusel": "Kabupaten Labuhanbatu Selatan", "Paluta": "Kabupaten Padang Lawas Utara",
    "Nisel": "Kabupaten Nias Selatan", "Pasbar": "Kabupaten Pasaman Barat", "Pessel": "Kabupaten Pesisir Selatan",
    "Solsel": "Kabupaten Solok Selatan",
    "Inhu": "Kabupaten Indragiri Hulu", "Inhil": "Kabupaten Indragiri Hilir", "Kuansing": "Kabupaten Kuantan Singingi",
    "Rohul": "Kabupaten Rokan Hulu", "Rohil": "Kabupaten Rokan Hilir",
    "Tanjabbar": "Kabupaten Tanjung Jabung Barat", "Tanjabtim": "Kabupaten Tanjung Jabung Timur",
    "OKI": "Kabupaten Ogan Komering Ilir", "OKU": "Kabupaten Ogan Komering Ulu",
    "OKUT": "Kabupaten Ogan Komering Ulu Timur", "OKUS": "Kabupaten Ogan Komering Ulu Selatan",
    "Muba": "Kabupaten Musi Banyuasin", "Muratara": "Kabupaten Musi Rawas Utara", "PALI": "Kabupaten Penukal Abab Lematang Ilir",
    "Lamsel": "Kabupaten Lampung Selatan", "Lamteng": "Kabupaten Lampung Tengah", "Lamtim": "Kabupaten Lampung Timur",
    "Lampura": "Kabupaten Lampung Utara", "Lambar": "Kabupaten Lampung Barat", "Tubaba": "Kabupaten Tulang Bawang Barat",
    "Pesibar": "Kabupaten Pesisir Barat", "Beltim": "Kabupaten Belitung Timur", "Bateng": "Kabupaten Bangka Tengah",
    "Tangsel": "Kota Tangerang Selatan",
    # Jakarta, Jawa
    "Jakpus": "Kota Administrasi Jakarta Pusat", "Jakut": "Kota Administrasi Jakarta Utara",
    "Jakbar": "Kota Administrasi Jakarta Barat", "Jaksel": "Kota Administrasi Jakarta Selatan",
    "Jaktim": "Kota Administrasi Jakarta Timur", "KBB": "Kabupaten Bandung Barat",
    # Nusa Tenggara
    "Lobar": "Kabupaten Lombok Barat", "Loteng": "Kabupaten Lombok Tengah", "Lotim": "Kabupaten Lombok Timur",
    "KLU": "Kabupaten Lombok Utara", "KSB": "Kabupaten Sumbawa Barat", "TTS": "Kabupaten Timor Tengah Selatan",
    "TTU": "Kabupaten Timor Tengah Utara", "Mabar": "Kabupaten Manggarai Barat", "Matim": "Kabupaten Manggarai Timur",
    "SBD": "Kabupaten Sumba Barat Daya",
    # Kalimantan
    "KKU": "Kabupaten Kayong Utara", "Kobar": "Kabupaten Kotawaringin Barat", "Kotim": "Kabupaten Kotawaringin Timur",
    "Barsel": "Kabupaten Barito Selatan", "Barut": "Kabupaten Barito Utara", "Bartim": "Kabupaten Barito Timur",
    "Gumas": "Kabupaten Gunung Mas", "Pulpis": "Kabupaten Pulang Pisau", "HST": "Kabupaten Hulu Sungai Tengah",
    "HSU": "Kabupaten Hulu Sungai Utara", "HSS": "Kabupaten Hulu Sungai Selatan", "Tanbu": "Kabupaten Tanah Bumbu",
    "Batola": "Kabupaten Barito Kuala", "Kukar": "Kabupaten Kutai Kartanegara", "Kutim": "Kabupaten Kutai Timur",
    "Kubar": "Kabupaten Kutai Barat", "PPU": "Kabupaten Penajam Paser Utara", "Mahulu": "Kabupaten Mahakam Ulu",
    "KTT": "Kabupaten Tana Tidung",
    # Sulawesi
    "Bolmong": "Kabupaten Bolaang Mongondow", "Bolsel": "Kabupaten Bolaang Mongondow Selatan",
    "Boltim": "Kabupaten Bolaang Mongondow Timur", "Bolmut": "Kabupaten Bolaang Mongondow Utara",
    "Minut": "Kabupaten Minahasa Utara", "Minsel": "Kabupaten Minahasa Selatan", "Sitaro": "Kabupaten Kep. Siau Tagulandang Biaro",
    "Parimo": "Kabupaten Parigi Moutong", "Touna": "Kabupaten Tojo Una Una", "Bangkep": "Kabupaten Banggai Kepulauan",
    "Morut": "Kabupaten Morowali Utara", "Sidrap": "Kabupaten Sidenreng Rappang", "Pangkep": "Kabupaten Pangkajene dan Kepulauan",
    "Lutim": "Kabupaten Luwu Timur", "Lutra": "Kabupaten Luwu Utara", "Torut": "Kabupaten Toraja Utara",
    "Tator": "Kabupaten Tana Toraja", "Konsel": "Kabupaten Konawe Selatan", "Konut": "Kabupaten Konawe Utara",
    "Konkep": "Kabupaten Konawe Kepulauan", "Koltim": "Kabupaten Kolaka Timur", "Kolut": "Kabupaten Kolaka Utara",
    "Busel": "Kabupaten Buton Selatan", "Buteng": "Kabupaten Buton Tengah", "Butur": "Kabupaten Buton Utara",
    "Mubar": "Kabupaten Muna Barat", "Bonbol": "Kabupaten Bone Bolango", "Gorut": "Kabupaten Gorontalo Utara",
    "Polman": "Kabupaten Polewali Mandar", "Mateng": "Kabupaten Mamuju Tengah",
    # Maluku, Papua
    "Malteng": "Kabupaten Maluku Tengah", "Malra": "Kabupaten Maluku Tenggara", "MBD": "Kabupaten Maluku Barat Daya",
    "SBB": "Kabupaten Seram Bagian Barat", "SBT": "Kabupaten Seram Bagian Timur", "Bursel": "Kabupaten Buru Selatan",
    "Halbar": "Kabupaten Halmahera Barat", "Halteng": "Kabupaten Halmahera Tengah", "Halut": "Kabupaten Halmahera Utara",
    "Halsel": "Kabupaten Halmahera Selatan", "Haltim": "Kabupaten Halmahera Timur", "Kepsul": "Kabupaten Kepulauan Sula",
    "Pegubin": "Kabupaten Pegunungan Bintang", "Mansel": "Kabupaten Manokwari Selatan", "Pegaf": "Kabupaten Pegunungan Arfak",
    "Sorsel": "Kabupaten Sorong Selatan",
}

#: Short forms in :data:`REGENCY_ALIASES` that are also ordinary words or slang ("mateng" ripe,
#: "mabar" play together, "kobar" blaze, "Madina" the Saudi city): places only after a context
#: word ("Bawaslu Mateng") or in a hashtag. All-capital ones ("OKI", "SBB") are treated alike,
#: being also people's initials.
AMBIGUOUS_ALIASES: frozenset[str] = frozenset({"Mateng", "Mabar", "Kobar", "Barut", "Madina"})

#: Other spellings of kabupaten and kota names in common use, mapped to the official names.
#: Joined and hyphenated forms of multi-word names ("Pangkalpinang", "Bau-Bau") need no entry:
#: the recogniser accepts them for every name; this lists the splits and rewordings.
NAME_VARIANTS: dict[str, str] = {
    "Palangka Raya": "Kota Palangkaraya", "Labuhan Batu": "Kabupaten Labuhanbatu",
    "Labuhan Batu Utara": "Kabupaten Labuhanbatu Utara", "Labuhan Batu Selatan": "Kabupaten Labuhanbatu Selatan",
    "Pematang Siantar": "Kota Pematangsiantar", "Tanjung Balai": "Kota Tanjungbalai",
    "Padang Sidempuan": "Kota Padangsidimpuan", "Padangsidempuan": "Kota Padangsidimpuan",
    "Gunung Sitoli": "Kota Gunungsitoli", "Sawah Lunto": "Kota Sawahlunto", "Bukit Tinggi": "Kota Bukittinggi",
    "Batang Hari": "Kabupaten Batanghari", "Muko Muko": "Kabupaten Mukomuko", "Muko-Muko": "Kabupaten Mukomuko",
    "Gunung Kidul": "Kabupaten Gunungkidul", "Limapuluh Kota": "Kabupaten Lima Puluh Kota",
    "Kepulauan Siau Tagulandang Biaro": "Kabupaten Kep. Siau Tagulandang Biaro",
    "Banjar Baru": "Kota Banjarbaru", "Pare-Pare": "Kota Parepare",
    "Pare Pare": "Kota Parepare", "Tojo Una-Una": "Kabupaten Tojo Una Una", "Tidore": "Kota Tidore Kepulauan",
    "Pangkajene Kepulauan": "Kabupaten Pangkajene dan Kepulauan", "Selayar": "Kabupaten Kepulauan Selayar",
    "Mentawai": "Kabupaten Kepulauan Mentawai", "Meranti": "Kabupaten Kepulauan Meranti",
    "Toba Samosir": "Kabupaten Toba", "Kepulauan Tanimbar": "Kabupaten Kepulauan Tanimbar",
}


@dataclass(frozen=True)
class Region:
    """One administrative region."""

    code: str
    name: str  # official long form ("Kabupaten Solok", "Sumatera Barat")
    level: str  # "province" | "regency" | "city" | "district"
    province: str  # the province's official name (itself for a province)

    @property
    def bare_name(self) -> str:
        """The name without its "Kabupaten"/"Kota" prefix ("Solok")."""
        return strip_prefix(self.name)


_PREFIX = re.compile(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+")


def strip_prefix(name: str) -> str:
    """Remove a leading "Kabupaten"/"Kota" (administrative or not) from a region name."""
    return _PREFIX.sub("", name)


class Gazetteer:
    """Lookup of regions by code and by name."""

    def __init__(self, regions: list[Region]):
        self.regions = regions
        self.by_code = {r.code: r for r in regions}
        self.by_name: dict[str, list[Region]] = {}
        for r in regions:
            self.by_name.setdefault(r.name.lower(), []).append(r)

    @classmethod
    def from_csv(cls, path=None) -> "Gazetteer":
        if path is None:
            handle = resources.files("netral_nlp.data").joinpath("wilayah.csv").open(encoding="utf-8")
        else:
            handle = open(path, encoding="utf-8")
        with handle:
            rows = list(csv.DictReader(handle))
        provinces = {r["kode"].strip(): " ".join(r["nama"].split()) for r in rows if "." not in r["kode"]}
        regions = []
        for r in rows:
            # Upstream has stray spaces ("Kota Administrasi Jakarta Utara "): names are trimmed here.
            code, name = r["kode"].strip(), " ".join(r["nama"].split())
            parts = code.split(".")
            if len(parts) == 1:
                level = "province"
            elif len(parts) == 2:
                level = "city" if parts[1].startswith("7") else "regency"
            else:
                level = "district"
            regions.append(Region(code, name, level, provinces[parts[0]]))
        return cls(regions)

    @property
    def provinces(self) -> list[Region]:
        return [r for r in self.regions if r.level == "province"]

    @property
    def regencies_and_cities(self) -> list[Region]:
        return [r for r in self.regions if r.level in ("regency", "city")]

    @property
    def districts(self) -> list[Region]:
        return [r for r in self.regions if r.level == "district"]

    def parent(self, region: Region) -> Region | None:
        """The kabupaten or kota a kecamatan belongs to (the province of a kabupaten/kota)."""
        return self.by_code.get(region.code.rsplit(".", 1)[0]) if "." in region.code else None

    def regency_aliases(self) -> dict[str, Region]:
        """:data:`REGENCY_ALIASES` and :data:`NAME_VARIANTS` resolved to regions."""
        out = {}
        for table in (REGENCY_ALIASES, NAME_VARIANTS):
            for alias, official in table.items():
                hits = [r for r in self.by_name.get(official.lower(), []) if r.level in ("regency", "city")]
                if not hits:
                    raise ValueError(f"alias {alias!r} names {official!r}, which is not in the gazetteer")
                out[alias] = hits[0]
        return out

    def lookup(self, name: str) -> Region | None:
        """Return the province, kabupaten or kota with this official name (case-insensitive), or a province alias."""
        key = name.strip()
        if key in PROVINCE_ALIASES:
            key = PROVINCE_ALIASES[key]
        for r in self.by_name.get(key.lower(), []):
            if r.level != "district":
                return r
        return None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once."""
    return Gazetteer.from_csv()
