"""``kronika ask``: a Polish question answered from the stored documents, citing its sentences."""

from __future__ import annotations

import json

import click

from kronika.commands.options import db_option, json_option
from kronika.errors import KronikaError
from kronika.qa import answer
from kronika.store import Store


@click.command()
@click.argument("question")
@db_option
@json_option
def command(question: str, db_url: str | None, as_json: bool) -> None:
    """Answer QUESTION (Polish: kiedy, gdzie, kto, z kim, ile, jaki/który…, co się stało …) from the
    store; prints "nie wiem" when nothing stored supports an answer."""
    if not question.strip():
        raise KronikaError("the question is empty")
    with Store.open(db_url) as store:
        answers = answer(store, question)
    if as_json:
        payload = {"question": question, "answers": [a.to_json() for a in answers]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not answers:
        click.echo("nie wiem")
        return
    for item in answers:
        click.echo(f"{item.text}\t(pewność {item.confidence:.2f})")
        for citation in item.citations:
            click.echo(f"  {citation.document}:{citation.start}-{citation.end}\t{' '.join(citation.text.split())}")
