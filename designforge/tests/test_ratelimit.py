import pytest

from designforge.ratelimit import RateLimited, parse_rate, rate_limit_hit


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("30/min", (30, 60)), ("5/s", (5, 1)), ("100/hour", (100, 3600)), ("1000/day", (1000, 86400)), ("2/m", (2, 60))],
)
def test_parse_rate_reads_drf_syntax(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["", "30", "x/min", "30/fortnight", "0/min", "30/"])
def test_parse_rate_refuses_anything_else(rate):
    with pytest.raises(ValueError):
        parse_rate(rate)


def test_the_limit_allows_exactly_the_rate_then_answers_429_with_retry_after():
    for _ in range(3):
        rate_limit_hit(scope="test", key="user:1", rate="3/hour")
    with pytest.raises(RateLimited) as refused:
        rate_limit_hit(scope="test", key="user:1", rate="3/hour")
    error = refused.value
    assert (error.status_code, error.code) == (429, "rate_limited")
    assert 1 <= error.details["retry_after"] <= 3600
    assert error.headers == {"Retry-After": str(error.details["retry_after"])}


def test_callers_and_scopes_are_counted_apart():
    rate_limit_hit(scope="a", key="user:1", rate="1/hour")
    rate_limit_hit(scope="a", key="user:2", rate="1/hour")
    rate_limit_hit(scope="b", key="user:1", rate="1/hour")
    with pytest.raises(RateLimited):
        rate_limit_hit(scope="a", key="user:1", rate="1/hour")
