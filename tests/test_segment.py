from actorgraph.loaders.lexicons import load_lexicons
from actorgraph.loaders.segment import segment


def _kinds(text):
    return [(u.kind, u.text) for u in segment(text, load_lexicons())]


def test_page_furniture_is_separated_from_the_story():
    text = (
        "Ministers meet in Rome\n\n12 May 2020\n\nBy Ann Other\n\n"
        "The minister is seen in Rome. Picture: AP\n\n"
        "The foreign minister met her counterpart on Tuesday.\n\n"
        "Read more: Another story entirely\n\n"
        "  • A bullet point about trade.\n\n"
        "A short heading\n\n"
        "Please enter your comment!\n\nThe end of the page.\n"
    )
    kinds = _kinds(text)
    assert kinds[0] == ("title", "Ministers meet in Rome")
    assert ("dateline", "12 May 2020") in kinds
    assert ("byline", "By Ann Other") in kinds
    assert ("caption", "The minister is seen in Rome") in kinds
    assert ("body", "The foreign minister met her counterpart on Tuesday.") in kinds
    assert ("readmore", "Read more: Another story entirely") in kinds
    assert ("bullet", "A bullet point about trade.") in kinds
    assert ("heading", "A short heading") in kinds
    assert ("boilerplate", "The end of the page.") in kinds


def test_author_box_at_the_end_is_not_news():
    body = "\n\n".join(f"Paragraph {i} says something about the talks." for i in range(6))
    text = f"Title\n\n{body}\n\nJane Writer\n\nJane Writer studies law and loves climbing mountains.\n"
    kinds = dict((t, k) for k, t in _kinds(text))
    assert kinds["Jane Writer"] == "bio"
    assert kinds["Jane Writer studies law and loves climbing mountains."] == "bio"
    assert kinds["Paragraph 5 says something about the talks."] == "body"


def test_unit_offsets_point_into_the_text():
    text = "Title\n\n  • Bullet text here.\n\nBody sentence here."
    for unit in segment(text, load_lexicons()):
        assert text[unit.start : unit.start + len(unit.text)] == unit.text


def test_a_wire_dateline_is_no_part_of_the_first_sentence():
    text = (
        "Tanker seized\n\nVELMAR, March 3 (Newswire) - Korvanian commandos seized a tanker on Tuesday.\n\n"
        "EU - China talks began in Brussels on Monday, officials said.\n"
    )
    units = segment(text, load_lexicons())
    first, second = units[1], units[2]
    assert first.text == "Korvanian commandos seized a tanker on Tuesday."
    assert text[first.start : first.start + len(first.text)] == first.text  # offsets still true
    assert second.text.startswith("EU - China")  # a hyphen between names is no dateline


def test_a_dateline_without_a_date_ends_at_its_long_dash():
    text = (
        "General strike\n\nPORTO LUME — A general strike shut the ports on Monday.\n\n"
        "NATO-led talks resumed in Brussels, officials said.\n"
    )
    units = segment(text, load_lexicons())
    assert units[1].text == "A general strike shut the ports on Monday."
    assert units[2].text.startswith("NATO-led talks")


def test_the_dateline_place_is_kept_on_its_paragraph():
    text = (
        "Convoys stranded\n\nSELT, Nov 14 (Newswire) - Forty trucks are stuck.\n\nPORTO LUME — Ports shut.\n"
    )
    units = segment(text, load_lexicons())
    assert [u.place for u in units] == [None, "Selt", "Porto Lume"]
