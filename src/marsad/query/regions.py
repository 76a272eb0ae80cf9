"""Countries by UN M49 region and subregion, from `marsad/data/regions.tsv`, for trends by
region and ACLED's `region` and numeric `iso` columns.

The file is built by `python -m marsad.query.regions` (needs the `train` extra): which
subregion each country is in from the country_converter package's table (its `UNregion` is the
M49 subregion, with Sub-Saharan Africa and Latin America split as CLDR's territory containment
splits them), names in English and Arabic from the Unicode CLDR via Babel (which does not ship
CLDR's containment itself), numeric codes from CLDR's territory aliases. Marsad reads only the
committed file.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from marsad.resources import read_tsv

OUT = Path(__file__).resolve().parent.parent / "data" / "regions.tsv"

# M49 subregion code -> the M49 region it is in (unsd.un.org/unsd/methodology/m49).
M49_PARENT = {
    **dict.fromkeys(("011", "014", "015", "017", "018"), "002"),
    **dict.fromkeys(("005", "013", "021", "029"), "019"),
    **dict.fromkeys(("030", "034", "035", "143", "145"), "142"),
    **dict.fromkeys(("039", "151", "154", "155"), "150"),
    **dict.fromkeys(("053", "054", "057", "061"), "009"),
}
# UN English names that CLDR spells otherwise.
_UN_NAMES = {"South-eastern Asia": "035", "Australia and New Zealand": "053", "Micronesia": "057"}


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    numeric: str  # ISO 3166-1 numeric, as ACLED's `iso`
    subregion_code: str
    subregion: str  # UN M49 English name: "Western Africa"
    subregion_ar: str
    region: str  # "Africa"


@cache
def countries() -> dict[str, Country]:
    return {row[0]: Country(*row[:6]) for row in read_tsv("regions.tsv") if len(row) >= 6}


def subregion(iso2: str | None) -> str | None:
    c = countries().get(iso2 or "")
    return c.subregion if c and c.subregion else None


def region_countries(name: str) -> list[str]:
    """The ISO2 codes of a subregion or region named in English or Arabic ("Western Africa",
    "غرب أفريقيا", "Africa"), or of an M49 code; [] for a name it does not know."""
    key = name.strip().casefold()
    return sorted(
        c.iso2
        for c in countries().values()
        if key in (c.subregion.casefold(), c.subregion_ar.casefold(), c.region.casefold(), c.subregion_code)
    )


def build_rows() -> list[tuple[str, ...]]:
    """The rows of regions.tsv, from country_converter's table and Babel's CLDR names."""
    import importlib.util

    from babel import Locale
    from babel.core import get_global

    spec = importlib.util.find_spec("country_converter")
    if spec is None or spec.origin is None:
        raise SystemExit("needs the country_converter package (pip install country_converter)")
    table = Path(spec.origin).parent / "country_data.tsv"
    with table.open(encoding="utf-8") as f:
        # ISO2 is a code, or a pattern of codes for a few ("^GB$|^UK$")
        unregion = {
            code: r["UNregion"]
            for r in csv.DictReader(f, delimiter="\t")
            if r["UNregion"]
            for code in re.findall(r"[A-Z]{2}", r["ISO2"])
        }
    en, ar = Locale("en").territories, Locale("ar").territories
    code_of = {str(v): k for k, v in en.items() if k.isdigit()} | _UN_NAMES
    numeric = {
        alias: targets[0]
        for alias, targets in get_global("territory_aliases").items()
        if alias.isdigit() and len(targets) == 1
    }
    numeric_of = {iso2: num for num, iso2 in sorted(numeric.items(), reverse=True)}
    rows: list[tuple[str, ...]] = []
    for (code,) in ((r[0],) for r in read_tsv("kb/cldr_countries.tsv")):
        name = unregion.get(code, "")
        sub = code_of.get(name, "")
        parent = M49_PARENT.get(sub, "")
        rows.append(
            (
                code,
                numeric_of.get(code, ""),
                sub,
                name,
                str(ar[sub]) if sub in ar else "",
                str(en[parent]) if parent else "",
            )
        )
    return rows


def write(path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(
            "# iso2\tiso_numeric\tm49_subregion\tsubregion_en\tsubregion_ar\tregion_en   (UN M49 "
            "subregions from the country_converter package's table, names from the Unicode CLDR "
            "via Babel; rebuild with python -m marsad.query.regions)\n"
        )
        for row in build_rows():
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    write()
    print(f"wrote {OUT}")
