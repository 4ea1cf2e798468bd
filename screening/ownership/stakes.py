"""Ownership stakes: an exact percentage, a range with open or closed ends, or unknown.

Percentages are exact decimals, never floats (16.33 + 32.73 + 0.94 must be exactly 50). A range
keeps whether each end is included: the UK PSC band "more than 25% but not more than 50%" is
``(25, 50]``, and whether it can reach a threshold depends on exactly that.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple, TypeAlias

from screening.errors import OwnershipError

__all__ = ["MAX_DECIMALS", "PercentLike", "Stake", "parse_stake"]

# Finer than 1e-10 percent is beyond any register; the bound keeps the scaled integers used by
# the fixpoint inside 64 bits (see OwnershipGraph).
MAX_DECIMALS = 10

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


class Stake(NamedTuple):
    """A holding's percentage as bounds: ``lo``-``hi`` with open or closed ends.

    An exact stake has ``lo == hi`` and both ends closed; an unknown one is ``[0, 100]`` with
    ``known`` false.
    """

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False
    known: bool = True

    @property
    def exact(self) -> bool:
        """Whether the stake is one number."""
        return self.known and self.lo == self.hi

    def text(self) -> str:
        """The stake as written in reports: ``"50"``, ``"(25, 50]"``, ``"unknown"``."""
        if not self.known:
            return "unknown"
        if self.exact:
            return _plain(self.lo)
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{_plain(self.lo)}, {_plain(self.hi)}{right}"


UNKNOWN = Stake(_ZERO, _HUNDRED, known=False)

_Bound = str | Decimal | int | None
PercentLike: TypeAlias = str | Decimal | int | tuple[_Bound, _Bound] | Stake | None

# Companies House PSC natures of control and their statutory wording.
_PSC_BANDS = {
    "25-to-50": Stake(Decimal(25), Decimal(50), lo_open=True),
    "50-to-75": Stake(Decimal(50), Decimal(75), lo_open=True, hi_open=True),
    "75-to-100": Stake(Decimal(75), _HUNDRED),
}
_PSC_CODE = re.compile(r"^ownership-of-shares-(25-to-50|50-to-75|75-to-100)-percent(-as-.*)?$")
_PSC_PHRASES = {
    "more than 25% but not more than 50%": _PSC_BANDS["25-to-50"],
    "more than 50% but less than 75%": _PSC_BANDS["50-to-75"],
    "75% or more": _PSC_BANDS["75-to-100"],
}
_INTERVAL = re.compile(r"^([(\[])\s*([^,\s]+)\s*,\s*([^,\s]+)\s*([)\]])$")
_DASHED = re.compile(r"^([0-9.]+)\s*%?\s*(?:-|–|to)\s*([0-9.]+)\s*%?$")
_UNKNOWN_WORDS = {"", "unknown", "?", "n/a", "na"}


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _number(value: str | Decimal | int, original: object) -> Decimal:
    if isinstance(value, (bool, float)):
        raise OwnershipError(f"percent {original!r}: floats are not exact; pass a str or Decimal")
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise OwnershipError(f"percent {original!r} is not a number") from None
    elif isinstance(value, (Decimal, int)):
        number = Decimal(value)
    else:
        raise OwnershipError(f"percent {original!r} has unsupported type {type(value).__name__}")
    if not number.is_finite():
        raise OwnershipError(f"percent {original!r} is not a finite number")
    if decimals(number) > MAX_DECIMALS:
        raise OwnershipError(f"percent {original!r} has more than {MAX_DECIMALS} decimal places")
    return number


def decimals(value: Decimal) -> int:
    """Decimal places needed to write ``value`` exactly (``Decimal("50.00")`` needs none)."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers only
    return max(0, -exponent)


def _checked(stake: Stake, original: object) -> Stake:
    lo, hi = stake.lo, stake.hi
    if lo < _ZERO or hi > _HUNDRED:
        raise OwnershipError(f"percent {original!r} is outside [0, 100]")
    if lo > hi or (lo == hi and (stake.lo_open or stake.hi_open)):
        raise OwnershipError(f"percent range {original!r} is empty")
    return stake


def parse_stake(value: PercentLike) -> Stake:
    """Read a percentage as bounds.

    Accepted forms: ``None`` or ``"unknown"`` / ``""`` (unknown: 0-100); an ``int``, ``Decimal``
    or numeric ``str`` (``"16.33"``, ``"50%"``); a ``(lo, hi)`` tuple (closed; ``None`` ends mean
    0 and 100); interval notation ``"(25, 50]"``; ``"25-50"`` (closed); the Companies House PSC
    bands by code (``"ownership-of-shares-25-to-50-percent"``) or wording
    (``"more than 25% but not more than 50%"``).

    Raises:
        OwnershipError: a float, a value that is not a number, outside [0, 100], an empty range,
            or more than ``MAX_DECIMALS`` decimal places.
    """
    if isinstance(value, Stake):
        return _checked(value, value)
    if value is None:
        return UNKNOWN
    if isinstance(value, tuple):
        if len(value) != 2:
            raise OwnershipError(f"percent range {value!r} must be a (lo, hi) pair")
        lo = _ZERO if value[0] is None else _number(value[0], value)
        hi = _HUNDRED if value[1] is None else _number(value[1], value)
        return _checked(Stake(lo, hi), value)
    if isinstance(value, str):
        text = value.strip()
        lowered = text.lower()
        if lowered in _UNKNOWN_WORDS:
            return UNKNOWN
        if lowered in _PSC_PHRASES:
            return _PSC_PHRASES[lowered]
        if code := _PSC_CODE.match(lowered):
            return _PSC_BANDS[code.group(1)]
        if interval := _INTERVAL.match(text):
            left, lo_text, hi_text, right = interval.groups()
            stake = Stake(
                _number(lo_text, value), _number(hi_text, value), left == "(", right == ")"
            )
            return _checked(stake, value)
        if dashed := _DASHED.match(text):
            lo_text, hi_text = dashed.groups()
            return _checked(Stake(_number(lo_text, value), _number(hi_text, value)), value)
    number = _number(value, value)
    return _checked(Stake(number, number), value)
