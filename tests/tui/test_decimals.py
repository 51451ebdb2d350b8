"""Numbers to one number of places in a column or a row: only zeros are appended."""

from __future__ import annotations

import pytest

from baiqiang.tui.decimals import aligned


@pytest.mark.parametrize(
    ("texts", "shown"),
    [
        (["9.2", "9.74", None, ""], ["9.20", "9.74", None, ""]),
        (["100", "99.2", "-0.5"], ["100.0", "99.2", "-0.5"]),
        (["0", "0.2751", "0.314"], ["0.0000", "0.2751", "0.3140"]),
        (["708829", "1106214"], ["708829", "1106214"]),  # whole numbers stay whole
        (["1e-07", "9.2"], ["1e-07", "9.2"]),  # exponent form: the column as it is
        (["0.1234567", "1.5"], ["0.1234567", "1.5"]),  # more than six places: as it is
        (["inf", "2.25"], ["inf", "2.25"]),
        (["★", "1.5"], ["★", "1.5"]),
    ],
)
def test_aligned_appends_zeros_only(texts: list[str | None], shown: list[str | None]) -> None:
    assert aligned(texts) == shown
