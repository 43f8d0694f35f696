import pytest

from kronika.lang.tokens import tokenize
from kronika.text.segment import split_sentences


def test_seed_sentences_exact(seed_gold):
    spans = [[s.start, s.end] for s in split_sentences(seed_gold["text"])]
    assert spans == seed_gold["sentences"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and other prefix abbreviations do not end a sentence
        ("Dowodził nim gen. Franciszek Kleeberg. Walczył pod Kockiem.", 2),
        ("Rozkaz wydał płk. Jan Kowalski o godz. 5 rano. Nikt nie protestował.", 2),
        ("Przybyli m.in. Polacy i Litwini. Było zimno.", 2),
        ("Mieszkał przy ul. Długiej 5. Potem wyjechał.", 2),
        ("Było to ok. 300 żołnierzy, np. z 1. Pułku Ułanów. Wszyscy zginęli.", 2),
        ("Kościół pw. św. Anny stoi w Krakowie. Zbudowano go w XVII w. Jest piękny.", 3),
        # ordinal numerals with a dot before a capitalised noun
        ("Walczyła z 52. Dywizją Strzelecką. Bitwa trwała dwa dni.", 2),
        ("Szedł do 3. Pułku Strzelców. Tam go przyjęto.", 2),
        # … but after a preposition whose case the noun cannot take, the number closes the sentence
        ("Czytelnia jest czynna od godz. 8 do 14. Sklepy zamyka się wcześniej.", 2),
        # initials
        ("Naczelnikiem był J. Piłsudski. Rządził twardo.", 2),
        # an abbreviation inside a quotation that closes a few words on, whatever follows the quotation
        ("Jak donosi korespondent „N. Wr. Journal” Jerzy R. pisze o tym szeroko. Nikt nie przeczy.", 2),
        ("Pisze o tym „Dz. Pozn.” Jan K. zdaje z wiecu sprawę.", 1),
        # the religious before their name or their order's
        ("Szkołę prowadzą ss. Urszulanki w Krakowie. Jest ich wiele.", 2),
        ("Przy chorych czuwała s. Maria z sióstr szarytek. Było zimno.", 2),
        ("Bieg trwał 10 s. Potem ogłoszono wyniki.", 2),
        # scouting, military and clerical titles before a name; "hm." is also the interjection
        ("Zbiórkę prowadził hm. Jan Nowak z Krakowa. Było nas dwudziestu.", 2),
        ("Drużynę objął phm. Tadeusz Zawadzki, a pwd. Jan Kos został przybocznym.", 1),
        ("Okrętem dowodził kmdr. Jan Kos. Kapelanem był kapel. Piotr Lis.", 2),
        ("Zapytał: hm. Nikt nie odpowiedział.", 2),
        # a title before a forename in the genitive, a semicolon after the name: one sentence
        ("Szło pięciu narciarzy pod kierownictwem inż. Jana Nowaka; lekarzem był dr Piotr Lis. Wrócili.", 2),
        # a sentence that ends on an abbreviation
        ("Uchwała Sejmu RP z 23 września 2009 r. Sejm oddał hołd ofiarom.", 2),
        ("Wydarzyło się to w 1939 r.", 1),
        # dates with dots stay inside the sentence
        ("Dnia 17.09.1939 Armia Czerwona przekroczyła granicę. Był świt.", 2),
        # quotes and brackets
        ("Batalion „Kleck” bronił się (do 20 września). Potem skapitulował.", 2),
        ("Krzyknął: „Naprzód!” I ruszyli.", 2),
        ("Czy to prawda? Tak. Naprawdę!", 3),
        # lower case after a dot does not start a sentence
        ("Było ich ok. 5 tys. żołnierzy.", 1),
        # 1930s press: titles and truncated institution words do not end a sentence
        ("Mszę odprawił ks. kan. Nowicki, a kazanie wygłosił mons. Rossi.", 1),
        ("Obecni byli przedstaw. Wydz. Przem. Urzędu Wojewódzkiego i st. Cechu Stolarzy.", 1),
        ("Na miejsce przybył o g. 9.30 Wiceprem. Zawadzki z kom. Nowakiem.", 1),
        ("Zebrał się Zarząd Wil. Okr. Zw. Bokserskiego. Obrady trwały długo.", 2),
        # a dateline after a heading that has no final punctuation opens a report
        ("Nowe rokowania w Moskwie LONDYN, (PAT). — Rząd brytyjski ogłosił komunikat.", 3),
        ("Sesja sejmu zamknięta RYGA, 12 maja. — Wczoraj zamknięto sesję.", 3),
        # a run-in heading: a capitalised preposition followed by lower case after a word
        ("Otwarcie nowej szkoły w Lidzie W ub. niedzielę poświęcono gmach.", 2),
        ("Premier o sytuacji gospodarczej Na wczorajszym posiedzeniu mówił o cenach.", 2),
        # … but not a name with a capitalised preposition, nor an initial
        ("Zatrzymał się w hotelu Pod Orłem w Grodnie.", 1),
        ("Przemawiał prezes Z. Nowak i inni.", 1),
        # abbreviated first names and "d." (dnia), "leg." (legionista) before what they qualify
        ("Referat wygłosił Stan. Nowak, a po nim Wł. Kowalski i Edw. Lis. Zebranie zamknięto.", 2),
        ("Zebranie odbyło się d. 12 maja. Przyszło wielu.", 2),
        ("Prezesem wybrano leg. Jana Lisa. Wszyscy klaskali.", 2),
        # … but the ordinary word written in lower case ends a sentence
        ("Taki był ich stan. Nikt nie pomógł.", 2),
        # a title that is also a word does not end a sentence before a name, but does before other words
        ("Głos zabrał sen. Nowicki z Lidy. Potem głosowano.", 2),
        ("Miał zły sen. Potem się obudził.", 2),
        # br.: a religious brother before a name, "bieżącego roku" before any other word
        ("Przyjechał do nas br. Kasimir Tomaszek z Krakowa. Był zmęczony.", 2),
        ("Uchwałę podjęto 5 maja br. Sejm ją zatwierdził.", 2),
        ("Wśród gości byli pp. Kowalski i Nowak. Nikt nie przemawiał.", 2),
        ("Przemówienie dra. Jana Lisa zamknęło zebranie.", 1),
        # a numbered noun before its number in digits or Roman numerals
        ("Spór rozstrzyga Art. II. W razie wątpliwości decyduje sąd.", 2),
        ("W moc art. IV. ustawy zarząd ustąpił.", 1),
        ("Biuro mieści się w pok. 12. Potem je przeniesiono.", 2),
        # a currency the period's press wrote before the amount, and the amount's end of a sentence
        ("Dawano mu po rb. 20 co miesiąc, potem złr. 5. Wreszcie dano mu rb. 300. Sprawa ucichła.", 3),
        # the period's abbreviation of dyrektor before a name
        ("Zebranie prowadził dyrek. Kamiński z Radomia.", 1),
        # truncations the dictionary does not know, before the rest of the name
        ("Na posiedzeniu Komit. Ekon. Ministrów omówiono budżet. Obrady trwały długo.", 2),
        ("Sprawę zbadało Min. Spr. Wewn. Rzeczypospolitej w Warszawie.", 1),
        # … but a surname the dictionary does not know ends a sentence
        ("Zmarł Jan Tyson. Pogrzeb odbędzie się jutro.", 2),
        # an abbreviated title between quotation marks
        ("Wszedł, jak pisze „Kur. Warsz.”, do sali.", 1),
        ("Wiadomość podał „Głos Nar.” — o czym donosimy.", 1),
        ("Pisał o tym »Dz. Pozn.« Jan K. w numerze wczorajszym.", 1),
        ("Wczoraj pisał \"Dz. Pozn.\" o tym szeroko.", 1),
        # … but a straight mark glued to the word before the dot closes a quotation
        ("Pisze o tym \"Kurjer\". Wczoraj pisał \"Dz. Pozn.\" to samo.", 2),
        # a closing mark after the final punctuation stays with the sentence, in every typography
        ("Zawołał: „Koniec!“ Potem wyszedł.", 2),
        ("Zawołał: »Koniec!« Potem wyszedł.", 2),
        # a day before a month in Roman numerals
        ("KRAKÓW. 17. II. 1926. Otwarto most.", 3),
        # the narrator's verb after a dash continues the quoted speech's sentence; a reply does not
        ("„Dość tego!” — zawołał kapitan. Wszyscy umilkli.", 2),
        ("Czy pójdziesz? — nie wiem. Zobaczymy.", 3),
    ],
)
def test_sentence_counts(text, expected):
    sentences = split_sentences(text)
    assert len(sentences) == expected, [text[s.start:s.end] for s in sentences]


