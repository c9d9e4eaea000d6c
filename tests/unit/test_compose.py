"""docker-compose.yml parses and agrees with the code: services, ports, bootstrap and scrape targets."""

from pathlib import Path

import pytest
import yaml

from wirecheck.processes import SERVICES

REPO = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())
PROMETHEUS = yaml.safe_load((REPO / "deploy/prometheus.yml").read_text())


def test_compose_names_every_service() -> None:
    assert set(COMPOSE["services"]) == {"kafka", "topics", *SERVICES, "review", "prometheus", "grafana"}


def test_kafka_is_the_official_image_in_kraft_mode() -> None:
    kafka = COMPOSE["services"]["kafka"]
    assert kafka["image"].startswith("apache/kafka:4.")
    assert kafka["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"


@pytest.mark.parametrize("service", [*SERVICES, "topics", "review"])
def test_services_reach_the_internal_listener(service: str) -> None:
    advertised = COMPOSE["services"]["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    internal = dict(part.split("://") for part in advertised.split(","))["INTERNAL"]
    assert COMPOSE["services"][service]["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == internal


@pytest.mark.parametrize("service", SERVICES)
def test_prometheus_scrapes_each_service_on_its_metrics_port(service: str) -> None:
    port = COMPOSE["services"][service]["environment"]["WIRECHECK_METRICS_PORT"]
    targets = {t for job in PROMETHEUS["scrape_configs"] for cfg in job["static_configs"] for t in cfg["targets"]}
    assert f"{service}:{port}" in targets
    assert f"127.0.0.1:{port}:{port}" in COMPOSE["services"][service]["ports"]


@pytest.mark.parametrize("service", SERVICES)
def test_service_commands_are_wirecheck_commands(service: str) -> None:
    from click.testing import CliRunner

    from wirecheck.cli import main

    command = COMPOSE["services"][service]["command"]
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0, result.output


def test_topics_job_creates_the_topics_before_the_services_start() -> None:
    assert COMPOSE["services"]["topics"]["command"] == ["kafka", "up"]
    for service in SERVICES:
        assert COMPOSE["services"][service]["depends_on"]["topics"]["condition"] == "service_completed_successfully"


def test_ingest_follows_the_feeds_file_named_at_compose_up() -> None:
    ingest = COMPOSE["services"]["ingest"]
    assert ingest["environment"]["WIRECHECK_FEEDS"] == "${WIRECHECK_FEEDS:-}"
    assert "./feeds:/feeds:ro" in ingest["volumes"]
    # The feeds' state file lives under WIRECHECK_HOME: a volume, so a restart keeps validators and health.
    home = ingest["environment"]["WIRECHECK_HOME"]
    assert any(volume.endswith(f":{home}") for volume in ingest["volumes"])
