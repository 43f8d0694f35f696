"""``kronika eval``: score the pipeline against gold files."""

from __future__ import annotations

import json

import click

from kronika.evaluation import evaluate_gold, format_report, total
from kronika.pipeline import collect_garbage_rarely


@click.command()
@click.argument("gold", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List the misses (base forms, timexes, places, events).")
def command(gold: tuple[str, ...], as_json: bool, verbose: bool) -> None:
    """Score the pipeline against gold files in the format of shared/seed/*.gold.json."""
    collect_garbage_rarely()
    results = [evaluate_gold(path) for path in gold]
    if as_json:
        payload = {"files": {r.path: r.scores for r in results}, "total": total(results)}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(format_report(results))
    if verbose:
        for r in results:
            s = r.scores
            click.echo(f"\n== misses in {r.path}")
            for m in s["entities"]["base_form"]["misses"]:
                click.echo(f"  base form  {m['text']!r}: gold {m['gold']!r}, system {m['system']!r}")
            for m in s["timexes"]["misses"]:
                click.echo(f"  timex      {m['text']!r}: gold {m['gold']}, system {m['system']}")
            for m in s["geo"]["misses"]:
                click.echo(f"  geo        {m['text']!r}: {m['km']} km")
            for m in s["events"]["missed"]:
                click.echo(f"  event      {m}")
            for m in s["questions"]["wrong"]:
                click.echo(f"  question   {m['question']} gold {m['gold']} system {m['system']}")
