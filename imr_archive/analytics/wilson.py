"""The Wilson score interval of a proportion: how sure an overturn rate is, given the items behind it.

Wilson (1927), "Probable inference, the law of succession, and statistical
inference", J. Am. Stat. Assoc. 22:209-212. Unlike the textbook interval
(rate plus or minus 1.96 standard errors), it stays within 0 and 1 and keeps
close to its 95% coverage for small counts and for rates near 0, which is
where IMR overturn rates live (about one in ten).
"""

from __future__ import annotations

import math
from statistics import NormalDist

CONFIDENCE = 0.95
Z = NormalDist().inv_cdf(1 - (1 - CONFIDENCE) / 2)  # 1.959963984540054


def wilson_interval(successes: int, trials: int, z: float = Z) -> tuple[float, float]:
    """The interval (low, high) holding the true proportion with the given confidence; (0, 1) for no trials."""
    if trials <= 0:
        return 0.0, 1.0
    if not 0 <= successes <= trials:
        raise ValueError(f"{successes} successes out of {trials} trials")
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z / (1 + z2 / trials) * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials))
    return max(0.0, centre - half), min(1.0, centre + half)
