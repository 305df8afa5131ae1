"""The extractor's cheap first looks give the same answers as the slower tests they replace."""

from incidents.extraction import cues

TEXTS = (
    "Drones hit the depot overnight, debris fell on a house; no blasts were heard.",
    "двое погибли, обломки упали, взрыв; уламки впали, вибухи пролунали",
    "5km-long strike_zone: re-struck, mid-explosion, 3debris, _hit, X-ray",
    "",
    "ЛИПЕЦК атаковали беспилотники. Remains of the drone were found.",
)


def test_word_start_search_agrees_with_the_set_of_word_starts():
    for text in TEXTS:
        lower = text.lower()
        starts = cues._word_starts(lower)
        for kind in cues.EVENT_KINDS:
            assert cues._may_start(kind, lower) == cues._may_match(kind, starts), (kind, text)
    assert not cues._may_start("explosion", "no such thing here")
