"""Events: triggers from a lexicon, arguments from Polish case and prepositions, time and place."""

from kronika.events.annotate import annotate_events

__all__ = ["annotate_events"]
