"""Places: a historical gazetteer of Polish place names and geocoding in context.

``geocode(name)`` and ``candidates(name)`` take any case form of a historical or modern name;
``annotate_places(analysis)`` is the pipeline stage that sets ``geo`` on PLACE entities, resolving
a document's places jointly (see :mod:`kronika.geo.resolve`).
"""

from kronika.geo.index import Place
from kronika.geo.resolve import Resolution, annotate_places, candidates, geocode, geocode_many, resolve

__all__ = ["Place", "Resolution", "annotate_places", "candidates", "geocode", "geocode_many", "resolve"]
