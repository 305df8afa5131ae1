"""incidents.figures counts verification statuses (the briefing's reliability line states them, never recounts)."""

from incidents.figures import verification_counts, verification_text
from incidents.synth import synthesize


def test_counts_every_status_in_order_and_text_names_the_present_ones():
    frame = synthesize(30, seed=1)
    frame.loc[frame.index[:4], "verification"] = "confirmed"
    counts = verification_counts(frame)
    assert list(counts) == ["reported", "confirmed", "disputed", "unverified", "synthetic"]
    assert counts["confirmed"] == 4 and counts["synthetic"] == 26 and sum(counts.values()) == 30
    assert verification_text(counts) == "4 confirmed · 26 synthetic"
    assert verification_text(verification_counts(frame.iloc[:0])) == ""