def test_paragraphs_and_headings_split_but_wrapped_lines_do_not():
    text = "NAPAŚĆ SOWIECKA\nArmia Czerwona wkroczyła\nna teren Polski.\n\nNowy akapit bez kropki"
    parts = [text[s.start:s.end] for s in split_sentences(text)]
    assert parts == ["NAPAŚĆ SOWIECKA", "Armia Czerwona wkroczyła\nna teren Polski.", "Nowy akapit bez kropki"]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Orlika-Rückemanna", ["Orlika", "-", "Rückemanna"]),
        ("m.in. pod Kowlem", ["m.in", ".", "pod", "Kowlem"]),
        ("o godz. 5.40", ["o", "godz", ".", "5.40"]),
        ("52. Dywizją", ["52", ".", "Dywizją"]),
        ("17.09.1939 r.", ["17.09.1939", "r", "."]),
        ("29–30 września", ["29", "–", "30", "września"]),
        ("„Polesie”", ["„", "Polesie", "”"]),
        ("a.b.c", ["a", ".", "b", ".", "c"]),
    ],
)
def test_tokens(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens


def test_token_offsets_slice_back():
    text = "W nocy z 16 na 17 września 1939 roku o godz. 3 — gen. Orlik-Rückemann (SGO „Polesie”)…"
    for token in tokenize(text):
        assert text[token.start:token.end] == token.text
