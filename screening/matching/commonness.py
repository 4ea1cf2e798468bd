"""How common a token is as an ordinary person's name (``data/common_names.tsv``).

A shared common name says little: two different people called Chen Wei are no evidence of each
other. The weight of a token is capped at ``1 + ln(1 / share)``, where ``share`` is the token's
largest share of a national name list (Wang: 7% of Chinese surnames → 3.7; Smith: 2% of US
surnames → 4.8). Tokens that are not common names are not capped.
"""

from __future__ import annotations

import math
from functools import cache

from screening.text.tables import read_table

__all__ = ["commonness_weight"]

_UNCAPPED = math.inf


@cache
def _caps() -> dict[str, float]:
    return {row[0]: 1.0 + math.log(1.0 / float(row[1])) for row in read_table("common_names")}


def commonness_weight(text: str) -> float:
    """The weight cap for a token of this text (``inf`` when it is not a common name)."""
    return _caps().get(text, _UNCAPPED)
