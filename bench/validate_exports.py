"""Every export format of a store of period newspaper texts checked by a real validator.

The PressMint-PL and Kurjer Wileński texts of ../shared/data/period-texts are analysed into a temporary
SQLite store, exported in every format, and each export checked: jing with TEI P5's tei_all.rng on the
TEI corpus, the Linked Places JSON Schema of the tests on LPF, rdflib (Turtle parse, SPARQL over OWL-Time
and CIDOC-CRM) on RDF, the ``edtf`` library on every EDTF string (JSON, CSV, LPF, RDF, TimelineJS), and the
Web Annotation selectors sliced against the texts. Prints one line per check with its error count.

    python bench/validate_exports.py --split dev
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import edtf
import jsonschema
from rdflib import Graph, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import locked  # noqa: E402

from kronika.export.snapshot import Iris, StoreSnapshot  # noqa: E402
from kronika.export.store_export import render_snapshot  # noqa: E402
from kronika.model import Document  # noqa: E402
from kronika.pipeline import analyze  # noqa: E402
from kronika.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "period-texts"
CORPORA = ("pressmint-pl-1830-1938.jsonl", "kurjer-wilenski-1939.jsonl")
LPF_SCHEMA = ROOT / "tests" / "export" / "schemas" / "lpf.schema.json"
TEI_RNG = Path.home() / ".cache" / "kronika" / "tei_all.rng"  # fetched by the tests (tests/tei_validation.py)


def documents(split: str) -> list[Document]:
    found = []
    for name in CORPORA:
        for line in (TEXTS / name).read_text("utf-8").splitlines():
            record = json.loads(line)
            if split == "all" or locked(record["id"]) == (split == "locked"):
                found.append(Document(record["id"], record["text"], record.get("dct"), record.get("title"), name))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "locked", "all"), default="dev")
    arguments = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/store.sqlite"
        analyses = []
        with Store.open(url) as store:
            for document in documents(arguments.split):
                analysis = analyze(document)
                analyses.append(analysis)
                store.ingest(analysis)
            snapshot = StoreSnapshot.load(store)
        print(f"{len(analyses)} documents ({arguments.split}), analysed in {time.perf_counter() - started:.0f} s")

        tei = Path(folder) / "corpus.xml"
        tei.write_text(render_snapshot(snapshot, "tei"), "utf-8")
        done = subprocess.run([shutil.which("jing") or "jing", str(TEI_RNG), str(tei)], capture_output=True,
                              text=True)
        errors = [line for line in (done.stdout + done.stderr).splitlines() if ": error:" in line]
        print(f"TEI corpus ({tei.stat().st_size // 1024} KB), jing tei_all.rng: {len(errors)} errors")
        if arguments.split == "dev":
            for error in errors[:10]:
                print("  ", error.split(": error: ", 1)[1])

        lpf = json.loads(render_snapshot(snapshot, "lpf"))
        validator = jsonschema.Draft202012Validator(json.loads(LPF_SCHEMA.read_text("utf-8")))
        print(f"LPF ({len(lpf['features'])} features): {len(list(validator.iter_errors(lpf)))} schema errors, "
              f"{sum(not f['properties']['fclasses'] for f in lpf['features'])} without fclasses, "
              f"{sum('when' not in f for f in lpf['features'])} without when")

        graph = Graph().parse(data=render_snapshot(snapshot, "ttl"), format="turtle")
        timed = graph.query("PREFIX time: <http://www.w3.org/2006/time#> "
                            "SELECT (COUNT(?e) AS ?n) WHERE { ?e time:hasTime ?t . "
                            "{ ?t a time:Instant } UNION { ?t a time:Interval } }")
        print(f"RDF ({len(graph)} triples) parsed; events with an OWL-Time instant or interval: "
              f"{next(iter(timed))[0]}")

        strings = [t["edtf"] for a in analyses for t in a.to_json()["timexes"] if t["edtf"]]
        strings += [e["edtf"] for a in analyses for e in a.to_json()["events"] if e["edtf"]]
        strings += [r["edtf"] for r in csv.DictReader(io.StringIO(render_snapshot(snapshot, "csv"))) if r["edtf"]]
        strings += [e["edtf"] for f in lpf["features"] for e in f["properties"]["events"] if e["edtf"]]
        strings += [str(o) for o in graph.objects(None, URIRef("http://purl.org/dc/terms/date"))]
        strings += [e["edtf"] for e in json.loads(render_snapshot(snapshot, "timelinejs"))["events"] if "edtf" in e]
        failed = []
        for value in strings:
            try:
                edtf.parse_edtf(value)
            except Exception:  # the library raises its own parse error types
                failed.append(value)
        qualified = sum(any(mark in s for mark in "~?%") or ".." in s for s in strings)
        print(f"EDTF strings: {len(strings)} ({qualified} approximate, uncertain or open), "
              f"{len(failed)} the edtf library cannot parse")
        if failed and arguments.split == "dev":  # never look at the locked part's misses
            print("  not parsed:", ", ".join(sorted(set(failed))))

        annotations = json.loads(render_snapshot(snapshot, "webanno"))["first"]["items"]
        texts = {d: a.document.text for d, a in snapshot.analyses.items()}
        iris = Iris()
        by_iri = {iris.document(d): t for d, t in texts.items()}
        wrong = sum(by_iri[a["target"]["source"]][s[1]["start"]:s[1]["end"]] != s[0]["exact"]
                    for a in annotations for s in [a["target"]["selector"]])
        print(f"Web Annotations: {len(annotations)}, {wrong} whose position does not slice its quote")
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
