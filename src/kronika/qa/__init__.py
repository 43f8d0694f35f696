"""Questions in Polish answered from the store, with citations."""

from kronika.qa.answer import Answer, answer
from kronika.qa.question import Question, parse_question

__all__ = ["Answer", "Question", "answer", "parse_question"]
