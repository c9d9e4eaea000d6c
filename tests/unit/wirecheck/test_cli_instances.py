"""`wirecheck run SERVICE --instances N`: several instances are for the claims and verify stages."""

import pytest
from click.testing import CliRunner

from wirecheck.cli import main


@pytest.mark.parametrize("service", ["ingest", "all"])
def test_instances_beyond_one_are_refused_for_other_services(service):
    result = CliRunner().invoke(main, ["run", service, "--instances", "2"])
    assert result.exit_code == 2
    assert "--instances applies to `run claims` and `run verify` only" in result.output


def test_zero_instances_is_refused():
    result = CliRunner().invoke(main, ["run", "verify", "--instances", "0"])
    assert result.exit_code == 2
    assert "--instances" in result.output
