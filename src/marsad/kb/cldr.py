"""Country names in Arabic and English from the Unicode CLDR (via Babel), written to
`marsad/data/kb/cldr_countries.tsv` by `python -m marsad.kb.cldr` so that Babel is needed only
to rebuild the file, not to run Marsad."""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "kb" / "cldr_countries.tsv"
NOT_COUNTRIES = {
    "EU",
    "EZ",
    "UN",
    "QO",
    "ZZ",
    "XA",
    "XB",
    "AQ",
    "BV",
    "HM",
    "UM",
    "TF",
    "IO",
    "CP",
    "DG",
    "EA",
    "IC",
    "TA",
    "AC",
}


def cldr_rows() -> list[tuple[str, str, str]]:
    from babel import Locale

    ar, en = Locale("ar").territories, Locale("en").territories
    codes = [str(c) for c in ar]
    return sorted(
        (code, str(ar[code]), str(en[code]))
        for code in codes
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES and code in en
    )


def write(path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(
            "# code\tname_ar\tname_en   (Unicode CLDR via Babel; rebuild with python -m marsad.kb.cldr)\n"
        )
        for row in cldr_rows():
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    write()
    print(f"wrote {OUT}")
