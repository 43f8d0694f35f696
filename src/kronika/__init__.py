"""Kronika: Polish historical narratives turned into a source-linked chronicle."""

__version__ = "0.1.0"
