"""How a cell is written and how wide a column is: numbers to one number of places (only zeros
are appended), columns fitted to the room where cutting hides the least."""

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


def test_columns_give_up_cells_where_it_hides_the_least() -> None:
    """表4 at 80 columns: the provinces (湖南省 … and one 新疆维吾尔自治区) give up cells before
    the clusters' names, which all are long; without counts, the widest first (as before)."""
    from baiqiang.tui.widgets.grid import fit_widths

    natural, least = [16, 20], [6, 6]
    lengths = [{6: 17, 16: 1}, {16: 6, 18: 6, 20: 6}]
    assert fit_widths(natural, least, room=30, cap=48, padding=2, lengths=lengths) == [6, 20]
    assert fit_widths(natural, least, room=26, cap=48, padding=2, lengths=lengths) == [6, 16]
    assert fit_widths(natural, least, room=30, cap=48, padding=2) == [13, 13]
