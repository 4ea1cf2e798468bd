"""The token similarity ladder."""

from __future__ import annotations

import pytest

from screening.matching.similarity import How, token_info, token_similarity
from screening.text.tokens import tokenize


def sim(left: str, right: str) -> tuple[float, How]:
    (q,), (c,) = tokenize(left), tokenize(right)
    return token_similarity(token_info(q), token_info(c))


@pytest.mark.parametrize(
    ("left", "right", "how"),
    [
        ("Quanguo", "QUANGUO", How.EXACT),
        ("Müller", "Muller", How.EXACT),
        ("Путин", "Putin", How.TRANSLIT),
        ("Mohammed", "Muhammad", How.VARIANT),
        ("محمد", "Muhammad", How.VARIANT),
        ("Hsi", "Xi", How.VARIANT),
        ("Khodorkovskiy", "Hodorkovsky", How.SPELLING),
        ("طرابلسي", "Tarabulsi", How.ABJAD),
        ("Quanquo", "Quanguo", How.TYPO),
        ("V", "Vladimir", How.INITIAL),
    ],
)
def test_relations(left: str, right: str, how: How) -> None:
    score, found = sim(left, right)
    assert found == how and 0.0 < score <= 1.0


def test_ladder_order() -> None:
    assert sim("Quanguo", "Quanguo")[0] == 1.0
    assert sim("Путин", "Putin")[0] == 0.97
    assert sim("Mohammed", "Muhammad")[0] > sim("Quanquo", "Quanguo")[0]
    assert sim("V", "Vladimir")[0] < 0.7


@pytest.mark.parametrize(
    ("left", "right"),
    [("Wang", "Tang"), ("Chen", "Zhen"), ("Quan", "Quanguo"), ("Ivan", "Iran"), ("1", "2")],
)
def test_different_tokens_do_not_match(left: str, right: str) -> None:
    assert sim(left, right) == (0.0, How.NONE)


def test_typo_tolerance_scales_with_length() -> None:
    assert sim("Abdulrahmen", "Abdulrahman")[1] == How.TYPO  # 1 edit in 11 letters
    assert sim("Abdulrahmxxn", "Abdulrahman")[1] == How.TYPO  # 2 edits in 11 letters
    assert sim("Putxn", "Putin")[1] == How.TYPO  # 1 edit in 5 letters
    assert sim("Pxtxn", "Putin")[1] == How.NONE  # 2 edits in 5 letters
    assert sim("Puin", "Putin")[1] == How.TYPO  # 1 deletion from 5 letters
