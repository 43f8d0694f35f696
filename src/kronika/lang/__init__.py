"""Polish language knowledge, in one place for every stage.

- :mod:`kronika.lang.resources` — the one reader of the packaged language data
  (``<package>/resources/<language>/*.tsv``), the language a parameter;
- :mod:`kronika.lang.tokens` — tokenization with offsets, the abbreviations that keep their dot, the quotation marks;
- :mod:`kronika.lang.fold` — folding: how text is compared regardless of case and diacritics;
- :mod:`kronika.lang.grammar` — token grammar: lemmas, cases, finite verbs, agreement, prepositions of place;
- :mod:`kronika.lang.base_forms` — how a word Morfeusz does not know is lemmatised;
- :mod:`kronika.lang.orthography` — older and misprinted spellings read as today's.

Language data of this layer is in ``resources/pl/``; the morphology itself (Morfeusz, disambiguation, the
base forms of whole phrases) is in :mod:`kronika.morph`.
"""
