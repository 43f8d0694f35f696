"""Sources that disagree: two short accounts of the same battle and deportation with different dates
and numbers are flagged with both claims; agreeing or unrelated accounts are not."""

SZACK = {"lat": 51.49, "lon": 23.93, "name": "Shatsk"}
KOCK = {"lat": 51.64, "lon": 22.45, "name": "Kock"}


def _account(build, name, text, date, value, *, place=("Szackiem", "Szack", "place:szack", SZACK),
             people="person:orlik", deportation=False):
    surface, lemma, ref, geo = place
    entities = [("Orlika-Rückemanna", "PERSON", "Wilhelm Orlik-Rückemann", people, None),
                (surface, "PLACE", lemma, ref, geo)]
    events = [{"trigger": "walczyła", "type": "battle", "timex": date, "places": [lemma],
               "participants": [("Wilhelm Orlik-Rückemann", "agent")]}]
    if deportation:
        entities.append(("ZSRS", "COUNTRY", "ZSRS", "country:zsrs", None))
        events.append({"trigger": "wywieziono", "type": "deportation", "places": ["ZSRS"]})
    return build(text, name=name, entities=entities, timexes=[(date, value)], events=events)


def test_two_accounts_that_disagree(store, build):
    store.ingest(_account(
        build, "kronika-a",
        "Grupa gen. Orlika-Rückemanna walczyła pod Szackiem 28 września 1939 roku. "
        "Po wojnie do ZSRS wywieziono ponad 320 000 obywateli polskich.",
        "28 września 1939 roku", "1939-09-28", deportation=True))
    store.ingest(_account(
        build, "kronika-b",
        "Grupa gen. Orlika-Rückemanna walczyła pod Szackiem 30 września 1939 roku. "
        "Po wojnie do ZSRS wywieziono 250 000 obywateli polskich.",
        "30 września 1939 roku", "1939-09-30", deportation=True))
    # agrees with both at month precision, and about a different number of a different thing
    store.ingest(_account(
        build, "kronika-c", "Grupa gen. Orlika-Rückemanna walczyła pod Szackiem we wrześniu 1939 roku.",
        "we wrześniu 1939 roku", "1939-09"))
    # another battle of the same commander, elsewhere: not the same event
    store.ingest(_account(
        build, "kronika-d", "Grupa gen. Orlika-Rückemanna walczyła pod Kockiem 5 października 1939 roku.",
        "5 października 1939 roku", "1939-10-05", place=("Kockiem", "Kock", "place:kock", KOCK)))

    conflicts = {c.kind: c for c in store.conflicts()}
    assert set(conflicts) == {"date", "number"}

    date = conflicts["date"]
    assert date.subject == "battle: Szack, Wilhelm Orlik-Rückemann"
    assert sorted((c.value, c.citation.title) for c in date.claims) == [
        ("1939-09", "kronika-c"), ("1939-09-28", "kronika-a"), ("1939-09-30", "kronika-b")]
    for claim in date.claims:
        assert claim.citation.text.startswith("Grupa gen. Orlika-Rückemanna walczyła pod Szackiem")
        assert store.sentence(claim.citation.document, claim.citation.start) == claim.citation

    number = conflicts["number"]
    assert number.subject.startswith("obywatel")
    assert sorted((c.value, c.text, c.citation.title) for c in number.claims) == [
        ("250000", "250 000 obywateli", "kronika-b"), (">320000", "ponad 320 000 obywateli", "kronika-a")]


def test_agreeing_accounts_are_not_conflicts(store, build):
    store.ingest(_account(
        build, "a", "Grupa gen. Orlika-Rückemanna walczyła pod Szackiem 28 września 1939 roku. "
        "Do ZSRS wywieziono około 320 000 obywateli.", "28 września 1939 roku", "1939-09-28", deportation=True))
    store.ingest(_account(
        build, "b", "Grupa gen. Orlika-Rückemanna walczyła pod Szackiem w dniach 28–29 września 1939 roku. "
        "Do ZSRS wywieziono 330 000 obywateli.", "w dniach 28–29 września 1939 roku", "1939-09-28/1939-09-29",
        deportation=True))
    assert store.conflicts() == []


def test_one_document_does_not_conflict_with_itself(store, build):
    store.ingest(build(
        "Oddział walczył pod Szackiem 28 września. Potem oddział walczył pod Szackiem 30 września.",
        entities=[("Szackiem", "PLACE", "Szack", "place:szack", SZACK)],
        timexes=[("28 września", "1939-09-28"), ("30 września", "1939-09-30")],
        events=[{"trigger": "walczył", "type": "battle", "timex": "28 września", "places": ["Szack"]}]))
    assert store.conflicts() == []
