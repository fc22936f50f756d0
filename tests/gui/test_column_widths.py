"""How a list's width is shared: whole columns first, the widest give way, headers stay."""

from casetracker.gui.widgets.column_widths import share

WANTED = [60, 250, 90, 240, 140, 230]  # ref, name, status, place, days, flags
LEAST = [50, 60, 70, 80, 140, 60]  # the headers


def test_everything_fits_as_wanted_when_there_is_room() -> None:
    assert share(WANTED, LEAST, {1}, 2000) == WANTED


def test_the_widest_columns_give_way_first_and_the_name_never() -> None:
    widths = share(WANTED, LEAST, {1}, 900)
    assert sum(widths) == 900
    assert widths[1] == 250  # the name
    assert widths[:3] == [60, 250, 90] and widths[4] == 140  # narrow ones untouched
    assert widths[3] == widths[5] < 230  # the place and the flags, shortened alike


def test_no_column_goes_below_its_header_and_the_list_scrolls_when_it_must() -> None:
    widths = share(WANTED, LEAST, {1}, 500)
    assert widths == [50, 250, 70, 80, 140, 60]  # more than 500: the list scrolls sideways
    for room in range(650, 1011, 7):  # 650: every header just fits
        widths = share(WANTED, LEAST, {1}, room)
        assert sum(widths) == room
        assert all(w >= least for w, least in zip(widths, LEAST, strict=True))
        assert all(w <= wanted for w, wanted in zip(widths, WANTED, strict=True))
