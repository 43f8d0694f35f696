"""Renderings of analyses for the formats of the field: TEI, standalone HTML (and the store exports)."""
