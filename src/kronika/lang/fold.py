"""Folding: the one way text is compared regardless of case and diacritics.

Lower case, diacritics removed (NFKD), and the letters Unicode does not decompose spelled in ASCII
(*ł* → *l*, *ß* → *ss*, *ø* → *o*), so *Łódź*, *Lodz* and *ŁÓDŹ* meet in search terms, gazetteer keys
and entity ids alike.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
# letters NFKD does not decompose into a base letter and a combining mark, and apostrophe variants
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i",
                               "’": "'", "ʼ": "'"})


@lru_cache(maxsize=1 << 16)  # the same words are folded over and over (a question's reader: ~6,000 a question)
def fold(text: str) -> str:
    """``'Łódź Rückemann'`` → ``'lodz ruckemann'``."""
    text = text.translate(_POLISH).lower()
    if text.isascii():  # the common case, without Unicode decomposition
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
