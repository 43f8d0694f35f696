"""Polish morphology: Morfeusz 2 analyses (SGJP), disambiguation, phrase base forms."""

from kronika.morph.analyzer import Morphology, get_morphology, tag_has

__all__ = ["Morphology", "get_morphology", "tag_has"]
