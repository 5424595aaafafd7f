"""The 95% Wilson score interval against the published values of Newcombe (1998), "Two-sided confidence
intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17:857-872,
Table II, method 3 (score interval without continuity correction)."""

from __future__ import annotations

import pytest

from imr_archive.analytics.wilson import wilson_interval


@pytest.mark.parametrize(("successes", "trials", "low", "high"), [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
])
def test_published_intervals(successes, trials, low, high):
    assert wilson_interval(successes, trials) == (pytest.approx(low, abs=5e-5), pytest.approx(high, abs=5e-5))


def test_all_of_the_trials_reaches_one():
    low, high = wilson_interval(20, 20)
    assert high == 1.0 and low == pytest.approx(1 - 0.1611, abs=5e-5)


def test_more_successes_than_trials_is_refused():
    with pytest.raises(ValueError, match="21 successes out of 20 trials"):
        wilson_interval(21, 20)
