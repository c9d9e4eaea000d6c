"""Info-source roles, outlet and wire credit of wire items."""

import pytest

from schemas import InfoSource
from services.ingest.provenance import code_name, outlet, role_code, wire_credit

ORIG = InfoSource(name="Wire", role="originating")
DIST = InfoSource(name="Hub", role="distributing")


@pytest.mark.parametrize("role,code", [
    ("isrol:originating", "originating"),
    ("http://cv.iptc.org/newscodes/infosourcerole/originating", "originating"),
    ("http://cv.iptc.org/newscodes/infosourcerole/Distributing/", "distributing"),
    ("isrol:originating isrol:infoprovider", "originating"),
    ("originating", "originating"),
    ("", None), (None, None), ("   ", None),
])
def test_role_code(role, code) -> None:
    assert role_code(role) == code


@pytest.mark.parametrize("qcode,name", [("nprov:AFP", "AFP"), ("AFP", "AFP"), ("", None), (None, None)])
def test_code_name(qcode, name) -> None:
    assert code_name(qcode) == name


@pytest.mark.parametrize("sources,kwargs,expected", [
    ((ORIG, DIST), {"provider": "Prov", "holder": "Holder"}, "Prov"),
    ((ORIG, DIST), {"holder": "Holder"}, "Hub"),
    ((ORIG,), {"holder": "Holder"}, "Holder"),
    ((ORIG,), {}, "Wire"),
    ((), {"provider": "  "}, None),
])
def test_outlet(sources, kwargs, expected) -> None:
    assert outlet(sources, **kwargs) == expected


@pytest.mark.parametrize("sources,creditline,source,expected", [
    ((ORIG, DIST), "CL", "Hub", "CL"),
    ((ORIG, DIST), None, "Hub", "Wire"),
    ((DIST,), None, "Hub", "Hub"),  # nothing else named: the sender's own copy
    ((), None, None, None),
])
def test_wire_credit(sources, creditline, source, expected) -> None:
    assert wire_credit(sources, creditline, source) == expected
