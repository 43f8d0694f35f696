"""Build the offline map's files under src/kronika/web/static/vendor/ (run again to update them).

    python scripts/build_map_data.py [--npm-dir DIR] [--borders ../shared/data/borders/world_1938.geojson]

- Leaflet and Leaflet.markercluster: the distributed files and licences of the npm packages
  (``npm pack leaflet@1.9.4 leaflet.markercluster@1.5.3``), no CDN at run time;
- today's countries: npm ``world-atlas@2.0.2`` ``countries-50m.json`` (Natural Earth, public domain),
  TopoJSON decoded to GeoJSON;
- the 1938 borders: ``world_1938.geojson`` (historical-basemaps, GPL-3.0) cut to Poland's neighbourhood and
  simplified, shipped as a separate data file with the GPL-3.0 text beside it.

``--npm-dir`` takes a folder where the three packages were already unpacked (``DIR/<name>/package``);
without it the script runs ``npm pack`` in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "kronika" / "web" / "static" / "vendor"
PACKAGES = {"leaflet": "1.9.4", "leaflet.markercluster": "1.5.3", "world-atlas": "2.0.2"}
GPL_TEXT = Path("/usr/share/common-licenses/GPL-3")
# Poland's neighbourhood in 1938: from the Rhine to the Dnieper, from Crete's latitude to Finland's.
BORDERS_BOX = (5.0, 40.0, 42.0, 62.0)  # west, south, east, north
BORDERS_TOLERANCE = 0.02  # degrees (~2 km): borders stay readable at the zoom a region is read at
COUNTRIES_TOLERANCE = 0.01
DIGITS = 3


def unpack_packages(folder: Path) -> dict[str, Path]:
    found = {}
    for name, version in PACKAGES.items():
        subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=folder, check=True,
                       stdout=subprocess.DEVNULL)
        archive = folder / f"{name}-{version}.tgz"
        target = folder / name
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
        found[name] = target / "package"
    return found


def _copy(files: dict[str, Path], target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        if source.is_dir():
            shutil.copytree(source, target / name, dirs_exist_ok=True)
        else:
            shutil.copyfile(source, target / name)


def _arc_points(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def topojson_features(topology: dict[str, Any], layer: str) -> list[dict[str, Any]]:
    arcs = _arc_points(topology)
    features = []
    for geometry in topology["objects"][layer]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        coordinates = [[_rounded(_simplified(_ring(ring, arcs), COUNTRIES_TOLERANCE)) for ring in polygon]
                       for polygon in polygons]
        features.append({"type": "Feature", "properties": {"name": geometry.get("properties", {}).get("name")},
                         "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
    return features


def _rounded(points: list[tuple[float, float]] | list[list[float]]) -> list[list[float]]:
    return [[round(x, DIGITS), round(y, DIGITS)] for x, y in points]


def _simplified(points: list[Any], tolerance: float) -> list[Any]:
    """Douglas–Peucker, iterative; a ring keeps at least its first, middle and last points."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = keep[len(points) // 2] = True
    stack = [(0, len(points) // 2), (len(points) // 2, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            x, y = points[index]
            d = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length if length \
                else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _in_box(ring: list[list[float]]) -> bool:
    west, south, east, north = BORDERS_BOX
    return any(west <= x <= east and south <= y <= north for x, y in ring)


def borders_1938(path: Path) -> dict[str, Any]:
    source = json.loads(path.read_text(encoding="utf-8"))
    features = []
    for feature in source["features"]:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        kept = [[_rounded(_simplified(ring, BORDERS_TOLERANCE)) for ring in polygon] for polygon in polygons
                if _in_box(polygon[0])]
        if kept:
            features.append({"type": "Feature", "properties": {"name": feature["properties"].get("NAME")},
                             "geometry": {"type": "MultiPolygon", "coordinates": kept}})
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--npm-dir", type=Path, help="Folder with the packages already unpacked (NAME/package).")
    parser.add_argument("--borders", type=Path,
                        default=ROOT.parent / "shared" / "data" / "borders" / "world_1938.geojson")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        packages = {name: args.npm_dir / name / "package" for name in PACKAGES} if args.npm_dir \
            else unpack_packages(Path(scratch))
        leaflet, cluster, atlas = packages["leaflet"], packages["leaflet.markercluster"], packages["world-atlas"]
        _copy({"leaflet.js": leaflet / "dist" / "leaflet.js", "leaflet.css": leaflet / "dist" / "leaflet.css",
               "images": leaflet / "dist" / "images", "LICENSE.txt": leaflet / "LICENSE"}, VENDOR / "leaflet")
        _copy({"leaflet.markercluster.js": cluster / "dist" / "leaflet.markercluster.js",
               "MarkerCluster.css": cluster / "dist" / "MarkerCluster.css",
               "MarkerCluster.Default.css": cluster / "dist" / "MarkerCluster.Default.css",
               "LICENSE.txt": cluster / "MIT-LICENCE.txt"}, VENDOR / "leaflet.markercluster")
        topology = json.loads((atlas / "countries-50m.json").read_text(encoding="utf-8"))
        countries = {"type": "FeatureCollection", "features": topojson_features(topology, "countries")}
        target = VENDOR / "world-atlas"
        _copy({"LICENSE.txt": atlas / "LICENSE"}, target)
        (target / "countries.json").write_text(json.dumps(countries, separators=(",", ":")), encoding="utf-8")
        (target / "SOURCE.txt").write_text(
            f"countries.json: world-atlas {PACKAGES['world-atlas']} countries-50m.json (Natural Earth 1:50m, "
            "public domain) decoded from TopoJSON by scripts/build_map_data.py.\n", encoding="utf-8")
    target = VENDOR / "borders-1938"
    target.mkdir(parents=True, exist_ok=True)
    (target / "borders_1938.json").write_text(json.dumps(borders_1938(args.borders), separators=(",", ":")),
                                              encoding="utf-8")
    shutil.copyfile(GPL_TEXT, target / "COPYING.txt")
    (target / "SOURCE.txt").write_text(
        "borders_1938.json: world borders in 1938 from historical-basemaps (world_1938.geojson), GPL-3.0 (see "
        "COPYING.txt); cut to Poland's neighbourhood and simplified by scripts/build_map_data.py. A separate data "
        "file: Kronika's code does not link it, the map page loads it as an optional layer.\n", encoding="utf-8")


if __name__ == "__main__":
    main()
