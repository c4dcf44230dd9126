"""Property tests: the geocoder never raises on any text, and its answers are deterministic."""

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geokit
from geokit.gazetteer._names import normalize, skeleton

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_geocode_never_raises_on_any_text(text):
    place = geokit.geocode(text)
    assert place is None or (-90 <= place.lat <= 90 and -180 <= place.lon <= 180)
    assert 0.0 <= (place.score if place else 0.0) <= 1.0


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_normalisation_is_idempotent(text):
    key = normalize(text)
    assert normalize(key) == key
    assert isinstance(skeleton(key), str)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TEXT, st.none(), st.floats(), st.integers()), max_size=12))
def test_geocode_many_keeps_rows_and_is_deterministic(values):
    first = geokit.geocode_many(values)
    second = geokit.geocode_many(values)
    assert len(first) == len(values)
    pd.testing.assert_frame_equal(first, second)
    assert first["status"].isin(["resolved", "ambiguous", "approximate", "unresolved"]).all()
