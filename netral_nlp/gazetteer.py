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
