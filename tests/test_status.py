import datetime as dt

import pytest

from graph.records import ClaimStatus, Stance
from graph.status import DatedStance, derive_status

D = dt.date
A, R, DEN, CON, NC = (
    Stance.ASSERTS,
    Stance.REPORTS,
    Stance.DENIES,
    Stance.CONFIRMS,
    Stance.NO_COMMENT,
)


def _s(i, stance, day, auth=False):
    return DatedStance(f"s{i}", stance, D(2026, 10, day) if day else None, auth, (i,))


@pytest.mark.parametrize(
    ("stances", "expected", "history"),
    [
        ([(A, 20)], ClaimStatus.UNVERIFIED, ["unverified"]),
        ([(A, 20), (R, 21), (NC, 22)], ClaimStatus.UNVERIFIED, ["unverified"]),
        ([(A, 20), (DEN, 28)], ClaimStatus.DENIED, ["unverified", "denied"]),
        ([(R, 20), (CON, 25)], ClaimStatus.CONFIRMED, ["unverified", "confirmed"]),
        (
            [(A, 20), (DEN, 23), (CON, 25)],
            ClaimStatus.DISPUTED,
            ["unverified", "denied", "disputed"],
        ),
        ([(DEN, 23), (A, 25)], ClaimStatus.DENIED, ["denied"]),
    ],
)
def test_status_from_dated_stances(stances, expected, history):
    status, changes = derive_status(_s(i, st, d) for i, (st, d) in enumerate(stances))
    assert status == expected
    assert [str(c.status) for c in changes] == history


def test_status_authoritative_later_statement_resolves_dispute():
    stances = [_s(1, A, 20), _s(2, DEN, 23), _s(3, CON, 25), _s(4, CON, 27, auth=True)]
    status, changes = derive_status(stances)
    assert status == ClaimStatus.CONFIRMED
    assert changes[-1].statement_id == "s4"
    assert changes[-1].date == D(2026, 10, 27)


def test_status_authoritative_confirmation_overrides_earlier_denial():
    status, _ = derive_status([_s(1, A, 20), _s(2, DEN, 23), _s(3, CON, 30, auth=True)])
    assert status == ClaimStatus.CONFIRMED


def test_status_is_independent_of_input_order():
    stances = [_s(1, A, 20), _s(2, DEN, 23), _s(3, CON, 25), _s(4, R, 26)]
    forward = derive_status(stances)
    backward = derive_status(list(reversed(stances)))
    assert forward == backward


def test_status_undated_statements_come_last():
    status, changes = derive_status([_s(1, DEN, None), _s(2, A, 20)])
    assert status == ClaimStatus.DENIED
    assert [c.statement_id for c in changes] == ["s2", "s1"]


def test_status_empty_is_unverified():
    assert derive_status([]) == (ClaimStatus.UNVERIFIED, [])
